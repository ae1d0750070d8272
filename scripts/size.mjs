// Prints the release site's .wasm, JS and CSS sizes: raw, gzip -9 and brotli
// (quality 11), as a static host or CDN would serve them, then the first load
// (what index.html makes every visitor fetch: the app's wasm, its JS glue and
// the CSS; not the tools worker or the extras, which load on first use)
// against the budget. Run after a release build: `make size`.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

const dist = process.argv[2] ?? "dist";
// The brief's budget for the first load, brotli.
const BUDGET_KIB = 300;
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`.padStart(11);
const rows = readdirSync(dist)
  .filter((f) => /\.(wasm|js|css)$/.test(f) && statSync(join(dist, f)).isFile())
  .sort();
if (rows.length === 0) {
  console.error(`no .wasm/.js/.css in ${dist}: run a release build first`);
  process.exit(1);
}
const first = { raw: 0, gz: 0, br: 0 };
const tools = { raw: 0, gz: 0, br: 0 };
const extras = { raw: 0, gz: 0, br: 0 };
console.log(`${"file".padEnd(44)}${"raw".padStart(11)}${"gzip".padStart(11)}${"brotli".padStart(11)}`);
for (const file of rows) {
  const bytes = readFileSync(join(dist, file));
  const gz = gzipSync(bytes, { level: 9 }).length;
  const br = brotliCompressSync(bytes, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
  }).length;
  console.log(`${file.padEnd(44)}${kib(bytes.length)}${kib(gz)}${kib(br)}`);
  const sum = file.startsWith("stackfit-tools")
    ? tools
    : file.startsWith("stackfit-extras")
      ? extras
      : first;
  sum.raw += bytes.length;
  sum.gz += gz;
  sum.br += br;
}
console.log(`${"first load (app wasm + JS + CSS)".padEnd(44)}${kib(first.raw)}${kib(first.gz)}${kib(first.br)}`);
console.log(`${"tools worker (on first use)".padEnd(44)}${kib(tools.raw)}${kib(tools.gz)}${kib(tools.br)}`);
console.log(`${"extras (on first use)".padEnd(44)}${kib(extras.raw)}${kib(extras.gz)}${kib(extras.br)}`);
const over = first.br / 1024 - BUDGET_KIB;
console.log(
  over > 0
    ? `first load: ${(first.br / 1024).toFixed(1)} KiB brotli, ${over.toFixed(1)} KiB over the ${BUDGET_KIB} KiB budget`
    : `first load: ${(first.br / 1024).toFixed(1)} KiB brotli, within the ${BUDGET_KIB} KiB budget`,
);
