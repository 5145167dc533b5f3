/**
 * The quiz's own words (everything that is not question data). Korean is the default message; English lives in
 * i18n/en/code.json under the same ids.
 */
import {translate} from '@docusaurus/Translate';

export const quizStrings = {
  regionLabel: (title: string) => translate({id: 'quiz.region.label', message: '퀴즈: {title}'}, {title}),
  questionNumber: (n: number) => translate({id: 'quiz.question.number', message: '문제 {n}.'}, {n: String(n)}),
  check: () => translate({id: 'quiz.check', message: '확인'}),
  checking: () => translate({id: 'quiz.checking', message: '실행해서 확인하는 중…'}),
  correct: () => translate({id: 'quiz.feedback.correct', message: '정답'}),
  incorrect: () => translate({id: 'quiz.feedback.incorrect', message: '오답'}),
  needAnswer: () => translate({id: 'quiz.feedback.needAnswer', message: '답을 고르거나 입력한 뒤 확인을 누르세요.'}),
  retry: () => translate({id: 'quiz.retry', message: '다시 풀기'}),
  solution: () => translate({id: 'quiz.solution', message: '풀이 보기'}),
  solutionAnswer: (answer: string) => translate({id: 'quiz.solution.answer', message: '답: {answer}'}, {answer}),
  attempts: (n: number) => translate({id: 'quiz.attempts', message: '시도 {n}회'}, {n: String(n)}),
  readSection: () => translate({id: 'quiz.section.read', message: '본문에서 다시 읽기:'}),
  answerLabel: () => translate({id: 'quiz.input.answer', message: '답'}),
  predictionLabel: () => translate({id: 'quiz.input.prediction', message: '예상한 결과'}),
  runIt: () => translate({id: 'quiz.program.runIt', message: '직접 실행해 보기: 실행을 누르고 한 단계씩 따라가 보세요'}),
  runStatus: (status: string) => translate({id: 'quiz.program.status', message: '실행 상태: {status}'}, {status}),
  consoleTitle: () => translate({id: 'quiz.program.console', message: '출력'}),
  noConsole: () => translate({id: 'quiz.program.noConsole', message: '(출력 없음)'}),
  segmentsCaption: () => translate({id: 'quiz.program.segments', message: '오간 세그먼트'}),
  colTime: () => translate({id: 'quiz.program.col.time', message: '시각(ms)'}),
  colFrom: () => translate({id: 'quiz.program.col.from', message: '보낸 쪽'}),
  colTo: () => translate({id: 'quiz.program.col.to', message: '받는 쪽'}),
  colFlags: () => translate({id: 'quiz.program.col.flags', message: '플래그'}),
  colLength: () => translate({id: 'quiz.program.col.length', message: '길이'}),
  runFailed: () =>
    translate({id: 'quiz.program.runFailed', message: '프로그램을 실행하지 못했습니다. 잠시 뒤 다시 시도하세요.'}),
  starterCode: () => translate({id: 'quiz.code.starter', message: '처음 코드로 되돌리기'}),
  requirements: () => translate({id: 'quiz.code.requirements', message: '확인한 조건'}),
  met: () => translate({id: 'quiz.code.met', message: '충족'}),
  unmet: () => translate({id: 'quiz.code.unmet', message: '미충족'}),
  setAside: () =>
    translate({
      id: 'quiz.notice.setAside',
      message: '저장된 진행 상황을 읽을 수 없어 따로 보관했습니다. 퀴즈 기록은 지금부터 새로 쌓입니다.',
    }),
  recordsSetAside: (n: number) =>
    translate(
      {id: 'quiz.notice.recordsSetAside', message: '저장된 퀴즈 기록 중 {n}개를 읽을 수 없어 따로 보관했습니다. 나머지 기록은 그대로입니다.'},
      {n: String(n)},
    ),
  keptAs: (key: string) => translate({id: 'quiz.notice.keptAs', message: '보관한 위치(localStorage): {key}'}, {key}),
  notKept: () =>
    translate({
      id: 'quiz.notice.notKept',
      message: '저장 공간이 부족해 읽을 수 없던 기록을 따로 옮기지 못하고 원래 자리에 그대로 두었습니다.',
    }),
  dismiss: () => translate({id: 'quiz.notice.dismiss', message: '알림 닫기'}),
  saveFailed: () =>
    translate({id: 'quiz.notice.saveFailed', message: '이 브라우저에는 진행 상황을 저장할 수 없어, 페이지를 떠나면 답이 사라집니다.'}),
  progressLine: (answered: number, correct: number, total: number) =>
    translate(
      {id: 'quiz.progress.line', message: '{total}문제 중 {answered}문제 풀이, {correct}문제 정답'},
      {answered: String(answered), correct: String(correct), total: String(total)},
    ),
};
