/**
 * The simulator's layering (ARCHITECTURE.md, brief: "lower layers never import upper ones"):
 * wire → tcp → socket → host → apps → net → conformance. api.ts imports nothing; index.ts is the top.
 * Also: no wall clock and no Math.random anywhere in src/sim (the same seed must give the same trace).
 */
import {readFileSync} from 'node:fs';
import {join, relative} from 'node:path';
import {describe, expect, it} from 'vitest';
import {filesBelow} from '../files';

const root = join(__dirname, '../../src/sim');
const ORDER = ['wire', 'tcp', 'socket', 'host', 'apps', 'net', 'conformance'];

const layerOf = (file: string): string => relative(root, file).split('/')[0];

describe('src/sim layering', () => {
  const all = filesBelow(root, /\.ts$/);

  it('has the layers as folders', () => {
    for (const layer of ORDER) expect(all.some((f) => layerOf(f) === layer), layer).toBe(true);
  });

  for (const file of all) {
    const rel = relative(root, file);
    it(`${rel} imports only its own layer, lower layers and api.ts`, () => {
      const src = readFileSync(file, 'utf8');
      const own = layerOf(file);
      const imports = [...src.matchAll(/^import\s[^;]*?from\s+'([^']+)'/gms)].map((m) => m[1]).filter((p) => p.startsWith('.'));
      for (const spec of imports) {
        const target = relative(root, join(file, '..', spec));
        const layer = target.split('/')[0];
        if (rel === 'api.ts') throw new Error('api.ts must import nothing');
        if (rel === 'index.ts' || layer === 'api' || layer === own) continue;
        expect(ORDER.indexOf(layer), `${rel} imports ${spec}`).toBeGreaterThanOrEqual(0);
        expect(ORDER.indexOf(layer), `${rel} (layer ${own}) imports the upper layer ${layer}`).toBeLessThan(ORDER.indexOf(own));
      }
      const code = src.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
      expect(code).not.toMatch(/Math\.random|Date\.now|new Date\(|performance\.now/);
    });
  }
});
