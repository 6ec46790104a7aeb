// The soak's load and its sampler (run through scripts/soak.sh, which says what it measures).
//
// One `sqm serve` on a temporary SQLite database seeded with the demo; a bounded, paced mixed load
// for --minutes; every --sample seconds one CSV row of the server's memory (VmRSS, VmHWM), open file
// descriptors, threads, database + WAL size, the machine's load average and the interval's
// requests, errors and latencies. At the end a summary, and the exit code says whether memory
// stayed flat and no request failed unexpectedly (0) or not (1).
//
// No dependencies beyond Node's own: the server helpers of the API tests (tests/api/lib/server.mjs).
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

import { Client, DEMO_PASSWORD, runSqm, sleep, startServer } from '../tests/api/lib/server.mjs';

// ---- options ----
const opts = { minutes: 30, rate: 20, users: 6, sample: 10, warmup: null, out: null };
for (let i = 2; i < process.argv.length; i += 2) {
  const [k, v] = [process.argv[i], process.argv[i + 1]];
  const key = k.replace(/^--/, '');
  if (!(key in opts) || v === undefined) {
    console.error(`unknown option ${k}; use --minutes N --rate REQ_PER_S --users N --sample S --warmup MIN --out FILE.csv`);
    process.exit(2);
  }
  opts[key] = key === 'out' ? v : Number(v);
}
// The verdict. Memory is "flat" when the median VmRSS of the run's last third is within 5 % of the
// median of its middle third (the first third is the warm-up: caches fill, the database's pages
// are read). Medians, because single samples catch requests in flight (a sign-in's 19 MiB Argon2
// block, an XLSX export's workbook) that are freed a moment later. The slope after the first third
// and the allocator's figures (live allocations, freed memory kept in arenas) are printed beside.
const warmupMin = opts.warmup ?? opts.minutes / 3;
const windowMin = opts.minutes / 3;
const FLAT_TOLERANCE = 0.05;
const csvPath = opts.out ?? path.join(process.env.SQM_SOAK_CSV_DIR ?? os.tmpdir(), `sqm-soak-${new Date().toISOString().replace(/[:.]/g, '-')}.csv`);

// ---- the server ----
// The whole demo (90 days of history) in the run's own folder. Seeding takes minutes on a busy
// machine, so the seeded file is kept beside the samples for the next run of the same binary
// (SQM_SOAK_SEED_KEY, from soak.sh: the original binary's size and mtime).
const seedStarted = Date.now();
const db = { dir: fs.mkdtempSync(path.join(os.tmpdir(), 'db-')) };
db.dbPath = path.join(db.dir, 'sqm.db');
db.cleanup = () => fs.rmSync(db.dir, { recursive: true, force: true });
const seedCache = process.env.SQM_SOAK_SEED_KEY
  ? path.join(process.env.SQM_SOAK_CSV_DIR ?? os.tmpdir(), `sqm-soak-demo-${process.env.SQM_SOAK_SEED_KEY}.db`) : null;
