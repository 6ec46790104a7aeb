// Writes .gz and .br siblings for the text assets in dist/ (over 1 kB) so the server can send them
// pre-compressed, then prints each file's size raw / gzip / brotli. Node built-ins only.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
const EXTENSIONS = new Set(['.js', '.css', '.html', '.svg', '.json']);
const MIN_BYTES = 1024;

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else yield path;
  }
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} kB`.padStart(10);

const rows = [];
for (const path of files(DIST)) {
  if (!EXTENSIONS.has(extname(path))) continue;
  const data = readFileSync(path);
  const row = { name: relative(DIST, path), raw: data.length, gzip: null, brotli: null };
  if (data.length > MIN_BYTES) {
    const gz = gzipSync(data, { level: 9 });
    const br = brotliCompressSync(data, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      },
    });
    writeFileSync(`${path}.gz`, gz);
    writeFileSync(`${path}.br`, br);
    row.gzip = gz.length;
    row.brotli = br.length;
  }
  rows.push(row);
}

rows.sort((a, b) => b.raw - a.raw);
console.log(`${'file'.padEnd(48)}${'raw'.padStart(10)}${'gzip'.padStart(10)}${'brotli'.padStart(10)}`);
for (const row of rows) {
  const gzip = row.gzip === null ? '-'.padStart(10) : kb(row.gzip);
  const brotli = row.brotli === null ? '-'.padStart(10) : kb(row.brotli);
  console.log(`${row.name.padEnd(48)}${kb(row.raw)}${gzip}${brotli}`);
}
const total = (key) => rows.reduce((sum, row) => sum + (row[key] ?? row.raw), 0);
console.log(`${'total'.padEnd(48)}${kb(total('raw'))}${kb(total('gzip'))}${kb(total('brotli'))}`);
if (statSync(DIST).isDirectory() && rows.length === 0) {
  console.error('compress: no assets found in dist/');
  process.exit(1);
}
