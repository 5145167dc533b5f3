/**
 * The five ways the lab loads one page (HTML plus N images), in the order the results table lists them:
 * HTTP/1.0, then HTTP/1.1 from one connection used one request at a time, to six such connections (what
 * browsers do), to pipelining (fastest on a clean network, but never enabled by browsers).
 */
export const LAB_MODES = [
  'http10-sequential',
  'http10-parallel',
  'http11-persistent',
  'http11-six',
  'http11-pipelined',
] as const;

export type LabMode = (typeof LAB_MODES)[number];

/** The image count and round-trip time the reader can choose (inclusive bounds). */
export const IMAGES_MIN = 1;
export const IMAGES_MAX = 20;
export const RTT_MIN_MS = 10;
export const RTT_MAX_MS = 500;
/** Packet loss on every link, in percent, and the server's time to produce each response (ms). */
export const LOSS_MIN_PCT = 0;
export const LOSS_MAX_PCT = 30;
export const THINK_MIN_MS = 0;
export const THINK_MAX_MS = 1000;

/** Browsers of the HTTP/1.x era open at most this many connections to one host at a time. */
export const MAX_PARALLEL = 6;

/** The lab's web server: the simulator's built-in www.example.com, port 80. */
export const SERVER_HOST = 'www.example.com';
export const CLIENT_HOST = 'client';

/** The page the programs load: the built-in server's page that references `images` images. */
export function pagePath(images: number): string {
  return `/page/${images}.html`;
}

export function clampImages(n: number): number {
  return Math.min(IMAGES_MAX, Math.max(IMAGES_MIN, Math.round(Number.isFinite(n) ? n : IMAGES_MIN)));
}

export function clampRtt(ms: number): number {
  return Math.min(RTT_MAX_MS, Math.max(RTT_MIN_MS, Math.round(Number.isFinite(ms) ? ms : RTT_MIN_MS)));
}

export function clampLoss(pct: number): number {
  return Math.min(LOSS_MAX_PCT, Math.max(LOSS_MIN_PCT, Math.round(Number.isFinite(pct) ? pct : LOSS_MIN_PCT)));
}

export function clampThink(ms: number): number {
  return Math.min(THINK_MAX_MS, Math.max(THINK_MIN_MS, Math.round(Number.isFinite(ms) ? ms : THINK_MIN_MS)));
}

/** The network and server conditions of a run, besides the page and the round-trip time. */
export interface LabConditions {
  /** probability in percent that any link drops a segment (the simulator retransmits as Linux does) */
  lossPct: number;
  /** ms the web server needs for each response; requests on one connection wait for those before them */
  thinkMs: number;
}

export const CLEAN: LabConditions = {lossPct: 0, thinkMs: 0};
