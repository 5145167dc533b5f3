/**
 * The built-in web server's images are well-formed PNG files of the promised size (PNG spec: signature, chunks with
 * CRC-32, IHDR first, IDAT a zlib stream, IEND last), so a capture shows them as images. Checked with Node's zlib.
 */
import {crc32, inflateSync} from 'node:zlib';
import {describe, expect, it} from 'vitest';
import {pngOfSize} from '../../src/sim/apps/png';
import {resource, IMAGE_BYTES} from '../../src/sim/apps/web';

function chunks(png: Uint8Array): {type: string; data: Buffer; crcOk: boolean}[] {
  const b = Buffer.from(png);
  const out = [];
  for (let i = 8; i < b.length; ) {
    const n = b.readUInt32BE(i);
    const type = b.toString('latin1', i + 4, i + 8);
    out.push({type, data: b.subarray(i + 8, i + 8 + n), crcOk: b.readUInt32BE(i + 8 + n) === crc32(b.subarray(i + 4, i + 8 + n))});
    i += 12 + n;
  }
  return out;
}

describe('the web server images', () => {
  it('/img/3.png and /logo.png are PNGs of their size: signature, IHDR 1×1, a zlib IDAT, IEND, every CRC right', () => {
    for (const [target, size] of [['/img/3.png', IMAGE_BYTES], ['/logo.png', 1200]] as const) {
      const body = resource(target).body;
      expect(body.length).toBe(size);
      expect([...body.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      const cs = chunks(body);
      expect(cs.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'soCk', 'IEND']);
      expect(cs.every((c) => c.crcOk)).toBe(true);
      expect([cs[0].data.readUInt32BE(0), cs[0].data.readUInt32BE(4)]).toEqual([1, 1]);
      expect(inflateSync(cs[1].data).length).toBe(2); // filter byte + one grey pixel
    }
  });

  it('refuses a size too small for the fixed chunks', () => {
    expect(() => pngOfSize(1, 40)).toThrow();
  });
});

describe('the images read as text', () => {
  it("decode (UTF-8, as read() does) to one character per byte, so a program can count a body against Content-Length", () => {
    const utf8 = new TextDecoder('utf-8');
    for (let k = 1; k <= 50; k++) {
      const body = resource(`/img/${k}.png`).body;
      expect(utf8.decode(body).length, `/img/${k}.png`).toBe(body.length);
    }
    const logo = resource('/logo.png').body;
    expect(utf8.decode(logo).length).toBe(logo.length);
  });
});
