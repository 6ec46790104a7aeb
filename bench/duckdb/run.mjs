// DuckDB's side of assessment_bench (bench/README.md, issue 13): loads the CSV files the bench
// exported from its SQLite database into a DuckDB database file beside ANSWER (built-in read_csv,
// every column typed as the bench says; made afresh, removed at the end), runs the measures' reference SQL (the same text and values SQLite ran), and
// writes every query's rows back for the bench to tabulate and compare.
//
//   node run.mjs JOB.json ANSWER.json
//
// JOB: {tables: [{name, file, columns: [[name, type], ...]}], queries: [{sql, params: [{t, v}]}],
// repeat}. A param's t is i (an integer as text: bound as BIGINT), d (a double), s (text) or n
// (NULL). ANSWER: {load_ms, query_ms (the fastest of `repeat` passes over every query),
// query_times (each query's ms in that pass), rss_mb (the process's peak), results: [rows of each
// query, in order, as arrays]}.
//
// DuckDB may use 4 GB of memory (SQM_DUCKDB_MEMORY to change it) and spills the rest to its
// temporary folder: at scale L an in-memory database took 12 GB while the bench's engine held 8 GB,
// and the kernel killed it.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { resourceUsage } from 'node:process';
import { DuckDBInstance } from '@duckdb/node-api';

const [jobFile, answerFile] = process.argv.slice(2);
const job = JSON.parse(readFileSync(jobFile, 'utf8'));
const quote = (name) => `"${name.replaceAll('"', '""')}"`;
const literal = (text) => `'${text.replaceAll("'", "''")}'`;

const file = join(dirname(answerFile), 'bench.duckdb');
const removeFiles = () => {
  for (const f of [file, `${file}.wal`, `${file}.tmp`]) rmSync(f, { recursive: true, force: true });
};
removeFiles();
const instance = await DuckDBInstance.create(file, {
  memory_limit: process.env.SQM_DUCKDB_MEMORY ?? '4GB',
  temp_directory: `${file}.tmp`,
});
const db = await instance.connect();

let started = performance.now();
for (const t of job.tables) {
  const columns = t.columns.map(([name, type]) => `${quote(name)} ${type}`).join(', ');
  const types = t.columns.map(([name, type]) => `${literal(name)}: ${literal(type)}`).join(', ');
  await db.run(`CREATE TABLE ${quote(t.name)} (${columns})`);
  await db.run(
    `INSERT INTO ${quote(t.name)} SELECT * FROM read_csv(${literal(t.file)}, header = true, delim = ',',` +
      ` quote = '"', escape = '"', auto_detect = false, allow_quoted_nulls = false, columns = {${types}})`,
  );
}
const loadMs = performance.now() - started;

const bind = (p) => (p.t === 'i' ? BigInt(p.v) : p.t === 'n' ? null : p.v);
const plain = (v) => {
  if (v === null || typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v.toDouble === 'function') return v.toDouble();
  return String(v);
};

let best = Infinity;
let results = [];
let times = [];
for (let pass = 0; pass < Math.max(1, job.repeat); ++pass) {
  started = performance.now();
  const rows = [];
  const each = [];
  for (const q of job.queries) {
    const one = performance.now();
    const reader = await db.runAndReadAll(q.sql, q.params.map(bind));
    rows.push(reader.getRows().map((r) => r.map(plain)));
    each.push(performance.now() - one);
  }
  const ms = performance.now() - started;
  if (ms < best) [best, times] = [ms, each];
  results = rows;
}

db.closeSync();
instance.closeSync();
removeFiles();
writeFileSync(
  answerFile,
  JSON.stringify({ load_ms: loadMs, query_ms: best, query_times: times, rss_mb: resourceUsage().maxRSS / 1024, results }),
);
