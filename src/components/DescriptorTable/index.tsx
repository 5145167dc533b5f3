/**
 * One host's descriptor table: which socket each small number refers to. Descriptors 0, 1 and 2 are
 * the standard streams every process starts with (shown dimmed), which is why the first socket is 3.
 */
import type {ReactNode} from 'react';
import {translate} from '@docusaurus/Translate';
import type {HostState} from '../../runner/inspect';
import styles from './styles.module.css';

function standardStreams(): {fd: number; name: string}[] {
  return [
    {fd: 0, name: translate({id: 'livecode.fd.stdin', message: '표준 입력 (stdin)'})},
    {fd: 1, name: translate({id: 'livecode.fd.stdout', message: '표준 출력 (stdout)'})},
    {fd: 2, name: translate({id: 'livecode.fd.stderr', message: '표준 오류 (stderr)'})},
  ];
}

/** "93.184.216.34:80 (www.example.com)" */
function withHost(addr: string | null, host: string | null): string {
  if (!addr) return '—';
  return host ? `${addr} (${host})` : addr;
}

export default function DescriptorTable({host}: {host: HostState}): ReactNode {
  const socketWord = translate({id: 'livecode.fd.socket', message: '소켓'});
  return (
    <table className={styles.table}>
      <caption>
        {translate({id: 'livecode.fd.caption', message: '{host}의 디스크립터 표'}, {host: host.name})}
        {host.ip ? <span className={styles.ip}> ({host.ip})</span> : null}
      </caption>
      <thead>
        <tr>
          <th scope="col">{translate({id: 'livecode.fd.col.fd', message: '디스크립터'})}</th>
          <th scope="col">{translate({id: 'livecode.fd.col.target', message: '가리키는 것'})}</th>
          <th scope="col">{translate({id: 'livecode.col.local', message: '로컬 주소'})}</th>
          <th scope="col">{translate({id: 'livecode.col.remote', message: '원격 주소'})}</th>
          <th scope="col">{translate({id: 'livecode.col.tcpState', message: 'TCP 상태'})}</th>
        </tr>
      </thead>
      <tbody>
        {standardStreams().map((s) => (
          <tr key={s.fd} className={styles.standard}>
            <th scope="row">{s.fd}</th>
            <td>{s.name}</td>
            <td>—</td>
            <td>—</td>
            <td>—</td>
          </tr>
        ))}
        {host.fds.map((row) => (
          <tr key={row.fd} data-fd={row.fd}>
            <th scope="row">{row.fd}</th>
            {/* the simulator's socket id is left out: next to descriptor numbers it only confuses */}
            <td>{socketWord}</td>
            <td>{row.local ?? '—'}</td>
            <td>{withHost(row.remote, row.remoteHost)}</td>
            <td>{row.state ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
