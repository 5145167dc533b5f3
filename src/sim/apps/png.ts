/**
 * The web server's images: well-formed PNG files (PNG spec, ISO/IEC 15948) of an exact size, so a capture opened in
 * Wireshark shows them as images instead of malformed data. Each is a 1×1 grey pixel (IHDR, one stored-deflate
 * IDAT) padded to the size with a private ancillary chunk `soCk` (lowercase first letter: decoders skip it).
 */

/** signature 8 + IHDR 25 + IDAT 25 + the padding chunk's own 12 + IEND 12 */
const FIXED_BYTES = 82;

let crcTable: Uint32Array | null = null;

/** CRC-32 as PNG chunks use it (polynomial 0xEDB88320, over type and data) */
function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const v = new DataView(out.buffer);
  v.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  v.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** A PNG of exactly `size` bytes (at least 82) whose grey level and padding depend on `seed`. */
export function pngOfSize(seed: number, size: number): Uint8Array {
  if (size < FIXED_BYTES) throw new Error(`a PNG needs at least ${FIXED_BYTES} bytes`);
  for (let salt = 0; salt < 256; salt++) {
    const png = build(seed, size, salt);
    if (!hasUtf8Sequence(png)) return png;
  }
  throw new Error('no PNG of this size reads as one character per byte');
}

/** a lead byte (0xC2–0xF4) followed by a byte in the continuation range (0x80–0xBF): decoded as fewer characters */
function hasUtf8Sequence(b: Uint8Array): boolean {
  for (let i = 0; i + 1 < b.length; i++) if (b[i] >= 0xc2 && b[i] <= 0xf4 && b[i + 1] >= 0x80 && b[i + 1] <= 0xbf) return true;
  return false;
}

function build(seed: number, size: number, salt: number): Uint8Array {
  const grey = (seed * 37 + salt) & 0xff;
  // zlib header (deflate, 32 KB window, no dictionary), one final stored block of 2 bytes (filter 0, the pixel), Adler-32
  const a = (1 + 0 + grey) % 65521;
  const b = (1 + a) % 65521; // the running sums after the filter byte (1) and after the pixel (a)
  const idat = new Uint8Array([0x78, 0x01, 0x01, 0x02, 0x00, 0xfd, 0xff, 0x00, grey, b >>> 8, b & 0xff, a >>> 8, a & 0xff]);
  const ihdr = new Uint8Array([0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]); // 1×1, 8-bit greyscale
  const pad = new Uint8Array(size - FIXED_BYTES);
  // consecutive bytes 31 apart: a lead byte is never followed by a continuation byte
  for (let i = 0; i < pad.length; i++) pad[i] = (i * 31 + seed * 17 + salt) & 0xff;
  const parts = [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', idat), chunk('soCk', pad), chunk('IEND', new Uint8Array(0))];
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
