/**
 * The segments of one connection of one mode, drawn by the chapters' SequenceDiagram (given only this
 * connection's segments). Selecting an arrow tells which line of the program sent it.
 */
import {useState, type ReactNode} from 'react';
import SequenceDiagram from '../SequenceDiagram';
import type {SegmentRow} from '../../runner/inspect';
import {fill} from '../../lab/explain';
import type {ConnectionRow} from '../../lab/metrics';
import {CLIENT_HOST, SERVER_HOST} from '../../lab/modes';
import type {ModeResult} from './labRun';
import {modeName, text} from './strings';
import styles from './styles.module.css';

export default function ConnectionDiagram(props: {
  result: ModeResult;
  connection: ConnectionRow;
  onClose: () => void;
}): ReactNode {
  const {result, connection} = props;
  const [selected, setSelected] = useState<{segment: number; line: number | null} | null>(null);
  const segments = connection.segmentIds
    .map((id) => result.segments.get(id))
    .filter((s): s is SegmentRow => s !== undefined);
  const lineOfCall = (callId: number | null) => (callId === null ? null : (result.lines.get(callId) ?? null));
  const title = fill(text.diagramOf(), {
    mode: modeName(result.mode),
    n: String(connection.index),
    port: String(connection.clientPort),
  });
  return (
    <div className={styles.diagramInner}>
      <p className={styles.diagramTitle}>{title}</p>
      <SequenceDiagram
        segments={segments}
        hostOrder={[CLIENT_HOST, SERVER_HOST]}
        lineOfCall={lineOfCall}
        selectedLine={selected?.line ?? null}
        selectedSegment={selected?.segment ?? null}
        onSelect={(segment, line) => setSelected({segment, line})}
      />
      <p className={styles.diagramNote} aria-live="polite">
        {selected
          ? selected.line !== null
            ? fill(text.segmentFromLine(), {line: String(selected.line)})
            : text.segmentFromKernel()
          : text.diagramHint()}
      </p>
      <button type="button" className="button button--secondary button--sm" onClick={props.onClose}>
        {text.closeDiagram()}
      </button>
    </div>
  );
}
