/**
 * The code in a block's editor, kept in localStorage as the reader types (./storage), with the time of the last
 * edit so the block can say it was edited and when (EditedMark). Reset forgets both.
 */
import {useCallback, useMemo, useState} from 'react';
import {clearEdit, loadSavedEdit, saveEdit, storageKey} from './storage';

export interface SavedEditState {
  code: string;
  /** the code differs from the author's */
  edited: boolean;
  /** when the reader last changed it; null for an edit saved before times were kept */
  savedAt: number | null;
  setCode: (code: string) => void;
  /** back to the author's code, nothing kept */
  reset: () => void;
}

export function useSavedEdit(original: string): SavedEditState {
  const key = useMemo(() => storageKey(window.location.pathname, original), [original]);
  const [state, setState] = useState(() => {
    const saved = loadSavedEdit(key);
    return saved ?? {code: original, savedAt: null};
  });
  const setCode = useCallback(
    (code: string) => {
      const savedAt = Date.now();
      saveEdit(key, code, original, savedAt);
      setState({code, savedAt: code === original ? null : savedAt});
    },
    [key, original],
  );
  const reset = useCallback(() => {
    clearEdit(key);
    setState({code: original, savedAt: null});
  }, [key, original]);
  return {code: state.code, edited: state.code !== original, savedAt: state.savedAt, setCode, reset};
}
