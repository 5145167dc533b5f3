// @vitest-environment jsdom
/**
 * What the live quiz takes over from the server's plain HTML (src/components/Quiz/staticQuiz.ts): the reader may pick,
 * type, edit and press Check before the quiz's chunk is there; nothing of it may be lost when the live quiz replaces
 * those elements. The forms here are written as the server renders them (form[data-question], native inputs).
 */
import {afterEach, describe, expect, it} from 'vitest';
import {readStaticQuiz, restoreFocus} from '../../src/components/Quiz/staticQuiz';
import {EARLY_SUBMIT} from '../../src/lib/earlyInput';

afterEach(() => {
  document.body.innerHTML = '';
});

function page(html: string): HTMLElement {
  document.body.innerHTML = `<div data-quiz-body>${html}</div>`;
  return document.querySelector('[data-quiz-body]')!;
}

const single = (id: string) =>
  `<form data-question="${id}"><fieldset><input type="radio" name="q-${id}" value="a"><input type="radio" name="q-${id}" value="b"><button type="submit">확인</button></fieldset></form>`;
const multiple = (id: string) =>
  `<form data-question="${id}"><input type="checkbox" value="x"><input type="checkbox" value="y"><input type="checkbox" value="z"><button type="submit">Check</button></form>`;
const short = (id: string) => `<form data-question="${id}"><input type="text" id="t-${id}"><button type="submit">Check</button></form>`;
const code = (id: string, starter: string) => `<form data-question="${id}"><textarea>${starter}</textarea><button type="button">Check</button></form>`;

describe('reading the static quiz', () => {
  it('an untouched quiz hands over no answers and no press', () => {
    const root = page(single('one') + short('two') + code('three', 'let fd = socket();'));

    const {answers, focus} = readStaticQuiz(root);

    expect(answers).toEqual({
      one: {answer: null, submit: false},
      two: {answer: null, submit: false},
      three: {answer: null, submit: false},
    });
    expect(focus).toBeNull();
  });

  it('hands over each question by its id: a picked radio, ticked boxes, typed text, edited code', () => {
    const root = page(single('pick') + multiple('boxes') + short('typed') + code('edited', 'let fd = socket();'));
    root.querySelector<HTMLInputElement>('[data-question="pick"] input[value="b"]')!.checked = true;
    root.querySelector<HTMLInputElement>('[data-question="boxes"] input[value="x"]')!.checked = true;
    root.querySelector<HTMLInputElement>('[data-question="boxes"] input[value="z"]')!.checked = true;
    root.querySelector<HTMLInputElement>('[data-question="typed"] input')!.value = '3';
    root.querySelector<HTMLTextAreaElement>('[data-question="edited"] textarea')!.value = 'let fd = socket();\nclose(fd);';

    const {answers} = readStaticQuiz(root);

    expect(answers.pick.answer).toEqual(['b']);
    expect(answers.boxes.answer).toEqual(['x', 'z']);
    expect(answers.typed.answer).toBe('3');
    expect(answers.edited.answer).toBe('let fd = socket();\nclose(fd);');
  });

  it('a Check the early-input guard kept from submitting is handed over as a press', () => {
    const root = page(single('a') + single('b'));
    root.querySelector('[data-question="b"]')!.setAttribute(EARLY_SUBMIT, '');

    const {answers} = readStaticQuiz(root);

    expect(answers.a.submit).toBe(false);
    expect(answers.b.submit).toBe(true);
  });
});

describe('the focus across the swap', () => {
  it('is found in its question and put back on the control at the same place in the live form', () => {
    const root = page(single('first') + single('second'));
    root.querySelectorAll<HTMLInputElement>('[data-question="second"] input')[1].focus();
    const {focus} = readStaticQuiz(root);
    expect(focus).toEqual({question: 'second', index: 1});

    // the live quiz replaces every element
    const live = page(single('first') + single('second'));
    restoreFocus(live, focus!);

    expect(document.activeElement).toBe(live.querySelectorAll('[data-question="second"] input')[1]);
  });

  it('in a text field, carries the selection too: typing over a Ctrl+A goes on replacing everything', () => {
    const root = page(code('edited', 'let fd = socket();'));
    const area = root.querySelector('textarea')!;
    area.focus();
    area.setSelectionRange(0, area.value.length);
    const {focus, answers} = readStaticQuiz(root);
    expect(focus).toEqual({question: 'edited', index: 0, selection: [0, 'let fd = socket();'.length]});
    expect(answers.edited.answer).toBeNull();

    const live = page(code('edited', 'let fd = socket();'));
    restoreFocus(live, focus!);

    const twin = live.querySelector('textarea')!;
    expect(document.activeElement).toBe(twin);
    expect([twin.selectionStart, twin.selectionEnd]).toEqual([0, 'let fd = socket();'.length]);
  });
});
