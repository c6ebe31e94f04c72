// `make demo`: serve a directory on http://127.0.0.1:<port>/ as a production server would:
// brotli or gzip where the browser accepts it (each file compressed once, kept in memory),
// .wasm as application/wasm (so that it compiles while it downloads), and the strict
// Content-Security-Policy as a header.
//   node scripts/serve.mjs <dir> <port> <csp>
import { serveStatic } from '../tests/e2e/static-server.mjs';

const [dir, port, csp] = process.argv.slice(2);
const server = await serveStatic(dir, {
  port: Number(port),
  compress: true,
  headers: { 'content-security-policy': csp, 'x-content-type-options': 'nosniff' },
});
console.error(`serving ${dir} on ${server.url}`);
const stop = () => server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
