// Prints the release site's .wasm, JS and CSS sizes: raw, gzip -9 and brotli
// (quality 11), as a static host or CDN would serve them. Run after a release
// build: `make size`.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

const dist = process.argv[2] ?? "dist";
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`.padStart(11);
const rows = readdirSync(dist)
  .filter((f) => /\.(wasm|js|css)$/.test(f) && statSync(join(dist, f)).isFile())
  .sort();
if (rows.length === 0) {
  console.error(`no .wasm/.js/.css in ${dist}: run a release build first`);
  process.exit(1);
}
console.log(`${"file".padEnd(44)}${"raw".padStart(11)}${"gzip".padStart(11)}${"brotli".padStart(11)}`);
for (const file of rows) {
  const bytes = readFileSync(join(dist, file));
  const gz = gzipSync(bytes, { level: 9 }).length;
  const br = brotliCompressSync(bytes, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
  }).length;
  console.log(`${file.padEnd(44)}${kib(bytes.length)}${kib(gz)}${kib(br)}`);
}