if (seedCache && fs.existsSync(seedCache)) {
  fs.copyFileSync(seedCache, db.dbPath);
} else {
  for (const args of [['migrate'], ['seed-demo', '--password', DEMO_PASSWORD]]) {
    const r = runSqm(['--db', db.dbPath, ...args], { timeout: 15 * 60_000 });
    if (r.code !== 0) throw new Error(`sqm ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
  }
  if (seedCache) {
    fs.copyFileSync(db.dbPath, `${seedCache}.tmp`); // seed-demo leaves no WAL behind
    fs.renameSync(`${seedCache}.tmp`, seedCache);
  }
}
console.log(`demo database ready in ${((Date.now() - seedStarted) / 1000).toFixed(1)} s${seedCache ? ` (cache ${seedCache})` : ''}`);
const server = await startServer({ dbPath: db.dbPath, dir: db.dir });
console.log(`sqm (pid ${server.pid}) listening on ${server.url}`);

function procStatus(pid) {
  const text = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (name) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(text)?.[1] ?? 0);
  return { rss: kib('VmRSS'), hwm: kib('VmHWM'), threads: kib('Threads') };
}
function fdCount(pid) {
  return fs.readdirSync(`/proc/${pid}/fd`).length;
}
function dbBytes() {
  let total = 0;
  for (const suffix of ['', '-wal', '-shm']) {
    try { total += fs.statSync(db.dbPath + suffix).size; } catch { /* not there */ }
  }
  return total;
}

// ---- recording ----
const statuses = new Map(); // status (or 'network') -> count, the whole run
const expected = new Map(); // the slow clients' answers, which are meant to be refusals
const firstErrors = [];
let interval = { n: 0, errors: 0, ms: [] };
let total = 0;

// `detail`: the answer's start, kept for the first errors. `ms` null: not a request (a failed import job).
function record(label, status, ms, isExpected = false, detail = '') {
  if (ms !== null) total++;
  const key = String(status);
  if (isExpected) {
    expected.set(`${label} ${key}`, (expected.get(`${label} ${key}`) ?? 0) + 1);
    return;
  }
  statuses.set(key, (statuses.get(key) ?? 0) + 1);
  if (ms !== null) {
    interval.n++;
    interval.ms.push(ms);
  }
  const ok = typeof status === 'number' && status >= 200 && status < 400;
  if (!ok) {
    interval.errors++;
    if (firstErrors.length < 20) firstErrors.push(`${label}: ${status} ${detail}`);
  }
}

let stopping = false;
const runEnd = () => stopping;

// One timed request; never throws (a network failure counts as status 'network').
async function call(client, label, method, urlPath, options = {}) {
  const t0 = performance.now();
  try {
    const r = await client.request(method, urlPath, options);
    record(label, r.status, performance.now() - t0, false, r.text.slice(0, 200));
    return r;
  } catch (err) {
    record(label, 'network', performance.now() - t0, false, String(err));
    return { status: 0, body: null, text: String(err), headers: new Headers() };
  }
}

async function signIn(role) {
  const c = new Client(server.url);
  const r = await call(c, 'sign-in', 'POST', '/api/v1/auth/login', { json: { username: role, password: DEMO_PASSWORD }, csrf: false });
  if (r.status === 200) {
    c.csrf = r.body.csrf_token;
    c.user = r.body.user;
  }
  return c;
}

// ---- fixtures ----
const admin = await signIn('admin');
const leafCategory = await (async () => {
  const cats = (await admin.get('/api/v1/categories')).body.items;
  const parents = new Set(cats.map((c) => c.parent_id).filter((p) => p != null));
  return cats.find((c) => c.active && !parents.has(c.id)).id;
})();
const agentCustomer = await (async () => {
  const agent = await signIn('agent');
  const id = (await agent.get('/api/v1/customers?limit=5')).body.items[0].id;
  await agent.logout();
  return id;
})();
const knownTickets = (await admin.get('/api/v1/tickets?limit=200')).body.items.map((t) => t.id);
const DAY = 24 * 3600 * 1000;
const exportWindow = `from=${new Date(Date.now() - 10 * DAY).toISOString()}&to=${new Date(Date.now() - 3 * DAY).toISOString()}`;
const summaryWindow = `from=${new Date(Date.now() - 30 * DAY).toISOString()}&to=${new Date().toISOString()}`;
const xlsxTemplate = Buffer.from(await (await fetch(`${server.url}/api/v1/imports/template?format=xlsx&lang=zh-CN`,
  { headers: { cookie: admin.cookieHeader() } })).arrayBuffer());

function pick(array) {
  return array[Math.floor(Math.random() * array.length)];
}
// Ids of tickets a user has seen in its own lists (so it reads only what it may).
function seen(s, r) {
  if (r.status === 200 && Array.isArray(r.body?.items)) s.seen = r.body.items.map((t) => t.id);
  return r;
}
function seenTicket(s) {
  return s.seen?.length ? pick(s.seen) : pick(knownTickets);
}
function remember(id) {
  knownTickets.push(id);
  if (knownTickets.length > 2000) knownTickets.splice(0, knownTickets.length - 2000);
}

// ---- the load ----
// Each virtual user signs in as its role, walks its cycle of operations at its share of --rate, and
// signs in again (after signing out, or now and then abandoning the session) every 150 operations.
const ticketBody = (title) => ({ type: 'incident', channel: 'phone', priority: 'P3', title, description: 'soak',
  customer_id: agentCustomer, category_id: leafCategory });

const cycles = {
  agent: [
    async (c, s) => {
      const r = await call(c, 'register', 'POST', '/api/v1/tickets', { json: ticketBody(`soak ${Date.now()}`) });
      if (r.status === 201) { s.ticket = r.body.id; remember(r.body.id); }
    },
    async (c, s) => seen(s, await call(c, 'list', 'GET', '/api/v1/tickets?limit=50')),
    (c, s) => s.ticket && call(c, 'read', 'GET', `/api/v1/tickets/${s.ticket}`),
    (c, s) => s.ticket && call(c, 'respond', 'POST', `/api/v1/tickets/${s.ticket}/actions/respond`, { json: { note: 'soak' } }),
    (c) => call(c, 'list', 'GET', '/api/v1/tickets?status=new,accepted&sort=priority&limit=20'),
    (c, s) => call(c, 'read', 'GET', `/api/v1/tickets/${seenTicket(s)}`),
    (c, s) => s.ticket && call(c, 'resolve', 'POST', `/api/v1/tickets/${s.ticket}/actions/resolve`, { json: { note: 'soak' } }),
    (c) => call(c, 'customers', 'GET', '/api/v1/customers?q=139&limit=20'),
    (c, s) => s.ticket && call(c, 'callback', 'POST', `/api/v1/tickets/${s.ticket}/actions/callback`,
      { json: { reached: true, resolved: 'resolved', satisfaction: 'satisfied', note: 'soak' } }),
    (c) => call(c, 'notifications', 'GET', '/api/v1/notifications?limit=20'),
    (c, s) => s.ticket && call(c, 'close', 'POST', `/api/v1/tickets/${s.ticket}/actions/close`, { json: {} }),
    (c) => call(c, 'list', 'GET', '/api/v1/tickets?q=soak&limit=20'),
    (c, s) => call(c, 'comment', 'POST', `/api/v1/tickets/${seenTicket(s)}/actions/comment`, { json: { note: 'soak comment' } }),
    (c) => call(c, 'callbacks', 'GET', '/api/v1/callbacks?limit=20'),
  ],
  manager: [
    (c) => call(c, 'dashboard', 'GET', '/api/v1/desk/dashboard'),
    async (c, s) => seen(s, await call(c, 'list', 'GET', '/api/v1/tickets?limit=50&sla_state=breached')),
    (c) => call(c, 'complaints', 'GET', `/api/v1/complaints/summary?${summaryWindow}`),
    (c, s) => call(c, 'read', 'GET', `/api/v1/tickets/${seenTicket(s)}`),
    (c) => call(c, 'directory', 'GET', '/api/v1/directory/staff?q=张'),
    async (c, s) => seen(s, await call(c, 'list', 'GET', '/api/v1/tickets?sort=updated_desc&limit=50')),
  ],
  admin: [
    (c) => call(c, 'events', 'GET', '/api/v1/events?limit=50'),
    (c) => call(c, 'dashboard', 'GET', '/api/v1/desk/dashboard'),
    (c) => call(c, 'list', 'GET', '/api/v1/tickets?limit=100&sort=created_asc'),
    (c) => call(c, 'staff', 'GET', '/api/v1/staff?limit=50'),
    (c) => call(c, 'complaints', 'GET', `/api/v1/complaints/summary?${summaryWindow}&bucket=day`),
    (c, s) => call(c, 'read', 'GET', `/api/v1/tickets/${seenTicket(s)}`),
  ],
};

async function virtualUser(role, index, gapMs) {
  let next = performance.now() + (gapMs * index) / opts.users;
  for (let op = 0; !runEnd(); ) {
    const c = await signIn(role);
    const state = {};
    for (let k = 0; k < 150 && !runEnd(); k++, op++) {
      const wait = next - performance.now();
      if (wait > 0) await sleep(wait);
      next = Math.max(next + gapMs, performance.now() - gapMs); // never make up more than one slot
      const cycle = cycles[role];
      await cycle[op % cycle.length](c, state);
    }
    if (Math.random() < 0.8) await call(c, 'sign-out', 'POST', '/api/v1/auth/logout');
  }
}

// A sign-in every 5 s as a random role: /me, then sign out.
async function signIns() {
  while (!runEnd()) {
    const c = await signIn(pick(['admin', 'quality', 'executive', 'manager', 'agent', 'engineer', 'evaluator']));
    await call(c, 'me', 'GET', '/api/v1/me');
    await call(c, 'sign-out', 'POST', '/api/v1/auth/logout');
    await sleep(5000);
  }
}

// Every 30 s an import (a 20-row CSV or the one-row XLSX template, in turn) followed to its end, and
// an export of a fixed week of the demo as CSV and as XLSX.
async function filesLoop() {
  for (let i = 0; !runEnd(); i++) {
    const c = await signIn('admin');
    const csv = i % 2 === 0;
    const body = csv
      ? `类型,渠道,标题,创建时间\n${Array.from({ length: 20 }, (_, k) => `咨询,电话,soak import ${i}-${k},2026-01-05 09:30`).join('\n')}\n`
      : xlsxTemplate;
    const started = await call(c, csv ? 'import csv' : 'import xlsx', 'POST', `/api/v1/tickets/imports?filename=${csv ? 'soak.csv' : 'soak.xlsx'}`,
      { body, contentType: csv ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    if (started.status === 202) {
      for (let k = 0; k < 600 && !runEnd(); k++) {
        const r = await call(c, 'import poll', 'GET', `/api/v1/tickets/imports/${started.body.id}`);
        if (r.status !== 200 || r.body.status === 'done' || r.body.status === 'failed') {
          if (r.body?.status === 'failed') record('import job', 'import-failed', null, false, JSON.stringify(r.body.errors).slice(0, 200));
          break;
        }
        await sleep(250);
      }
    }
    await call(c, 'export csv', 'GET', `/api/v1/tickets/export?format=csv&${exportWindow}`);
    await call(c, 'export xlsx', 'GET', `/api/v1/tickets/export?format=xlsx&${exportWindow}`);
    await call(c, 'sign-out', 'POST', '/api/v1/auth/logout');
    await sleep(30_000);
  }
}

// Writes `head` then `tail` a byte every `byteMs` on a raw socket, and resolves to the status the
// server answered with ('closed' when it closed without one), never later than `limitMs`.
function slowRequest(head, tail, byteMs, limitMs) {
  return new Promise((resolve) => {
    const u = new URL(server.url);
    const socket = net.connect(Number(u.port), u.hostname);
    let answer = '';
    let timer = null;
    let done = false;
    const finish = (status) => {
      if (done) return;
      done = true;
      clearInterval(timer);
      clearTimeout(limit);
      socket.destroy();
      resolve(status);
    };
    const limit = setTimeout(() => finish('client-gave-up'), limitMs);
    socket.on('connect', () => {
      socket.write(head);
      let i = 0;
      timer = setInterval(() => {
        if (i < tail.length) socket.write(tail[i++]);
      }, byteMs);
    });
    socket.on('data', (d) => {
      answer += d.toString('latin1');
      const m = /^HTTP\/1\.1 (\d{3})/.exec(answer);
      if (m) finish(Number(m[1]));
    });
    socket.on('error', () => finish('closed'));
    socket.on('close', () => finish('closed'));
  });
}

// Two slow clients: headers at a byte per second into GET /healthz (the header time-out is 30 s),
// and a signed-in POST whose body comes a byte per second (the body may pause at most 30 s... but
// must average its rate), each started again when the server cuts it.
async function slowHeaders() {
  while (!runEnd()) {
    const t0 = performance.now();
    const status = await slowRequest('GET /healthz HTTP/1.1\r\nHost: soak\r\n', 'X-Slow: ' + 'a'.repeat(200), 1000, 120_000);
    record('slow headers', status, performance.now() - t0, true);
  }
}
async function slowBody() {
  const c = await signIn('agent');
  const body = JSON.stringify(ticketBody('slow body'));
  while (!runEnd()) {
    const t0 = performance.now();
    const head = `POST /api/v1/tickets HTTP/1.1\r\nHost: soak\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
      `Cookie: ${c.cookieHeader()}\r\nX-CSRF-Token: ${c.csrf}\r\n\r\n`;
    const status = await slowRequest(head, body, 1000, 120_000);
    record('slow body', status, performance.now() - t0, true);
  }
}

// ---- sampling ----
const csv = fs.createWriteStream(csvPath);
csv.write('t_s,requests,errors,p50_ms,p99_ms,vm_rss_kib,vm_hwm_kib,heap_in_use_kib,heap_free_kib,sqlite_kib,fds,threads,db_bytes,load1\n');
const samples = [];
const started = performance.now();
// The allocator's figures from /metrics (served to loopback callers), in KiB; null when unread.
async function heapOf() {
  try {
    const text = await (await fetch(`${server.url}/metrics`)).text();
    const gauge = (name) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN) / 1024;
    return { used: gauge('sqm_heap_in_use_bytes'), free: gauge('sqm_heap_free_bytes'), sqlite: gauge('sqm_sqlite_memory_bytes') };
  } catch {
    return { used: NaN, free: NaN, sqlite: NaN };
  }
}
async function takeSample() {
  const heap = await heapOf();
  const st = procStatus(server.pid);
  const ms = interval.ms.sort((a, b) => a - b);
  const q = (p) => (ms.length ? ms[Math.min(ms.length - 1, Math.floor(ms.length * p))] : 0);
  const s = {
    t: (performance.now() - started) / 1000, n: interval.n, errors: interval.errors, p50: q(0.5), p99: q(0.99),
    rss: st.rss, hwm: st.hwm, heapUsed: heap.used, heapFree: heap.free, sqlite: heap.sqlite, fds: fdCount(server.pid), threads: st.threads, db: dbBytes(), load1: os.loadavg()[0],
  };
  interval = { n: 0, errors: 0, ms: [] };
  samples.push(s);
  csv.write(`${s.t.toFixed(0)},${s.n},${s.errors},${s.p50.toFixed(1)},${s.p99.toFixed(1)},${s.rss},${s.hwm},${s.heapUsed.toFixed(0)},${s.heapFree.toFixed(0)},${s.sqlite.toFixed(0)},${s.fds},${s.threads},${s.db},${s.load1.toFixed(2)}\n`);
  return s;
}

