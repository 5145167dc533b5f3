/**
 * The quiz as the server rendered it, before its live part has loaded (src/components/Quiz/index.tsx keeps that HTML
 * inert until the reader comes near): what the reader already did in it, so the live quiz carries on from there.
 * Native inputs work without React — a radio can be picked, an answer typed, Check pressed (src/lib/earlyInput.ts
 * keeps that form from submitting and marks it) — and the live quiz replaces those elements, so the answers, the
 * pressed Check and the focus are read off them first and handed over.
 */
import {EARLY_SUBMIT} from '../../lib/earlyInput';
import type {Answer} from '../../quiz/types';

/** What one question's form held when the live quiz took over. */
export interface EarlyAnswer {
  /** picked choices (a list), typed text or edited code; null when the reader had not answered */
  readonly answer: Answer | null;
  /** Check was pressed: the live question checks the answer at once */
  readonly submit: boolean;
}

/** question id → what its static form held */
export type EarlyAnswers = Readonly<Record<string, EarlyAnswer>>;

/** Where the focus was: a question's form and the n-th focusable control in it (and, in a text field, the selection). */
export interface FocusSpot {
  readonly question: string;
  readonly index: number;
  readonly selection?: readonly [number, number];
}

/** The controls of a question form a reader can focus, in document order (the same list in both renderings). */
const FOCUSABLE = 'input, textarea, button, summary, a[href]';

/** Read every question form of the static quiz under `root` (forms carry `data-question`). */
export function readStaticQuiz(root: ParentNode): {answers: EarlyAnswers; focus: FocusSpot | null} {
  const answers: Record<string, EarlyAnswer> = {};
  let focus: FocusSpot | null = null;
  const active = typeof document === 'undefined' ? null : document.activeElement;
  for (const form of root.querySelectorAll<HTMLFormElement>('form[data-question]')) {
    const id = form.dataset.question!;
    answers[id] = {answer: answerIn(form), submit: form.hasAttribute(EARLY_SUBMIT)};
    if (active && form.contains(active)) focus = spotOf(form, active);
  }
  return {answers, focus};
}

/** The answer a static form holds, or null if the reader has not touched it. */
function answerIn(form: HTMLFormElement): Answer | null {
  const code = form.querySelector('textarea');
  if (code) return code.value !== code.defaultValue ? code.value : null;
  const text = form.querySelector<HTMLInputElement>('input[type="text"]');
  if (text) return text.value !== '' ? text.value : null;
  const checked = [...form.querySelectorAll<HTMLInputElement>('input:checked')].map((i) => i.value);
  return checked.length ? checked : null;
}

/** The index of a control among its question form's focusable controls (how a spot names it across the swap). */
export function spotOf(form: HTMLFormElement, control: Element): FocusSpot {
  const spot = {question: form.dataset.question!, index: [...form.querySelectorAll(FOCUSABLE)].indexOf(control)};
  // the caret or a selection (Ctrl+A before typing over it) carries over, so typing goes on where it was
  if (isTextField(control) && control.selectionStart !== null && control.selectionEnd !== null) {
    return {...spot, selection: [control.selectionStart, control.selectionEnd]};
  }
  return spot;
}

function isTextField(el: Element): el is HTMLInputElement | HTMLTextAreaElement {
  return el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && el.type === 'text');
}

/** The live twin of the control a spot names, or null; `nearest`: the first control of its form if that place is gone. */
export function controlAt(root: ParentNode, spot: FocusSpot, nearest = false): HTMLElement | null {
  const form = [...root.querySelectorAll<HTMLFormElement>('form[data-question]')].find((f) => f.dataset.question === spot.question);
  if (!form) return null;
  const controls = [...form.querySelectorAll<HTMLElement>(FOCUSABLE)];
  return controls[spot.index] ?? (nearest ? controls[0] : null) ?? null;
}

/** Put the focus back on the live twin of the control that had it in the static quiz. */
export function restoreFocus(root: ParentNode, spot: FocusSpot): void {
  const control = controlAt(root, spot, true);
  control?.focus();
  if (control && spot.selection && isTextField(control)) control.setSelectionRange(spot.selection[0], spot.selection[1]);
}
