/**
 * The code in a block's editor, kept in localStorage as the reader types (./storage), with the time of the last
 * edit so the block can say it was edited and when (EditedMark), and what the block must tell the reader about
 * saving (EditNotice: a refused save, an edit too large to keep, a record set aside). Reset forgets all three.
 */
import {useCallback, useMemo, useState} from 'react';
import {clearEdit, loadEdit, saveEdit, storageKey, type EditNotice} from './storage';

export interface SavedEditState {
  code: string;
  /** the code differs from the author's */
  edited: boolean;
  /** when the reader last changed it; null for an edit saved before times were kept */
  savedAt: number | null;
  /** what to tell the reader about the saved edit, or null */
  notice: EditNotice | null;
  setCode: (code: string) => void;
  /** back to the author's code, nothing kept */
  reset: () => void;
}

interface State {
  code: string;
  savedAt: number | null;
  notice: EditNotice | null;
}

export function useSavedEdit(original: string): SavedEditState {
  const key = useMemo(() => storageKey(window.location.pathname, original), [original]);
  const [state, setState] = useState<State>(() => {
    const loaded = loadEdit(key);
    return {code: loaded.code ?? original, savedAt: loaded.savedAt, notice: loaded.notice};
  });
  const setCode = useCallback(
    (code: string) => {
      const savedAt = Date.now();
      const notice = saveEdit(key, code, original, savedAt);
      // a failed save says so until a later save works (a set-aside notice stays until then too)
      setState((was) => ({
        code,
        savedAt: code === original ? null : savedAt,
        notice: notice ?? (was.notice?.kind === 'set-aside' ? was.notice : null),
      }));
    },
    [key, original],
  );
  const reset = useCallback(() => {
    clearEdit(key);
    setState({code: original, savedAt: null, notice: null});
  }, [key, original]);
  return {code: state.code, edited: state.code !== original, savedAt: state.savedAt, notice: state.notice, setCode, reset};
}