const startSample = await takeSample();
console.log(`start: VmRSS ${(startSample.rss / 1024).toFixed(1)} MiB, ${startSample.fds} fds; load for ${opts.minutes} min at ${opts.rate} req/s, ${opts.users} users; samples every ${opts.sample} s into ${csvPath}`);
const roles = ['agent', 'agent', 'manager', 'agent', 'admin', 'manager'];
const gapMs = (1000 * opts.users) / opts.rate;
const tasks = [
  ...Array.from({ length: opts.users }, (_, i) => virtualUser(roles[i % roles.length], i, gapMs)),
  signIns(), filesLoop(), slowHeaders(), slowBody(),
];
const sampler = setInterval(async () => {
  const s = await takeSample();
  if (Math.round(s.t) % 60 < opts.sample) {
    console.log(`${(s.t / 60).toFixed(1)} min: ${total} requests, VmRSS ${(s.rss / 1024).toFixed(1)} MiB, ${s.fds} fds, p99 ${s.p99.toFixed(0)} ms, load ${s.load1.toFixed(1)}`);
  }
}, opts.sample * 1000);
await sleep(opts.minutes * 60_000);
clearInterval(sampler);
const endSample = await takeSample();
stopping = true;
await Promise.race([Promise.all(tasks), sleep(150_000)]);
csv.end();
await server.stop();
db.cleanup();

