/**
 * The playground's world settings as the reader sets them (round-trip time, packet loss in percent, seed), their
 * bounds, and the simulator's WorldOptions they stand for. Pure: used by the page, the share-link codec and tests.
 */
import type {WorldOptions} from '../sim/api';

export interface WorldSettings {
  /** link round-trip time, ms (each link's one-way latency is half of it) */
  rttMs: number;
  /** probability in percent that a link drops a segment */
  lossPct: number;
  /** seeds ISNs, ephemeral ports and which segments are lost: the same seed gives the same run */
  seed: number;
}

export const RTT_MIN_MS = 0;
export const RTT_MAX_MS = 2000;
export const LOSS_MIN_PCT = 0;
/** the simulator takes loss in [0, 1); half of all segments lost is already a network that barely works */
export const LOSS_MAX_PCT = 50;
export const SEED_MIN = 0;
export const SEED_MAX = 2 ** 31 - 1;

/** The simulator's own defaults (src/sim/net/world.ts: 5 ms one way, no loss, seed 1), so a plain run looks like a chapter's. */
export const DEFAULT_SETTINGS: WorldSettings = {rttMs: 10, lossPct: 0, seed: 1};

/** One setting, checked: a finite number within its bounds (integers for time and seed, loss to 0.1 %), else null. */
export function checkRtt(v: unknown): number | null {
  return isIntIn(v, RTT_MIN_MS, RTT_MAX_MS) ? (v as number) : null;
}
export function checkLoss(v: unknown): number | null {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < LOSS_MIN_PCT || v > LOSS_MAX_PCT) return null;
  return Math.round(v * 10) === v * 10 ? v : null;
}
export function checkSeed(v: unknown): number | null {
  return isIntIn(v, SEED_MIN, SEED_MAX) ? (v as number) : null;
}

function isIntIn(v: unknown, min: number, max: number): boolean {
  return typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
}

/** What the reader typed into the three inputs, brought within bounds (empty or not a number: the default). */
export function settingsFromInputs(rtt: string, loss: string, seed: string): WorldSettings {
  const num = (s: string, fallback: number) => {
    const n = s.trim() === '' ? NaN : Number(s);
    return Number.isFinite(n) ? n : fallback;
  };
  const clamp = (n: number, min: number, max: number) => Math.min(max, Math.max(min, n));
  return {
    rttMs: clamp(Math.round(num(rtt, DEFAULT_SETTINGS.rttMs)), RTT_MIN_MS, RTT_MAX_MS),
    lossPct: clamp(Math.round(num(loss, DEFAULT_SETTINGS.lossPct) * 10) / 10, LOSS_MIN_PCT, LOSS_MAX_PCT),
    seed: clamp(Math.round(num(seed, DEFAULT_SETTINGS.seed)), SEED_MIN, SEED_MAX),
  };
}

/** The run's world: one-way latency is half the round trip; loss as a probability. */
export function worldOptions(s: WorldSettings): WorldOptions {
  return {seed: s.seed, latencyMs: s.rttMs / 2, loss: s.lossPct / 100};
}

/** A block's world (a chapter example's `world`) as playground settings: what an "Open in playground" link carries. */
export function settingsFromWorld(world: WorldOptions | undefined): WorldSettings {
  const rtt = world?.latencyMs !== undefined ? Math.round(world.latencyMs * 2) : DEFAULT_SETTINGS.rttMs;
  const loss = world?.loss !== undefined ? Math.round(world.loss * 1000) / 10 : DEFAULT_SETTINGS.lossPct;
  return settingsFromInputs(String(rtt), String(loss), String(world?.seed ?? DEFAULT_SETTINGS.seed));
}
