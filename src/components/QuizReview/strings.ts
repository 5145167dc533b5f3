/** The review page's own words; English in i18n/en/code.json. */
import {translate} from '@docusaurus/Translate';

export const reviewStrings = {
  tableCaption: () => translate({id: 'quizReview.table.caption', message: '장별 진행 상황'}),
  colChapter: () => translate({id: 'quizReview.col.chapter', message: '장'}),
  colAnswered: () => translate({id: 'quizReview.col.answered', message: '푼 문제'}),
  colCorrect: () => translate({id: 'quizReview.col.correct', message: '맞힌 문제'}),
  colWrong: () => translate({id: 'quizReview.col.wrong', message: '틀린 문제'}),
  colTotal: () => translate({id: 'quizReview.col.total', message: '문제 수'}),
  total: () => translate({id: 'quizReview.total', message: '합계'}),
  retakeWrong: () => translate({id: 'quizReview.retake', message: '틀린 문제 다시 풀기'}),
  closeRetake: () => translate({id: 'quizReview.retake.close', message: '다시 풀기 닫기'}),
  retakeRegion: () => translate({id: 'quizReview.retake.region', message: '퀴즈: 틀린 문제 다시 풀기'}),
  retakeIntro: (n: number) =>
    translate(
      {id: 'quizReview.retake.intro', message: '틀린 문제 {n}개예요. 관련 절을 다시 읽고 풀어 보세요.'},
      {n: String(n)},
    ),
  noWrong: () => translate({id: 'quizReview.retake.none', message: '틀린 문제가 없어요. 아직 풀지 않은 퀴즈가 있다면 각 장에서 풀어 보세요.'}),
  resetProgress: () => translate({id: 'quizReview.reset', message: '진행 상황 초기화'}),
  resetConfirmText: () =>
    translate({id: 'quizReview.reset.confirm', message: '모든 장의 답과 기록을 지울까요? 되돌릴 수 없습니다.'}),
  resetConfirmButton: () => translate({id: 'quizReview.reset.yes', message: '모두 지우기'}),
  resetCancel: () => translate({id: 'quizReview.reset.cancel', message: '취소'}),
  resetDone: () => translate({id: 'quizReview.reset.done', message: '진행 상황을 지웠습니다.'}),
};
