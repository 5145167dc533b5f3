/**
 * The code editor: a transparent <textarea> laid exactly over the highlighted code (same font, padding
 * and line height; it grows with its content so the outer box does the scrolling for both).
 * Keys: Tab indents, Shift+Tab outdents, Esc then Tab leaves the editor, Ctrl/Cmd+Enter runs.
 * None of them acts while an input method is composing (a Hangul syllable being built): the key belongs to the
 * input method then, and acting on it would split or duplicate the syllable.
 */
import {useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode} from 'react';
import {translate} from '@docusaurus/Translate';
import CodeSurface, {type LineMark} from './CodeSurface';
import {applyEdit, indent, lineOf, outdent, type TextEdit} from './editing';
import {afterRelease, watchPresses} from './pressTracking';
import styles from './styles.module.css';

export interface EditorProps {
  code: string;
  language: string;
  onChange: (code: string) => void;
  onRun: () => void;
  lineMarks?: (line: number) => LineMark[];
  /** the line the caret is on, whenever it moves */
  onCaretLine?: (line: number) => void;
  onGutterClick?: (line: number) => void;
  autoFocus?: boolean;
  /** id of the element describing the last error, when the code has one */
  errorId?: string;
}

const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'Meta']);

/**
 * Attributes that ask phone keyboards not to "improve" code: no capitals, corrections, spelling marks, or inline
 * suggestions (`writingsuggestions`, not yet in React's types). Smart punctuation is not under the page's control
 * everywhere; what gets through is put back before a run (./punctuationRun).
 */
const PLAIN_TYPING = {
  spellCheck: false,
  autoCapitalize: 'off',
  autoComplete: 'off',
  autoCorrect: 'off',
  writingsuggestions: 'false',
} as Record<string, unknown>;

