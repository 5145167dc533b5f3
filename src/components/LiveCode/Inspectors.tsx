/**
 * The inspectors behind tabs, so a phone shows one at a time: descriptor and socket tables per host,
 * buffers, the sequence diagram, and the call log. Tabs follow the WAI-ARIA tabs pattern
 * (arrow keys move between tabs, the panel is one Tab stop away).
 */
import {useId, useRef, useState, type KeyboardEvent, type ReactNode} from 'react';
import {translate} from '@docusaurus/Translate';
import type {InspectorState} from '../../runner/inspect';
import DescriptorTable from '../DescriptorTable';
import SocketTable from '../SocketTable';
import BufferView from '../BufferView';
import SequenceDiagram from '../SequenceDiagram';
import CallLog from '../CallLog';
import {usePrinting} from '../../lib/usePrinting';
import styles from './styles.module.css';

export interface InspectorsProps {
  state: InspectorState;
  /** the host the reader's program runs as: its tables are always shown */
  programHost?: string;
  currentCallId: number | null;
  lineOfCall: (callId: number | null) => number | null;
  selectedLine: number | null;
  selectedSegment: number | null;
  onSelectSegment: (segmentId: number, line: number | null) => void;
}

type TabId = 'tables' | 'buffers' | 'diagram' | 'calls';

function tabLabel(id: TabId): string {
  switch (id) {
    case 'tables':
      return translate({id: 'livecode.tab.tables', message: '디스크립터와 소켓'});
    case 'buffers':
      return translate({id: 'livecode.tab.buffers', message: '버퍼'});
    case 'diagram':
      return translate({id: 'livecode.tab.diagram', message: '시퀀스 다이어그램'});
    case 'calls':
      return translate({id: 'livecode.tab.calls', message: '호출 기록'});
  }
}

const TABS: TabId[] = ['tables', 'buffers', 'diagram', 'calls'];

/**
 * The hosts worth a table: the program's own host always; other hosts once they hold a descriptor or a
 * socket — but the built-in servers only when a segment went to or from them (they all listen from the
 * start, which would bury the example under tables nobody asked about).
 */
export function hostsToShow(state: InspectorState, programHost = 'client') {
  const involved = new Set(state.segments.flatMap((s) => [s.fromHost, s.toHost]));
  return state.hosts.filter(
    (h) =>
      h.name === programHost ||
      ((h.fds.length > 0 || h.allSockets.length > 0) && (!h.builtin || involved.has(h.name))),
  );
}

export default function Inspectors(props: InspectorsProps): ReactNode {
  const {state} = props;
  const [tab, setTab] = useState<TabId>('tables');
  // on paper every inspector is shown, one after another (src/css/custom.css, @media print)
  const printing = usePrinting();
  const baseId = useId();
  const tabRefs = useRef<Record<string, HTMLButtonElement | null>>({});
  const hosts = hostsToShow(state, props.programHost);

  const onTabKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    const i = TABS.indexOf(tab);
    const go = (j: number) => {
      e.preventDefault();
      const next = TABS[(j + TABS.length) % TABS.length];
      setTab(next);
      tabRefs.current[next]?.focus();
    };
    if (e.key === 'ArrowRight') go(i + 1);
    else if (e.key === 'ArrowLeft') go(i - 1);
    else if (e.key === 'Home') go(0);
    else if (e.key === 'End') go(TABS.length - 1);
  };

  const panel = (id: TabId): ReactNode => {
    switch (id) {
      case 'tables':
        return hosts.map((h) => (
          <div key={h.name} className={styles.hostTables}>
            <DescriptorTable host={h} />
            <SocketTable host={h} />
          </div>
        ));
      case 'buffers':
        return <BufferView buffers={hosts.flatMap((h) => h.buffers)} />;
      case 'diagram':
        return (
          <SequenceDiagram
            segments={state.segments}
            stateChanges={state.stateChanges}
            calls={state.calls}
            hostOrder={state.hosts.map((h) => h.name)}
            ips={Object.fromEntries(state.hosts.map((h) => [h.name, h.ip]))}
            lineOfCall={props.lineOfCall}
            selectedLine={props.selectedLine}
            selectedSegment={props.selectedSegment}
            onSelect={props.onSelectSegment}
          />
        );
      case 'calls':
        return <CallLog calls={state.calls} currentCallId={props.currentCallId} />;
    }
  };

  return (
    <div className={styles.inspectors}>
      <div
        role="tablist"
        aria-label={translate({id: 'livecode.tabs', message: '실행 결과 살펴보기'})}
        className={styles.tablist}>
        {TABS.map((id) => (
          <button
            key={id}
            ref={(el) => {
              tabRefs.current[id] = el;
            }}
            type="button"
            role="tab"
            id={`${baseId}-tab-${id}`}
            aria-selected={tab === id}
            aria-controls={`${baseId}-panel-${id}`}
            tabIndex={tab === id ? 0 : -1}
            className={styles.tab}
            onClick={() => setTab(id)}
            onKeyDown={onTabKey}>
            {tabLabel(id)}
          </button>
        ))}
      </div>
      {TABS.map((id) => (
        <div
          key={id}
          role="tabpanel"
          id={`${baseId}-panel-${id}`}
          aria-labelledby={`${baseId}-tab-${id}`}
          hidden={tab !== id && !printing}
          tabIndex={0}
          data-print-label={tabLabel(id)}
          className={styles.panel}>
          {tab === id || printing ? panel(id) : null}
        </div>
      ))}
    </div>
  );
}
