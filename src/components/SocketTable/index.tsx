/**
 * One host's sockets the way `ss -tan` lists them: State, Recv-Q, Send-Q, Local, Peer. Sockets the
 * program already closed but the kernel still keeps (TIME-WAIT, FIN-WAIT-2, LAST-ACK…) are listed and
 * marked, because that is exactly what `close()` does not make disappear.
 */
import type {ReactNode} from 'react';
import clsx from 'clsx';
import {translate} from '@docusaurus/Translate';
import type {HostState} from '../../runner/inspect';
import Address from '../InspectorTable/Address';
import cells from '../../css/inspector-table.module.css';
import styles from './styles.module.css';

export default function SocketTable({host}: {host: HostState}): ReactNode {
  const cols = {
    local: translate({id: 'livecode.col.local', message: '로컬 주소'}),
    peer: translate({id: 'livecode.ss.col.peer', message: '상대 주소'}),
    note: translate({id: 'livecode.ss.col.note', message: '비고'}),
  };
  return (
    <table className={styles.table}>
      <caption>
        {translate({id: 'livecode.ss.caption', message: '{host}의 소켓 (ss -tan)'}, {host: host.name})}
      </caption>
      <thead>
        <tr>
          <th scope="col">State</th>
          <th scope="col">Recv-Q</th>
          <th scope="col">Send-Q</th>
          <th scope="col">{cols.local}</th>
          <th scope="col">{cols.peer}</th>
          <th scope="col">{cols.note}</th>
        </tr>
      </thead>
      <tbody>
        {host.sockets.length === 0 ? (
          <tr>
            <td colSpan={6} className={styles.empty}>
              {translate({id: 'livecode.ss.empty', message: '커널의 표에 소켓이 없습니다.'})}
            </td>
          </tr>
        ) : (
          host.sockets.map((s) => (
            <tr key={s.sock} className={clsx(s.orphan && styles.orphan)} data-state={s.state}>
              <th scope="row">{s.state}</th>
              <td className={styles.num} data-label="Recv-Q">
                {s.recvQ}
              </td>
              <td className={styles.num} data-label="Send-Q">
                {s.sendQ}
              </td>
              <td data-label={cols.local}>{s.local}</td>
              <td data-label={cols.peer} className={cells.wrap}>
                <Address addr={s.peer} host={s.peerHost} />
              </td>
              <td data-label={cols.note} className={clsx(cells.wrap, styles.note)}>
                {s.orphan
                  ? translate({id: 'livecode.ss.orphan', message: '프로그램은 닫았고 커널에 남아 있음'})
                  : s.fds.map((fd) => `fd ${fd}`).join(', ')}
              </td>
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}
