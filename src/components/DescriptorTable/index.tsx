/**
 * One host's descriptor table: which socket each small number refers to, with the columns a reader needs
 * first (descriptor, TCP state, local and remote address). Descriptors 0, 1 and 2 are the standard streams
 * every process starts with, folded into one dimmed row: they are why the first socket is 3.
 */
import type {ReactNode} from 'react';
import {translate} from '@docusaurus/Translate';
import type {HostState} from '../../runner/inspect';
import Address from '../InspectorTable/Address';
import cells from '../../css/inspector-table.module.css';
import styles from './styles.module.css';

export default function DescriptorTable({host}: {host: HostState}): ReactNode {
  const cols = {
    state: translate({id: 'livecode.col.tcpState', message: 'TCP 상태'}),
    local: translate({id: 'livecode.col.local', message: '로컬 주소'}),
    remote: translate({id: 'livecode.col.remote', message: '원격 주소'}),
  };
  return (
    <table className={styles.table}>
      <caption>
        {translate({id: 'livecode.fd.caption', message: '{host}의 디스크립터 표'}, {host: host.name})}
        {host.ip ? <span className={styles.ip}> ({host.ip})</span> : null}
      </caption>
      <thead>
        <tr>
          <th scope="col">{translate({id: 'livecode.fd.col.fd', message: '디스크립터'})}</th>
          <th scope="col">{cols.state}</th>
          <th scope="col">{cols.local}</th>
          <th scope="col">{cols.remote}</th>
        </tr>
      </thead>
      <tbody>
        <tr className={styles.standard}>
          <th scope="row">0–2</th>
          <td colSpan={3} className={cells.wrap}>
            {translate({id: 'livecode.fd.standard', message: '표준 입력·출력·오류 (stdin, stdout, stderr)'})}
          </td>
        </tr>
        {host.fds.map((row) => (
          <tr key={row.fd} data-fd={row.fd}>
            {/* the simulator's socket id is left out: next to descriptor numbers it only confuses */}
            <th scope="row">{row.fd}</th>
            <td data-label={cols.state}>{row.state ?? '—'}</td>
            <td data-label={cols.local}>{row.local ?? '—'}</td>
            <td data-label={cols.remote} className={cells.wrap}>
              <Address addr={row.remote} host={row.remoteHost} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
