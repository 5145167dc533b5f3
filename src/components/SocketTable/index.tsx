/**
 * One host's sockets the way `ss -tan` lists them: State, Recv-Q, Send-Q, Local, Peer. Sockets the
 * program already closed but the kernel still keeps (TIME-WAIT, FIN-WAIT-2, LAST-ACK…) are listed and
 * marked, because that is exactly what `close()` does not make disappear.
 */
import type {ReactNode} from 'react';
import clsx from 'clsx';
import {translate} from '@docusaurus/Translate';
import type {HostState} from '../../runner/inspect';
import styles from './styles.module.css';

function withHost(addr: string, host: string | null): string {
  return host ? `${addr} (${host})` : addr;
}

export default function SocketTable({host}: {host: HostState}): ReactNode {
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
          <th scope="col">{translate({id: 'livecode.col.local', message: '로컬 주소'})}</th>
          <th scope="col">{translate({id: 'livecode.ss.col.peer', message: '상대 주소'})}</th>
          <th scope="col">{translate({id: 'livecode.ss.col.note', message: '비고'})}</th>
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
              <td className={styles.num}>{s.recvQ}</td>
              <td className={styles.num}>{s.sendQ}</td>
              <td>{s.local}</td>
              <td>{withHost(s.peer, s.peerHost)}</td>
              <td>
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
