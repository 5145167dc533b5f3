// @vitest-environment node
/**
 * The share-link codec: whatever the playground encodes comes back exactly; a link cut short, damaged, foreign or
 * oversized is refused with the reason, never thrown and never half-restored.
 */
import {describe, expect, test} from 'vitest';
import fc from 'fast-check';
import {deflateRawSync} from 'node:zlib';
import {
  checkProgram,
  decodeShareFragment,
  encodeShareFragment,
  fromBase64Url,
  MAX_FRAGMENT_CHARS,
  MAX_LINK_CODE_CHARS,
  toBase64Url,
  type SharedProgram,
} from '../../src/playground/shareLink';
import {hashCode} from '../../src/components/LiveCode/storage';
import {LOSS_MAX_PCT, RTT_MAX_MS, SEED_MAX} from '../../src/playground/settings';

const program: SharedProgram = {
  code: "const fd = socket();\nconnect(fd, '93.184.216.34', 80); // 접속\nconsole.log('연결됨 ✓');\n",
  settings: {rttMs: 120, lossPct: 2.5, seed: 42},
};

/** A fragment built by hand (Node's zlib, not the codec's CompressionStream), so a bad payload can be made on purpose. */
function handMade(json: string, hash = hashCode(json)): string {
  return 'v1.' + toBase64Url(new Uint8Array(deflateRawSync(Buffer.from(hash + json, 'utf8'))));
}

describe('round trip', () => {
  test('a program with Korean comments and emoji comes back exactly, with its settings', async () => {
    const fragment = await encodeShareFragment(program);
    expect(fragment).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
    expect(await decodeShareFragment('#' + fragment)).toEqual({ok: true, program});
  });

  test('any program and any settings in range (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({unit: 'binary', maxLength: 400}),
        fc.integer({min: 0, max: RTT_MAX_MS}),
        fc.integer({min: 0, max: LOSS_MAX_PCT * 10}),
        fc.integer({min: 0, max: SEED_MAX}),
        async (code, rttMs, lossTenths, seed) => {
          const p = {code, settings: {rttMs, lossPct: lossTenths / 10, seed}};
          expect(await decodeShareFragment(await encodeShareFragment(p))).toEqual({ok: true, program: p});
        },
      ),
      {numRuns: 150},
    );
  });

  test('base64url round trip for every length mod 3 (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({maxLength: 64}), (bytes) => {
        expect(fromBase64Url(toBase64Url(bytes))).toEqual(bytes);
      }),
    );
  });
});

describe('broken links', () => {
  test('every truncation of a link is refused as damaged (never a half program)', async () => {
    const fragment = await encodeShareFragment(program);
    for (let n = 3; n < fragment.length; n++) {
      const r = await decodeShareFragment(fragment.slice(0, n));
      expect(r, `cut to ${n} of ${fragment.length}`).toEqual({ok: false, error: 'damaged'});
    }
  });

  test('a changed character anywhere in the payload is refused (property)', async () => {
    const fragment = await encodeShareFragment(program);
    await fc.assert(
      fc.asyncProperty(fc.integer({min: 3, max: fragment.length - 1}), fc.integer({min: 1, max: 63}), async (at, shift) => {
        const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
        const changed = abc[(abc.indexOf(fragment[at]) + shift) % 64];
        const r = await decodeShareFragment(fragment.slice(0, at) + changed + fragment.slice(at + 1));
        // the last character's low bits may be padding: then the same bytes come back, and so the same program
        if (r.ok) expect(r.program).toEqual(program);
        else expect(r.error).toBe('damaged');
      }),
      {numRuns: 200},
    );
  });

  test('characters outside base64url, and an impossible length, are damaged', async () => {
    expect(await decodeShareFragment('v1.abc$def')).toEqual({ok: false, error: 'damaged'});
    expect(await decodeShareFragment('v1.abcde')).toEqual({ok: false, error: 'damaged'});
    expect(await decodeShareFragment('v1.')).toEqual({ok: false, error: 'damaged'});
  });

  test('a payload whose hash does not match its JSON is damaged', async () => {
    const json = JSON.stringify({c: 'x', r: 10, l: 0, s: 1});
    expect(await decodeShareFragment(handMade(json, '00000000'))).toEqual({ok: false, error: 'damaged'});
    expect(await decodeShareFragment(handMade('{"c":'))).toEqual({ok: false, error: 'damaged'});
  });

  test('an anchor or another format is not a link; a later version is named as such', async () => {
    expect(await decodeShareFragment('')).toEqual({ok: false, error: 'not-a-link'});
    expect(await decodeShareFragment('#settings')).toEqual({ok: false, error: 'not-a-link'});
    expect(await decodeShareFragment('code=abc')).toEqual({ok: false, error: 'not-a-link'});
    expect(await decodeShareFragment('v2.AAAA')).toEqual({ok: false, error: 'unknown-version'});
  });
});

describe('limits and field checks', () => {
  test('a fragment longer than the cap is refused before any work', async () => {
    expect(await decodeShareFragment('v1.' + 'A'.repeat(MAX_FRAGMENT_CHARS))).toEqual({ok: false, error: 'too-large'});
  });

  test('a small link that inflates to megabytes stops at the cap (deflate bomb)', async () => {
    const fragment = 'v1.' + toBase64Url(new Uint8Array(deflateRawSync(Buffer.alloc(5_000_000, 0x20))));
    expect(fragment.length).toBeLessThan(MAX_FRAGMENT_CHARS);
    expect(await decodeShareFragment(fragment)).toEqual({ok: false, error: 'too-large'});
  });

  test('a program longer than the site keeps is too large; one at the limit passes', async () => {
    const at = {code: 'x'.repeat(MAX_LINK_CODE_CHARS), settings: program.settings};
    expect((await decodeShareFragment(await encodeShareFragment(at))).ok).toBe(true);
    const over = JSON.stringify({c: 'x'.repeat(MAX_LINK_CODE_CHARS + 1), r: 10, l: 0, s: 1});
    expect(await decodeShareFragment(handMade(over))).toEqual({ok: false, error: 'too-large'});
  });

  test.each([
    ['missing code', {r: 10, l: 0, s: 1}],
    ['code not a string', {c: 5, r: 10, l: 0, s: 1}],
    ['negative round trip', {c: '', r: -1, l: 0, s: 1}],
    ['round trip past the maximum', {c: '', r: RTT_MAX_MS + 1, l: 0, s: 1}],
    ['fractional round trip', {c: '', r: 10.5, l: 0, s: 1}],
    ['loss past the maximum', {c: '', r: 10, l: LOSS_MAX_PCT + 0.1, s: 1}],
    ['loss as a string', {c: '', r: 10, l: '5', s: 1}],
    ['seed not an integer', {c: '', r: 10, l: 0, s: 1.5}],
    ['seed past 2^31-1', {c: '', r: 10, l: 0, s: SEED_MAX + 1}],
    ['an array', [1, 2]],
    ['null', null],
  ])('%s is invalid', async (_, value) => {
    expect(checkProgram(value)).toEqual({ok: false, error: 'invalid'});
    expect(await decodeShareFragment(handMade(JSON.stringify(value)))).toEqual({ok: false, error: 'invalid'});
  });
});