export default function Editor(props: EditorProps): ReactNode {
  const {code, onChange, onRun, onCaretLine} = props;
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const scrollerRef = useRef<HTMLDivElement>(null);
  // After Esc the next Tab is not captured, so keyboard users can leave the editor.
  const escaped = useRef(false);
  const pendingSelection = useRef<[number, number] | null>(null);
  // Between compositionstart and compositionend. Browsers differ in what a keydown during composition carries
  // (isComposing, keyCode 229, or — for the key that ends it, in some — neither), so the editor also keeps count.
  const composing = useRef(false);
  const hintId = useId();
  // The key hint shows while the editor has the focus, and until a press that took the focus away is released
  // (./pressTracking says why: otherwise a button below the editor moves away under the pointer and gets no click).
  const [hintShown, setHintShown] = useState(false);
  const cancelHide = useRef<(() => void) | null>(null);
  useEffect(() => {
    watchPresses();
    // focused before it was live (the placeholder handed the focus over): the hint shows as after a focus event
    if (textareaRef.current && document.activeElement === textareaRef.current) setHintShown(true);
    return () => cancelHide.current?.();
  }, []);
  const showHint = () => {
    cancelHide.current?.();
    cancelHide.current = null;
    setHintShown(true);
  };
  const hideHint = () => {
    cancelHide.current?.();
    cancelHide.current = afterRelease(() => {
      cancelHide.current = null;
      setHintShown(false);
    });
  };

  useEffect(() => {
    if (props.autoFocus) textareaRef.current?.focus();
    // Only on mount: the reader asked for the editor before it had loaded.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // A fallback edit (no execCommand) re-renders the value; put the selection back afterwards.
  useLayoutEffect(() => {
    const sel = pendingSelection.current;
    const ta = textareaRef.current;
    if (sel && ta) {
      ta.setSelectionRange(sel[0], sel[1]);
      pendingSelection.current = null;
    }
  });

  const perform = (ta: HTMLTextAreaElement, edit: TextEdit) => {
    const before = ta.value;
    const expected = applyEdit(before, edit);
    if (expected === before) {
      ta.setSelectionRange(edit.selStart, edit.selEnd);
      return;
    }
    // insertText keeps the browser's undo history; jsdom and old browsers lack it.
    ta.setSelectionRange(edit.from, edit.to);
    let done = false;
    try {
      done = typeof document.execCommand === 'function' && document.execCommand('insertText', false, edit.insert);
    } catch {
      done = false;
    }
    if (done && ta.value === expected) {
      ta.setSelectionRange(edit.selStart, edit.selEnd);
      return;
    }
    pendingSelection.current = [edit.selStart, edit.selEnd];
    onChange(expected);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    // the input method's key: no indenting, no Esc state, no run, and no preventDefault
    if (e.nativeEvent.isComposing || e.keyCode === 229 || e.key === 'Process' || composing.current) return;
    if (e.key === 'Escape') {
      escaped.current = true;
      return;
    }
    if (e.key === 'Tab') {
      if (escaped.current || e.ctrlKey || e.altKey || e.metaKey) {
        escaped.current = false;
        return;
      }
      e.preventDefault();
      const ta = e.currentTarget;
      perform(ta, (e.shiftKey ? outdent : indent)(ta.value, ta.selectionStart, ta.selectionEnd));
      return;
    }
    if (!MODIFIERS.has(e.key)) escaped.current = false;
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      onRun();
    }
  };

  const reportCaret = () => {
    const ta = textareaRef.current;
    if (ta && onCaretLine) onCaretLine(lineOf(ta.value, ta.selectionStart));
  };

  // The textarea is as big as its content, but a caret at the very end of a line may still scroll it
  // by a pixel or two: hand that scroll to the outer box so the two layers never drift apart.
  const onScroll = () => {
    const ta = textareaRef.current;
    const outer = scrollerRef.current;
    if (!ta || !outer) return;
    if (ta.scrollLeft || ta.scrollTop) {
      outer.scrollLeft += ta.scrollLeft;
      ta.scrollLeft = 0;
      ta.scrollTop = 0;
    }
  };

  // The key hint is read out with the editor (aria-describedby) and shown while the editor has the focus
  // (data-hint, see hintShown), so sighted keyboard users learn how to leave it too.
  return (
    <div className={styles.editor} data-hint={hintShown ? 'shown' : undefined}>
      <CodeSurface
        code={code}
        language={props.language}
        lineMarks={props.lineMarks}
        onGutterClick={props.onGutterClick}
        scrollerRef={scrollerRef}>
        <textarea
          ref={textareaRef}
          className={styles.textarea}
          value={code}
          onChange={(e) => onChange(e.target.value)}
          onKeyDown={onKeyDown}
          onFocus={showHint}
          onBlur={() => {
            hideHint();
            escaped.current = false;
            // leaving the editor ends any composition; never let a lost compositionend disable the keys
            composing.current = false;
          }}
          onCompositionStart={() => {
            composing.current = true;
          }}
          onCompositionEnd={() => {
            composing.current = false;
          }}
          onSelect={reportCaret}
          onClick={reportCaret}
          onScroll={onScroll}
          aria-label={translate({id: 'livecode.editor', message: '코드 편집기', description: 'Accessible name of the code editor'})}
          aria-describedby={props.errorId ? `${hintId} ${props.errorId}` : hintId}
          aria-invalid={props.errorId ? true : undefined}
          {...PLAIN_TYPING}
          wrap="off"
          rows={code.split('\n').length}
        />
      </CodeSurface>
      <p id={hintId} className={styles.editorHint}>
        {translate({
          id: 'livecode.editorHint',
          message: 'Tab은 들여쓰기, Shift+Tab은 내어쓰기입니다. Esc를 누른 뒤 Tab을 누르면 편집기를 벗어납니다. Ctrl+Enter로 실행합니다.',
          description: 'Hint describing the editor keys, shown while the editor has the focus',
        })}
      </p>
    </div>
  );
}
