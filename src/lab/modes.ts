/**
 * The four ways the lab loads one page (HTML plus N images), in the order the results table lists them:
 * from the oldest, slowest way to the fastest.
 */
export const LAB_MODES = ['http10-sequential', 'http10-parallel', 'http11-persistent', 'http11-pipelined'] as const;

export type LabMode = (typeof LAB_MODES)[number];

/** The image count and round-trip time the reader can choose (inclusive bounds). */
export const IMAGES_MIN = 1;
export const IMAGES_MAX = 20;
export const RTT_MIN_MS = 10;
export const RTT_MAX_MS = 500;

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