// ---- summary ----
const mib = (kib) => `${(kib / 1024).toFixed(1)} MiB`;
const at = (min) => samples.reduce((best, s) => (Math.abs(s.t - min * 60) < Math.abs(best.t - min * 60) ? s : best));
const warm = at(warmupMin);
const windowSamples = samples.filter((s) => s.t >= (opts.minutes - windowMin) * 60);
const lo = Math.min(...windowSamples.map((s) => s.rss));
const hi = Math.max(...windowSamples.map((s) => s.rss));
const median = (xs) => {
  const v = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  return v.length ? v[Math.floor(v.length / 2)] : NaN;
};
const middle = samples.filter((s) => s.t >= warmupMin * 60 && s.t < (opts.minutes - windowMin) * 60);
const [midRss, lastRss] = [median(middle.map((s) => s.rss)), median(windowSamples.map((s) => s.rss))];
const [midHeap, lastHeap] = [median(middle.map((s) => s.heapUsed)), median(windowSamples.map((s) => s.heapUsed))];
const [midFree, lastFree] = [median(middle.map((s) => s.heapFree)), median(windowSamples.map((s) => s.heapFree))];
const [midSqlite, lastSqlite] = [median(middle.map((s) => s.sqlite)), median(windowSamples.map((s) => s.sqlite))];
const flat = Math.abs(lastRss - midRss) <= FLAT_TOLERANCE * midRss;
const after = samples.filter((s) => s.t >= warm.t);
const slope = (() => { // least squares, KiB per minute, after the warm-up
  const n = after.length;
  const mx = after.reduce((a, s) => a + s.t / 60, 0) / n;
  const my = after.reduce((a, s) => a + s.rss, 0) / n;
  const sxy = after.reduce((a, s) => a + (s.t / 60 - mx) * (s.rss - my), 0);
  const sxx = after.reduce((a, s) => a + (s.t / 60 - mx) ** 2, 0);
  return sxx ? sxy / sxx : 0;
})();
const loads = samples.map((s) => s.load1);
const errorCount = [...statuses].filter(([k]) => !(Number(k) >= 200 && Number(k) < 400)).reduce((a, [, v]) => a + v, 0);
const p99s = samples.slice(1).map((s) => s.p99);

