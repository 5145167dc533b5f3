/**
 * How full each connection's receive and send buffers are: Recv-Q (arrived, not yet read) against the
 * receive buffer, Send-Q (written, not yet acknowledged) against the send buffer. Each bar is a
 * role="meter" with the numbers as text under it, so the picture is never the only way to read it.
 * The connection is written on two lines (this end, then the peer), so the table fits its column.
 */
import type {ReactNode} from 'react';
import {translate} from '@docusaurus/Translate';
import type {BufferRow} from '../../runner/inspect';
import Address from '../InspectorTable/Address';
import cells from '../../css/inspector-table.module.css';
import styles from './styles.module.css';

function Meter({used, size, label}: {used: number; size: number; label: string}) {
  const fraction = size > 0 ? Math.min(1, used / size) : 0;
  const text = translate({id: 'livecode.buf.value', message: '{used} / {size} 바이트'}, {used, size});
  return (
    <div className={styles.meterBox}>
      <div
        role="meter"
        className={styles.bar}
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={size}
        aria-valuenow={used}
        aria-valuetext={text}>
        {/* a sliver stays visible for a few bytes in a large buffer */}
        <div className={styles.fill} style={{width: used > 0 ? `max(3px, ${fraction * 100}%)` : 0}} />
      </div>
      <span className={styles.numbers} aria-hidden="true">
        {used} / {size}
      </span>
    </div>
  );
}

export default function BufferView({buffers}: {buffers: BufferRow[]}): ReactNode {
  const recvWord = translate({id: 'livecode.buf.recv', message: '수신 버퍼'});
  const sendWord = translate({id: 'livecode.buf.send', message: '송신 버퍼'});
  const stateWord = translate({id: 'livecode.col.tcpState', message: 'TCP 상태'});
  return (
    <table className={styles.table}>
      <caption>{translate({id: 'livecode.buf.caption', message: '연결별 송수신 버퍼 (바이트)'})}</caption>
      <thead>
        <tr>
          <th scope="col">{translate({id: 'livecode.buf.col.conn', message: '연결'})}</th>
          <th scope="col">{stateWord}</th>
          <th scope="col">{recvWord} (Recv-Q)</th>
          <th scope="col">{sendWord} (Send-Q)</th>
        </tr>
      </thead>
      <tbody>
        {buffers.length === 0 ? (
          <tr>
            <td colSpan={4} className={styles.empty}>
              {translate({id: 'livecode.buf.empty', message: '아직 연결이 없습니다.'})}
            </td>
          </tr>
        ) : (
          buffers.map((b) => {
            const conn = `${b.host} ${b.local} → ${b.peer}${b.peerHost ? ` (${b.peerHost})` : ''}`;
            return (
              <tr key={b.sock}>
                <th scope="row" className={cells.wrap}>
                  <span className={styles.end}>
                    {b.host} {b.local}
                  </span>{' '}
                  <span className={styles.end}>
                    → <Address addr={b.peer} host={b.peerHost} />
                  </span>
                </th>
                <td data-label={stateWord}>{b.state}</td>
                <td data-label={`${recvWord} (Recv-Q)`}>
                  <Meter used={b.recvQ} size={b.recvBuf} label={`${conn}: ${recvWord}`} />
                </td>
                <td data-label={`${sendWord} (Send-Q)`}>
                  <Meter used={b.sendQ} size={b.sendBuf} label={`${conn}: ${sendWord}`} />
                </td>
              </tr>
            );
          })
        )}
      </tbody>
    </table>
  );
}
