/** A minimal static file server for the built site, the way a static host serves Docusaurus output. */
import {createServer, type Server} from 'node:http';
import {readFile, stat} from 'node:fs/promises';
import path from 'node:path';
import {gzipSync} from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.woff2': 'font/woff2',
};

async function resolveFile(root: string, urlPath: string): Promise<string | null> {
  const clean = path.normalize(decodeURIComponent(urlPath.split('?')[0])).replace(/^(\.\.[/\\])+/, '');
  const base = path.join(root, clean);
  if (!base.startsWith(root)) return null;
  for (const candidate of [base, `${base}.html`, path.join(base, 'index.html')]) {
    try {
      if ((await stat(candidate)).isFile()) return candidate;
    } catch {
      /* try the next form */
    }
  }
  return null;
}

const gzipCache = new Map<string, Buffer>();
function gzipped(file: string, body: Buffer): Buffer {
  let z = gzipCache.get(file);
  if (!z) gzipCache.set(file, (z = gzipSync(body)));
  return z;
}

export async function startStaticServer(root: string, port = 0): Promise<{url: string; close: () => Promise<void>}> {
  const server: Server = createServer(async (req, res) => {
    const file = await resolveFile(root, req.url ?? '/');
    if (!file) {
      const notFound = await resolveFile(root, '/404.html');
      res.writeHead(404, {'content-type': TYPES['.html']});
      res.end(notFound ? await readFile(notFound) : 'not found');
      return;
    }
    const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    const body = await readFile(file);
    // Compress text the way any static host does, so page-weight and speed figures are realistic.
    if (/gzip/.test(String(req.headers['accept-encoding'] ?? '')) && /text|javascript|json|svg|xml/.test(type)) {
      res.writeHead(200, {'content-type': type, 'content-encoding': 'gzip', vary: 'accept-encoding'});
      res.end(gzipped(file, body));
      return;
    }
    res.writeHead(200, {'content-type': type});
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://127.0.0.1:${actualPort}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