console.log('\n== soak summary ==');
console.log(`duration: ${opts.minutes} min of load at ${opts.rate} req/s (${opts.users} users, sign-ins, imports, exports, 2 slow clients)`);
console.log(`requests done: ${total} (${[...statuses].map(([k, v]) => `${k}: ${v}`).join(', ')})`);
console.log(`errors by status: ${errorCount ? [...statuses].filter(([k]) => !(Number(k) >= 200 && Number(k) < 400)).map(([k, v]) => `${k}: ${v}`).join(', ') : 'none'}`);
if (firstErrors.length) console.log(`first errors:\n  ${firstErrors.join('\n  ')}`);
console.log(`slow clients (refusals expected): ${[...expected].map(([k, v]) => `${k}: ${v}`).join(', ')}`);
console.log(`VmRSS: start ${mib(startSample.rss)}, after the ${warmupMin}-min warm-up ${mib(warm.rss)}, end ${mib(endSample.rss)}; VmHWM at the end ${mib(endSample.hwm)}`);
console.log(`VmRSS over the last ${windowMin} min: ${mib(lo)} to ${mib(hi)} (${(((hi - warm.rss) / warm.rss) * 100).toFixed(1)} % above the warm-up mark at most); slope after the warm-up ${(slope / 1024).toFixed(3)} MiB/min`);
console.log(`open fds: start ${startSample.fds}, end ${endSample.fds} (max ${Math.max(...samples.map((s) => s.fds))}); threads: start ${startSample.threads}, end ${endSample.threads}`);
console.log(`database + WAL: start ${(startSample.db / 1048576).toFixed(1)} MiB, end ${(endSample.db / 1048576).toFixed(1)} MiB`);
console.log(`p99 per ${opts.sample}-s interval: median ${[...p99s].sort((a, b) => a - b)[Math.floor(p99s.length / 2)]?.toFixed(0)} ms, worst ${Math.max(...p99s).toFixed(0)} ms`);
console.log(`load average (1 min): min ${Math.min(...loads).toFixed(2)}, mean ${(loads.reduce((a, b) => a + b, 0) / loads.length).toFixed(2)}, max ${Math.max(...loads).toFixed(2)} on ${os.cpus().length} cores`);
console.log(`median VmRSS: middle third ${mib(midRss)}, last third ${mib(lastRss)} (${(((lastRss - midRss) / midRss) * 100).toFixed(1)} %); `
  + `heap in use ${mib(midHeap)} -> ${mib(lastHeap)} (SQLite's ${mib(midSqlite)} -> ${mib(lastSqlite)}), freed but kept ${mib(midFree)} -> ${mib(lastFree)}`);
console.log(`memory flat: ${flat ? 'yes' : 'NO'} (rule: the median VmRSS of the last third within ${FLAT_TOLERANCE * 100} % of the middle third's)`);
console.log(`samples: ${csvPath}`);
process.exit(flat && errorCount === 0 ? 0 : 1);
