/**
 * The shape of quiz data. Questions are plain data (no React) so the grading, the storage and the tests can use
 * them without a browser; every text a reader sees is given in both locales.
 */
import type {WorldOptions} from '../sim/api';

export type Locale = 'ko' | 'en';

/** A text in both locales. */
export interface Localized {
  ko: string;
  en: string;
}

/** Doc ids of the chapters that end with a quiz. */
export type ChapterId = 'overview' | 'socket' | 'connect' | 'server' | 'read-write' | 'close' | 'http';

export interface Choice {
  /** stable within the question; stored as the reader's answer */
  id: string;
  text: Localized;
}

/** What every question has. */
interface QuestionBase {
  /** unique over all chapters; the key under which the answer is saved (never rename a published id) */
  id: string;
  /** the chapter section that teaches it: `<doc id>#<heading id>`, e.g. 'connect#why-descriptor-and-port' */
  section: string;
  /** ids of the note points it asks about (src/quiz/notePoints.ts) */
  notePoints: string[];
  prompt: Localized;
  /** why the answer is what it is; shown after every attempt, right or wrong */
  explanation: Localized;
}

export interface SingleChoiceQuestion extends QuestionBase {
  kind: 'single';
  choices: Choice[];
  correct: string;
}

export interface MultipleChoiceQuestion extends QuestionBase {
  kind: 'multiple';
  choices: Choice[];
  /** every id that must be ticked; the others must not be */
  correct: string[];
}

export interface ShortAnswerQuestion extends QuestionBase {
  kind: 'short';
  /** accepted answers; compared after normalisation (trim, case, spacing, see grading.ts) */
  accept: string[];
  /** the answer as the solution shows it */
  solution: Localized;
  /** 'numeric' shows a number keyboard on phones */
  inputMode?: 'numeric' | 'text';
}

/**
 * How the outcome of a program is read from its RunResult (src/quiz/outcomes.ts), so the answer key of a
 * predict-the-outcome question can be checked against the simulator.
 */
export type OutcomeMeasure =
  /** the text of the last console.log line */
  | {type: 'last-log'}
  /** the errno the program ended with ('none' when it ended without a socket error) */
  | {type: 'errno'}
  /** how the run ended: 'ok', 'error', 'blocked', … (RunStatus) */
  | {type: 'status'}
  /** the final TCP state of the host's socket whose peer (or, for a listener, local) port is `port` ('CLOSED' once forgotten) */
  | {type: 'final-state'; host: string; port: number}
  /** how many segments went from one host to the other (either direction when `both`), optionally only those with these exact flags */
  | {type: 'segment-count'; from: string; to: string; both?: boolean; flags?: string}
  /** the flags of the segments between two hosts from the first FIN or RST on, in order, e.g. 'FA FA A' */
  | {type: 'close-trace'; a: string; b: string};

export interface PredictQuestion extends QuestionBase {
  kind: 'predict';
  /** the program shown read-only; the reader may run it after answering */
  program: string;
  world?: WorldOptions;
  measure: OutcomeMeasure;
  /** the outcome the chapter teaches, e.g. '4', 'ECONNREFUSED', 'TIME-WAIT' */
  expected: string;
  /** other spellings accepted for the same outcome */
  accept?: string[];
  /** when given, the reader picks one of these outcomes instead of typing */
  options?: string[];
  /** words shown next to an option's value, e.g. 'blocked' → '영원히 기다림' */
  optionLabels?: Record<string, Localized>;
  inputMode?: 'numeric' | 'text';
}

export interface CodeChallengeQuestion extends QuestionBase {
  kind: 'code';
  /** what the editor starts with */
  starter: string;
  /** a reference solution; shown after an attempt and proven to pass by test/quiz */
  solution: string;
  /** name of a checker in src/quiz/checkers.ts */
  checker: string;
  world?: WorldOptions;
}

export type Question =
  | SingleChoiceQuestion
  | MultipleChoiceQuestion
  | ShortAnswerQuestion
  | PredictQuestion
  | CodeChallengeQuestion;

export type QuestionKind = Question['kind'];

/** One chapter's quiz. */
export interface ChapterQuiz {
  chapter: ChapterId;
  /** the chapter's title as the quiz region and the review page name it */
  title: Localized;
  questions: Question[];
}

/** What the reader answered: a choice id, a list of choice ids, a typed text, or a program. */
export type Answer = string | string[];
