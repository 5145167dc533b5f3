/**
 * Share links: the playground's program and world settings packed into the URL's fragment (`#v1.…`), which the
 * browser never sends to a server, so a shared program leaves the reader's machine only in the link itself.
 *
 * Format v1: `v1.` + base64url( deflate-raw( hash + json ) ), where json is `{"c": code, "r": rttMs, "l": lossPct,
 * "s": seed}` and hash is the FNV-1a of json as 8 hex digits. Deflate because code compresses well (a chapter example
 * to about half); the browser's own CompressionStream('deflate-raw') does it (Chromium 103+, Firefox 113+, Safari
 * 16.4+, Node 18+), so no compression library is shipped. The hash catches a link damaged in a way deflate does not
 * notice (a changed byte inside a stored block or literal); deflate catches a truncated one (no final block).
 *
 * Decoding never throws: it checks sizes before work (the fragment, then the inflated bytes as they stream, so a
 * small link cannot inflate to megabytes), then every field's type and range, and says what was wrong.
 */
import {hashCode, MAX_EDIT_CHARS} from '../components/LiveCode/storage';
import {concatBytes} from '../sim/wire/bytes';
import {checkLoss, checkRtt, checkSeed, type WorldSettings} from './settings';

export const LINK_VERSION = 'v1';
/** the longest program a link carries: the longest edit the site keeps (storage.ts) */
export const MAX_LINK_CODE_CHARS = MAX_EDIT_CHARS;
/** the longest fragment decoded (deflate of the longest program, with room; browsers take URLs of megabytes) */
export const MAX_FRAGMENT_CHARS = 200_000;
/** the most bytes one link may inflate to: the longest program in UTF-8 (3 bytes a character at most) plus the rest */
const MAX_INFLATED_BYTES = MAX_LINK_CODE_CHARS * 3 + 1000;

export interface SharedProgram {
  code: string;
  settings: WorldSettings;
}

export type LinkError =
  /** the fragment is empty or not a share link at all (an anchor, another site's format) */
  | 'not-a-link'
  /** a share link of a version this page does not know (a newer site) */
  | 'unknown-version'
  /** longer than MAX_FRAGMENT_CHARS, or inflates past the cap, or the program is longer than MAX_LINK_CODE_CHARS */
  | 'too-large'
  /** cut short or damaged: not base64url, deflate fails, the hash does not match, or the JSON does not parse */
  | 'damaged'
  /** well-formed but a field is missing, of the wrong type, or out of range */
  | 'invalid';

export type DecodeResult = {ok: true; program: SharedProgram} | {ok: false; error: LinkError};

/** The fragment (without `#`) for a program and its settings. */
export async function encodeShareFragment(program: SharedProgram): Promise<string> {
  const {code, settings} = program;
  const json = JSON.stringify({c: code, r: settings.rttMs, l: settings.lossPct, s: settings.seed});
  const packed = await deflate(new TextEncoder().encode(hashCode(json) + json));
  return `${LINK_VERSION}.${toBase64Url(packed)}`;
}

/** A fragment (with or without its leading `#`) back to the program, or what is wrong with it. */
export async function decodeShareFragment(fragment: string): Promise<DecodeResult> {
  const f = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  const dot = f.indexOf('.');
  if (dot < 0 || !/^v\d+$/.test(f.slice(0, dot))) return fail('not-a-link');
  if (f.slice(0, dot) !== LINK_VERSION) return fail('unknown-version');
  if (f.length > MAX_FRAGMENT_CHARS) return fail('too-large');
  const bytes = fromBase64Url(f.slice(dot + 1));
  if (!bytes || bytes.length === 0) return fail('damaged');
  let text: string;
  try {
    const inflated = await inflate(bytes, MAX_INFLATED_BYTES);
    if (inflated === 'too-large') return fail('too-large');
    text = new TextDecoder('utf-8', {fatal: true}).decode(inflated);
  } catch {
    return fail('damaged');
  }
  const hash = text.slice(0, 8);
  const json = text.slice(8);
  if (hashCode(json) !== hash) return fail('damaged');
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return fail('damaged');
  }
  return checkProgram(value);
}

/** A parsed payload's fields, checked (exported for tests: a hash-valid link can still say nonsense). */
export function checkProgram(value: unknown): DecodeResult {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return fail('invalid');
  const v = value as Record<string, unknown>;
  if (typeof v.c !== 'string') return fail('invalid');
  if (v.c.length > MAX_LINK_CODE_CHARS) return fail('too-large');
  const rttMs = checkRtt(v.r);
  const lossPct = checkLoss(v.l);
  const seed = checkSeed(v.s);
  if (rttMs === null || lossPct === null || seed === null) return fail('invalid');
  return {ok: true, program: {code: v.c, settings: {rttMs, lossPct, seed}}};
}

function fail(error: LinkError): DecodeResult {
  return {ok: false, error};
}

async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Inflate, reading chunk by chunk and giving up past `cap` bytes (a deflate bomb stops there). */
async function inflate(bytes: Uint8Array, cap: number): Promise<Uint8Array | 'too-large'> {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const {done, value} = await reader.read();
    if (done) break;
    total += value.length;
    if (total > cap) {
      void reader.cancel().catch(() => {});
      return 'too-large';
    }
    chunks.push(value);
  }
  return concatBytes(chunks, total);
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** character code → its 6-bit value, -1 outside the alphabet */
const VALUE = (() => {
  const t = new Int8Array(128).fill(-1);
  for (let i = 0; i < ALPHABET.length; i++) t[ALPHABET.charCodeAt(i)] = i;
  return t;
})();

/** base64url without padding (RFC 4648 §5): safe in a fragment as is. */
export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let k = 0; k < chars; k++) out += ALPHABET[(n >> (18 - 6 * k)) & 63];
  }
  return out;
}

/** base64url back to bytes; null for a character outside the alphabet or an impossible length (4n+1). */
export function fromBase64Url(text: string): Uint8Array | null {
  if (text.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((text.length * 6) / 8));
  let bits = 0;
  let acc = 0;
  let at = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const v = c < 128 ? VALUE[c] : -1;
    if (v < 0) return null;
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[at++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}

/** The whole share URL: the playground's address (already locale-prefixed) with the program in its fragment. */
export async function shareUrl(origin: string, playgroundPath: string, program: SharedProgram): Promise<string> {
  return `${origin}${playgroundPath}#${await encodeShareFragment(program)}`;
}
