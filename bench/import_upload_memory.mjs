// Peak memory of the server for one ticket import upload (bench/README.md, "Imports at and over the
// row limit"): a generated CSV of --mib MiB, every row valid but the last (an unknown channel), so
// the server takes the whole upload, reads every row once and writes nothing. Prints the server's
// VmRSS before, the highest VmRSS sampled every 20 ms while the body arrives and while the job
// runs, and VmHWM before and after. Not a test; run by hand:
//
//   ninja -C build sqm && node bench/import_upload_memory.mjs [--mib 50] [--sqm build/sqm] [--db FILE] [--route agency]
//
// --route agency uploads an agency results file instead (POST /api/v1/survey-agency-imports,
// docs/feedback.md: at most 100,000 rows, so its rows carry a long comment), every row valid but
// the last (a CSAT of 9): answered at once, so "while uploading" covers the reading too; with
// --good 1 the last row is valid as well, and every row is written.
//
// (--sqm picks another binary, e.g. an older build to compare; --db a seeded SQLite database to
// start from, copied first, e.g. the demo scripts/soak.sh caches, instead of seeding one.) The server runs with
// --import-max-rows 10000000 so that the row limit does not cut the read short.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const args = Object.fromEntries(process.argv.slice(2).reduce((a, v, i, all) => (i % 2 ? a : [...a, [v.replace(/^--/, ''), all[i + 1]]]), []));
if (args.sqm) process.env.SQM_BIN = args.sqm;
const { loginAs, sleep, startServer } = await import('../tests/api/lib/server.mjs');

const mib = Number(args.mib ?? 50);
const agency = args.route === 'agency';
const header = agency ? 'agency,surveyed_on,department,csat,comment\n' : '类型,渠道,标题,创建时间\n';
const rows = [];
let size = Buffer.byteLength(header);
for (let i = 0; size < mib * 1048576; ++i) {
  const row = agency ? `某调查公司,2026-03-01,DESK,4,upload memory row ${i} ${'x'.repeat(480)}\n`
    : `咨询,电话,upload memory row ${i} ${'x'.repeat(60)},2026-01-05 09:30\n`;
  rows.push(row);
  size += Buffer.byteLength(row);
}
rows.push(agency ? `某调查公司,2026-03-01,DESK,${args.good ? 4 : 9},the last row\n` : '咨询,fax,the last row is refused,2026-01-05 09:30\n');
const body = Buffer.from(header + rows.join(''));

let copy = null;
if (args.db) {
  copy = fs.mkdtempSync(path.join(os.tmpdir(), 'sqm-upload-memory-'));
  fs.copyFileSync(args.db, path.join(copy, 'sqm.db'));
}
const server = await startServer({ serveArgs: ['--import-max-rows', '10000000'],
  ...(copy ? { dbPath: path.join(copy, 'sqm.db'), dir: copy } : {}) });
const status = () => {
  const text = fs.readFileSync(`/proc/${server.pid}/status`, 'utf8');
  const kib = (name) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(text)[1]);
  return { rss: kib('VmRSS') / 1024, hwm: kib('VmHWM') / 1024 };
};
try {
  const quality = await loginAs(server, 'quality');
  await sleep(500);
  const before = status();
  let peak = before.rss;
  let phase = 'upload';
  const peaks = { upload: before.rss, job: before.rss };
  const sampler = setInterval(() => {
    const s = status();
    peak = Math.max(peak, s.rss);
    peaks[phase] = Math.max(peaks[phase], s.rss);
  }, 20);
  const t0 = Date.now();
  const started = await quality.post(`/api/v1/${agency ? 'survey-agency-imports' : 'tickets/imports'}?filename=memory.csv`,
    undefined, { body, contentType: 'text/csv' });
  const uploaded = Date.now();
  phase = 'job';
  if (started.status !== (agency ? (args.good ? 201 : 400) : 202)) throw new Error(`${started.status} ${started.text.slice(0, 500)}`);
  let job = agency ? { status: args.good ? 'written' : 'refused', errors: started.body.error?.errors, total: rows.length } : undefined;
  while (!agency) {
    job = (await quality.get(`/api/v1/tickets/imports/${started.body.id}`)).body;
    if (job.status === 'done' || job.status === 'failed') break;
    await sleep(100);
  }
  const finished = Date.now();
  clearInterval(sampler);
  await sleep(200);
  const after = status();
  console.log(`${(body.length / 1048576).toFixed(1)} MiB CSV, ${rows.length} rows: upload ${uploaded - t0} ms, job ${finished - uploaded} ms, `
    + `${job.status} (${job.errors?.[0]?.key ?? 'no error'}, ${job.total} rows read)`);
  console.log(`VmRSS before ${before.rss.toFixed(1)} MiB; highest sampled: while uploading ${peaks.upload.toFixed(1)} MiB, `
    + `while the job ran ${peaks.job.toFixed(1)} MiB (+${(peak - before.rss).toFixed(1)} MiB); `
    + `VmHWM ${before.hwm.toFixed(1)} -> ${after.hwm.toFixed(1)} MiB; VmRSS after ${after.rss.toFixed(1)} MiB`);
} finally {
  await server.stop();
  if (copy) fs.rmSync(copy, { recursive: true, force: true });
}
