/**
 * True while the browser prepares a printout (beforeprint → afterprint). Parts that show one thing at a time on
 * screen (the inspectors' tabs) render everything for paper, where nobody can switch tabs.
 */
import {useEffect, useState} from 'react';

export function usePrinting(): boolean {
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    const on = () => setPrinting(true);
    const off = () => setPrinting(false);
    window.addEventListener('beforeprint', on);
    window.addEventListener('afterprint', off);
    return () => {
      window.removeEventListener('beforeprint', on);
      window.removeEventListener('afterprint', off);
    };
  }, []);
  return printing;
}
