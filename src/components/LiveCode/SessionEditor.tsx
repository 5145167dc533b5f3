/**
 * The editor wired to a run session, as a runnable block and the playground both use it: Ctrl+Enter runs, the
 * session's marks sit in the gutter, moving the caret (or clicking a line number) selects that line's moment, and the
 * editor points at the error's line through `errorId`.
 */
import type {ReactNode} from 'react';
import Editor from './Editor';
import type {RunSession} from './useRunSession';

export interface SessionEditorProps {
  code: string;
  language: string;
  onChange: (code: string) => void;
  session: RunSession;
  /** the id of the element that tells the error, when there is one (RunPanels renders it) */
  errorId: string;
  autoFocus?: boolean;
}

export default function SessionEditor({code, language, onChange, session, errorId, autoFocus}: SessionEditorProps): ReactNode {
  return (
    <Editor
      code={code}
      language={language}
      onChange={onChange}
      onRun={() => void session.run()}
      lineMarks={session.lineMarks}
      onCaretLine={(line) => {
        if (line !== session.selectedLine) session.selectLine(line);
      }}
      onGutterClick={session.selectLine}
      autoFocus={autoFocus}
      errorId={session.errorLine !== null ? errorId : undefined}
    />
  );
}
