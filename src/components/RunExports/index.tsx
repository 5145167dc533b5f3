/**
 * Two ways out of a finished run (the playground mounts it as `<RunExports result={result} code={code} />`):
 * "pcapng 내려받기" / "Download pcapng" saves the run's segments for Wireshark (src/export/pcapng.ts), and
 * "내 커널로 확인" / "Check on my kernel" saves a Python 3 script that makes the same calls on the reader's own
 * kernel (src/export/kernelCheck.ts) and says how to run it and what it can and cannot compare.
 * The export code is a chunk loaded on the first click, never with the page.
 */
import {useId, useState, type ReactNode} from 'react';
import {translate} from '@docusaurus/Translate';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import type {RunResult} from '../../runner/types';
import styles from './styles.module.css';

export interface RunExportsProps {
  /** the last finished run, or null before the first */
  result: RunResult | null;
  /** the program that produced it (the script quotes it) */
  code: string;
}

const CAPTURE_NAME = 'socketlab-run.pcapng';

/** Save bytes or text under a file name (an <a download> click; the URL is released afterwards). */
function save(content: Uint8Array | string, name: string, type: string): void {
  const blob = new Blob([content as BlobPart], {type});
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Why a button cannot be used now, or null. */
function captureBlocked(result: RunResult | null): string | null {
  if (!result) return translate({id: 'runExports.noRun', message: '먼저 프로그램을 실행하세요. 실행한 결과를 내려받아요.'});
  if (!result.trace.some((e) => e.kind === 'segment')) {
    return translate({id: 'runExports.noSegments', message: '이 실행에서는 오간 세그먼트가 없어서 담을 패킷이 없어요.'});
  }
  return null;
}

function kernelBlocked(result: RunResult | null): string | null {
  if (!result) return translate({id: 'runExports.noRun', message: '먼저 프로그램을 실행하세요. 실행한 결과를 내려받아요.'});
  if (!result.trace.some((e) => e.kind === 'call')) {
    return translate({id: 'runExports.noCalls', message: '이 실행에는 소켓 호출이 없어서 커널로 확인할 것이 없어요.'});
  }
  return null;
}

export default function RunExports({result, code}: RunExportsProps): ReactNode {
  const {i18n} = useDocusaurusContext();
  const locale = i18n.currentLocale === 'en' ? 'en' : 'ko';
  const ids = useId();
  const [message, setMessage] = useState<{text: string; bad: boolean} | null>(null);
  const [scriptName, setScriptName] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const captureWhy = captureBlocked(result);
  const kernelWhy = kernelBlocked(result);
  const loadFailed = () =>
    setMessage({
      text: translate({id: 'runExports.loadFailed', message: '내보내기 코드를 불러오지 못했어요. 연결을 확인하고 다시 눌러 주세요.'}),
      bad: true,
    });

  const downloadCapture = async () => {
    if (!result || captureWhy) return;
    setBusy(true);
    try {
      const {toPcapng} = await import('../../export/pcapng');
      save(toPcapng(result), CAPTURE_NAME, 'application/x-pcapng');
      setScriptName(null);
      setMessage({
        text: translate(
          {id: 'runExports.captureSaved', message: '{file} 파일을 내려받았어요. Wireshark로 열면 패킷마다 보낸 까닭이 주석으로 붙어 있어요.'},
          {file: CAPTURE_NAME},
        ),
        bad: false,
      });
    } catch {
      loadFailed();
    } finally {
      setBusy(false);
    }
  };

  const downloadScript = async () => {
    if (!result || kernelWhy) return;
    setBusy(true);
    try {
      const {toKernelScript, KERNEL_SCRIPT_NAME} = await import('../../export/kernelCheck');
      save(toKernelScript(result, code, locale), KERNEL_SCRIPT_NAME, 'text/x-python');
      setScriptName(KERNEL_SCRIPT_NAME);
      setMessage(null);
    } catch {
      loadFailed();
    } finally {
      setBusy(false);
    }
  };

  const captureHint = `${ids}-capture`;
  const kernelHint = `${ids}-kernel`;
  return (
    <div className={styles.exports}>
      <div className={styles.buttons}>
        <button
          type="button"
          className="button button--secondary button--sm"
          disabled={captureWhy !== null || busy}
          aria-describedby={captureWhy ? captureHint : undefined}
          onClick={downloadCapture}>
          {translate({id: 'runExports.pcapng', message: 'pcapng 내려받기'})}
        </button>
        <button
          type="button"
          className="button button--secondary button--sm"
          disabled={kernelWhy !== null || busy}
          aria-describedby={kernelWhy ? (kernelWhy === captureWhy ? captureHint : kernelHint) : undefined}
          onClick={downloadScript}>
          {translate({id: 'runExports.kernel', message: '내 커널로 확인'})}
        </button>
      </div>
      {captureWhy && (
        <p id={captureHint} className={styles.why}>
          {captureWhy}
        </p>
      )}
      {kernelWhy && kernelWhy !== captureWhy && (
        <p id={kernelHint} className={styles.why}>
          {kernelWhy}
        </p>
      )}
      <p className={message?.bad ? styles.bad : styles.ok} role="status">
        {message?.text}
      </p>
      {scriptName && <KernelHelp file={scriptName} />}
    </div>
  );
}

/** How to run the downloaded script and, honestly, what it compares and what it cannot. */
function KernelHelp({file}: {file: string}): ReactNode {
  return (
    <div className={styles.help}>
      <p>
        {translate({id: 'runExports.kernel.saved', message: '{file} 파일을 내려받았어요. 파이썬 3이 있는 컴퓨터의 터미널에서 실행하세요:'}, {file})}
      </p>
      <pre className={styles.command}>
        <code>python3 {file}</code>
      </pre>
      <p>
        {translate({
          id: 'runExports.kernel.does',
          message:
            '이번 실행의 소켓 호출을 같은 인자, 같은 순서로 내 컴퓨터의 127.0.0.1에서 실제로 호출하고 (호스트마다 프로세스 하나), 호출마다 시뮬레이터의 결과와 커널의 결과를 나란히 보여 주며 다른 곳에 !!를 붙여요.',
        })}
      </p>
      <ul>
        <li>
          {translate({
            id: 'runExports.kernel.compares',
            message: '비교하는 것: 돌려준 값과 오류(errno), 디스크립터 번호, bind한 포트, read로 받은 바이트의 내용과 EOF.',
          })}
        </li>
        <li>
          {translate({
            id: 'runExports.kernel.cannot',
            message:
              '비교하지 못하는 것: 시간(타이머와 지연), 커널이 고르는 임시 포트 번호, 초기 순서 번호, 세그먼트 경계. 그래서 read는 나뉜 크기가 아니라 받은 바이트로 비교해요.',
          })}
        </li>
        <li>
          {translate({
            id: 'runExports.kernel.builtins',
            message:
              'www.example.com 같은 내장 서버는 내 컴퓨터에 없어서, 이번 실행에서 그 서버가 한 일을 그대로 되풀이하는 대역 서버가 대신 답해요. 모든 주소는 127.0.0.1이 돼요.',
          })}
        </li>
        <li>
          {translate({
            id: 'runExports.kernel.os',
            message: '시뮬레이터는 리눅스를 따라요. 스크립트는 어떤 운영체제에서 돌았는지 알려 주고, macOS나 Windows에서는 다르게 나오는 것 중 많은 부분이 실제 차이예요.',
          })}
        </li>
      </ul>
    </div>
  );
}
