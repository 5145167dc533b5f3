/**
 * The heavy part, loaded on the first Run: the worker runner (which carries sucrase and the simulator)
 * and the reduction of each trace to the lab's numbers. Only the segments between the client and the
 * web server are kept from each trace, for the waterfall's sequence diagrams.
 */
import {inspectAt, type SegmentRow} from '../../runner/inspect';
import type {RunError, RunStatus} from '../../runner/types';
import {runOnPage} from '../../runner/page';
import {errorMessage} from '../LiveCode/runText';
import {CLEAN, LAB_MODES, type LabConditions, type LabMode} from '../../lab/modes';
import {labMetrics, type LabMetrics} from '../../lab/metrics';
import {labRequest} from '../../lab/request';

export interface ModeResult {
  mode: LabMode;
  status: RunStatus;
  error?: RunError;
  metrics: LabMetrics;
  /** the segments of the lab's connections, by id, as the sequence diagram takes them */
  segments: Map<number, SegmentRow>;
  /** source line of each call the program made, by callId */
  lines: Map<number, number | null>;
}

/** Runs the five programs one after another on the page's runner and measures each. */
export async function runLab(images: number, rttMs: number, conditions: LabConditions = CLEAN): Promise<ModeResult[]> {
  const out: ModeResult[] = [];
  for (const mode of LAB_MODES) {
    const result = await runOnPage(labRequest(mode, images, rttMs, conditions));
    // the runner itself failed: the lab says so in the reader's language (index.tsx shows the message)
    if (result.error?.name === 'RunnerFault') throw new Error(errorMessage(result.error));
    const metrics = labMetrics(result.trace);
    const ids = new Set(metrics.connections.flatMap((c) => c.segmentIds));
    const segments = new Map<number, SegmentRow>();
    for (const row of inspectAt(result.trace, result.trace.length).segments) if (ids.has(row.id)) segments.set(row.id, row);
    const lines = new Map(result.calls.map((c) => [c.callId, c.line]));
    out.push({mode, status: result.status, ...(result.error ? {error: result.error} : {}), metrics, segments, lines});
  }
  return out;
}
