/**
 * An address with the name of the host that owns it: "93.184.216.34:80 (www.example.com)". The name is
 * its own unbreakable part, so a narrow cell breaks between the address and the name, not inside either.
 */
import type {ReactNode} from 'react';
import styles from '../../css/inspector-table.module.css';

export default function Address({addr, host}: {addr: string | null; host: string | null}): ReactNode {
  if (!addr) return '—';
  if (!host) return addr;
  return (
    <>
      {addr} <span className={styles.host}>({host})</span>
    </>
  );
}
