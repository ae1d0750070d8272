// A minimal static file server for the built site (dist/) on 127.0.0.1 and a
// free port, so that journeys test exactly what a static host would serve.
import { createServer } from "node:http";
import { brotliCompressSync, constants } from "node:zlib";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".json": "application/json",
};

/** Serves `dir`; resolves to { url, close }. With `brotli`, code and style
 *  sheets go out brotli-compressed at quality 11 to a browser that takes it,
 *  as a CDN serves them (`make measure`; the journeys need no compression). */
export async function serveStatic(dir = resolve("dist"), { brotli = false } = {}) {
  const compressed = new Map();
  const root = resolve(dir);
  await stat(join(root, "index.html")).catch(() => {
    throw new Error(`${root}/index.html is missing: run \`trunk build --release\` first`);
  });
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    if (path.endsWith("/")) file = join(file, "index.html");
    try {
      let body = await readFile(file);
      const headers = { "content-type": TYPES[extname(file)] ?? "application/octet-stream" };
      if (brotli && [".js", ".wasm", ".css"].includes(extname(file)) && /\bbr\b/.test(req.headers["accept-encoding"] ?? "")) {
        if (!compressed.has(file)) {
          compressed.set(file, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
        }
        body = compressed.get(file);
        headers["content-encoding"] = "br";
      }
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((ok) => server.close(ok)) };
}
