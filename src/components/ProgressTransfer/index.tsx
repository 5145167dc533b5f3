/**
 * "진도 내보내기" / "Export progress" and "진도 가져오기" / "Import progress" (on the review page): the reader's quiz
 * answers and edited blocks as one versioned JSON file, and such a file merged back with a summary of what changed.
 * A file that is not one, or is damaged, is refused with the reason and changes nothing. The work: src/progress.
 */
import {useRef, useState, type ReactNode} from 'react';
import {translate} from '@docusaurus/Translate';
import {exportProgress, mergeProgress, readProgressFile, type ImportProblem, type ImportSummary} from '../../progress/transfer';
import {reloadProgress} from '../../quiz/progressStore';
import styles from './styles.module.css';

function storage(): Storage | null {
  try {
    return window.localStorage ?? null;
  } catch {
    return null;
  }
}

function problemText(problem: ImportProblem | 'storage' | 'read'): string {
  const unchanged = translate({id: 'progress.unchanged', message: '아무것도 바꾸지 않았어요.'});
  switch (problem) {
    case 'json':
    case 'format':
      return `${translate({id: 'progress.error.notProgress', message: 'Socket Lab 진도 파일이 아니에요. 「진도 내보내기」로 받은 JSON 파일을 골라 주세요.'})} ${unchanged}`;
    case 'version':
      return `${translate({id: 'progress.error.version', message: '이 사이트가 모르는 형식 버전의 진도 파일이에요.'})} ${unchanged}`;
    case 'records':
    case 'quiz':
    case 'code':
      return `${translate({id: 'progress.error.damaged', message: '진도 파일이 손상되었어요: 읽을 수 없는 기록이 있어요.'})} ${unchanged}`;
    case 'read':
      return `${translate({id: 'progress.error.read', message: '파일을 읽지 못했어요.'})} ${unchanged}`;
    case 'storage':
      return translate({id: 'progress.error.storage', message: '브라우저가 저장을 허용하지 않아 가져오지 못했어요 (사생활 보호 모드이거나 저장 공간이 가득 찼어요).'});
  }
}

function summaryText(s: ImportSummary): string {
  if (s.unchanged) return translate({id: 'progress.imported.same', message: '가져왔어요. 이 브라우저에 이미 같은 진도가 있어서 바뀐 것은 없어요.'});
  return translate(
    {
      id: 'progress.imported',
      message: '가져왔어요. 퀴즈 답: 새로 {quizAdded}개, 바뀜 {quizChanged}개. 편집한 코드: 새로 {codeAdded}개, 바뀜 {codeChanged}개. 그 밖의 기록: {other}개.',
    },
    {
      quizAdded: s.quizAdded,
      quizChanged: s.quizChanged,
      codeAdded: s.codeAdded,
      codeChanged: s.codeChanged,
      other: s.otherAdded + s.otherChanged,
    },
  );
}

export default function ProgressTransfer(): ReactNode {
  const fileRef = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<{text: string; bad: boolean} | null>(null);

  const download = () => {
    const s = storage();
    if (!s) {
      setMessage({text: problemText('storage'), bad: true});
      return;
    }
    const now = new Date();
    const blob = new Blob([JSON.stringify(exportProgress(s, now), null, 2)], {type: 'application/json'});
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `socket-lab-progress-${now.toISOString().slice(0, 10)}.json`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    setMessage({text: translate({id: 'progress.exported', message: '진도 파일을 내려받았어요.'}), bad: false});
  };

  const importFile = async (file: File) => {
    let text: string;
    try {
      text = await file.text();
    } catch {
      setMessage({text: problemText('read'), bad: true});
      return;
    }
    const read = readProgressFile(text);
    if ('problem' in read) {
      setMessage({text: problemText(read.problem), bad: true});
      return;
    }
    const s = storage();
    if (!s) {
      setMessage({text: problemText('storage'), bad: true});
      return;
    }
    try {
      const summary = mergeProgress(s, read.records);
      reloadProgress();
      setMessage({text: summaryText(summary), bad: false});
    } catch {
      reloadProgress();
      setMessage({text: problemText('storage'), bad: true});
    }
  };

  return (
    <section className={styles.transfer} aria-labelledby="progress-transfer-title">
      <h2 id="progress-transfer-title" className={styles.title}>
        {translate({id: 'progress.title', message: '다른 기기로 진도 옮기기'})}
      </h2>
      <p>
        {translate({
          id: 'progress.intro',
          message: '퀴즈 답과 편집한 코드는 이 브라우저에만 저장돼요. 파일로 내보내 다른 기기에서 가져올 수 있어요.',
        })}
      </p>
      <div className={styles.buttons}>
        <button type="button" className="button button--secondary" onClick={download}>
          {translate({id: 'progress.export', message: '진도 내보내기'})}
        </button>
        <button type="button" className="button button--secondary" onClick={() => fileRef.current?.click()}>
          {translate({id: 'progress.import', message: '진도 가져오기'})}
        </button>
        <input
          ref={fileRef}
          type="file"
          accept="application/json,.json"
          hidden
          aria-hidden="true"
          tabIndex={-1}
          data-progress-file=""
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void importFile(file);
          }}
        />
      </div>
      <p role="status" className={message?.bad ? styles.bad : styles.ok}>
        {message?.text}
      </p>
    </section>
  );
}
