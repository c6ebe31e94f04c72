// A minimal static file server for the end-to-end tests: serves one directory on
// 127.0.0.1 at a free port, with the MIME types ES modules and wasm need.
import { createServer } from 'node:http';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.ts': 'text/plain; charset=utf-8',
};

/**
 * The strict Content-Security-Policy the widget must work under (scripts/serve.sh sends it
 * too, plus `img-src 'self' data:` for the PNG export).
 */
export const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

/**
 * Start serving `dir`. Resolves to { url, close() }.
 * `options.headers`: extra response headers sent with every file (e.g.
 * `{ 'content-security-policy': STRICT_CSP }`); none by default.
 * `options.compress`: answer `Accept-Encoding: br` / `gzip` with brotli (quality 11) or
 * gzip (level 9), as a production server with precompressed files does (each file is
 * compressed once, then kept in memory); off by default. `options.cache`: a
 * `Cache-Control` value instead of `no-store`. `options.port`: a port (default: a free one).
 */
export async function serveStatic(dir, options = {}) {
  const root = resolve(dir);
  const extra = options.headers ?? {};
  const compressed = new Map(); // `${file}:${mtime}:${encoding}` → Buffer
  const compressible = (file) => /\.(html|js|mjs|json|wasm|css|svg|ts)$/.test(file);
  const encode = (file, mtime, encoding) => {
    const key = `${file}:${mtime}:${encoding}`;
    let body = compressed.get(key);
    if (!body) {
      const raw = readFileSync(file);
      body =
        encoding === 'br'
          ? brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } })
          : gzipSync(raw, { level: 9 });
      compressed.set(key, body);
    }
    return body;
  };
  const server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    let file = normalize(join(root, pathname));
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      const { size, mtimeMs } = statSync(file);
      const accepts = String(req.headers['accept-encoding'] ?? '');
      const encoding = !options.compress || !compressible(file) ? null : /\bbr\b/.test(accepts) ? 'br' : /\bgzip\b/.test(accepts) ? 'gzip' : null;
      const headers = {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': options.cache ?? 'no-store',
        ...(options.compress ? { vary: 'Accept-Encoding' } : {}),
        ...extra,
      };
      if (encoding) {
        const body = encode(file, mtimeMs, encoding);
        res.writeHead(200, { ...headers, 'content-encoding': encoding, 'content-length': body.length });
        res.end(req.method === 'HEAD' ? undefined : body);
        return;
      }
      res.writeHead(200, { ...headers, 'content-length': size });
      if (req.method === 'HEAD') res.end();
      else createReadStream(file).pipe(res);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', ok);
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections?.();
        server.close(() => ok());
      }),
  };
}
