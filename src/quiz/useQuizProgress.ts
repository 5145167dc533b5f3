/** React access to the shared progress store; progress appears after hydration (see progressStore.ts). */
import {useEffect, useState} from 'react';
import {ensureLoaded, getSnapshot, subscribe, type ProgressSnapshot} from './progressStore';

export function useQuizProgress(): ProgressSnapshot {
  // The first render (server and hydration) never reads storage: it uses the store as it is before loading.
  const [state, setState] = useState<ProgressSnapshot>(() => getSnapshot());
  useEffect(() => {
    const unsubscribe = subscribe(setState);
    ensureLoaded();
    setState(getSnapshot());
    return unsubscribe;
  }, []);
  return state;
}
