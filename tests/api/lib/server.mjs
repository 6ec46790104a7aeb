// Shared helpers for the HTTP-level API tests (tests/api/*.test.mjs).
//
// Starts the real `sqm` binary on a free loopback port with a temporary, seeded database and
// gives the tests a small client with a cookie jar and CSRF handling. No npm dependencies: only
// Node built-ins (Node 18+), so `node --test tests/api/` works on a bare checkout.
//
// Environment:
//   SQM_BIN              path to the sqm binary (default: $SQM_BUILD/sqm, else <repo>/build/sqm)
//   SQM_TEST_FRESH_DB=1  seed every database from scratch instead of copying a cached seeded
//                        template (the template is keyed by the binary's path, size and mtime)
//   SQM_TEST_LOG=1       copy the servers' stderr (access log) to this process's stderr
//   SQM_TEST_DB=postgres every server gets its own PostgreSQL database on the cluster at
//                        SQM_TEST_PG_URL (the superuser URL `scripts/pg.sh start` prints), made from
//                        a seeded template database with CREATE DATABASE ... TEMPLATE

import { spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const SQM_BIN = process.env.SQM_BIN || path.join(process.env.SQM_BUILD || path.join(REPO, 'build'), 'sqm');
export const DEMO_PASSWORD = 'Demo-pass-2026';
// One demo login per role; the username equals the role code.
export const DEMO_USERS = ['admin', 'quality', 'executive', 'manager', 'agent', 'engineer', 'evaluator', 'customer'];

const live = new Set(); // child processes still running, killed if the test process exits

process.on('exit', () => {
  for (const p of live) {
    try { p.kill('SIGKILL'); } catch { /* already gone */ }
  }
});

export function uniqueName(prefix = 'x') {
  return `${prefix}-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
}

export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// Runs `sqm ARGS...` to completion: {code, signal, stdout, stderr}.
export function runSqm(args, options = {}) {
  const r = spawnSync(SQM_BIN, args, { encoding: 'utf8', timeout: 60_000, ...options });
  if (r.error) throw new Error(`cannot run ${SQM_BIN} ${args.join(' ')}: ${r.error.message}`);
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

// Every registered route, from `sqm routes`: [{method, path, permission}].
export function listRoutes() {
  const r = runSqm(['routes']);
  if (r.code !== 0) throw new Error(`sqm routes exited ${r.code}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

// `sqlite3` CLI, when installed: {code, stdout, stderr}, or null when the CLI is missing.
export function sqlite3(dbPath, sql) {
  const r = spawnSync('sqlite3', [dbPath, sql], { encoding: 'utf8', timeout: 60_000 });
  if (r.error && r.error.code === 'ENOENT') return null;
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

// ---- PostgreSQL (SQM_TEST_DB=postgres) ----
export const ON_POSTGRES = process.env.SQM_TEST_DB === 'postgres';
const PG_SERVER_URL = process.env.SQM_TEST_PG_URL || '';
if (ON_POSTGRES && !PG_SERVER_URL) throw new Error('SQM_TEST_DB=postgres needs SQM_TEST_PG_URL (scripts/pg.sh start DIR)');

// `sql` run by psql as the cluster's superuser; returns stdout (tuples only, unaligned).
export function pgAdmin(sql) {
  const r = spawnSync('psql', [PG_SERVER_URL, '-X', '-q', '-t', '-A', '-v', 'ON_ERROR_STOP=1', '-c', sql],
    { encoding: 'utf8', timeout: 60_000 });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`psql: ${sql}: ${r.stderr}`);
  return r.stdout.trim();
}

// The URL of database `name` on the test cluster.
export function pgUrl(name) {
  return PG_SERVER_URL.replace(/^(postgresql:\/\/[^/]*\/)[^?]*/, `$1${name}`);
}

function pgExists(name) {
  return pgAdmin(`SELECT 1 FROM pg_database WHERE datname = '${name}'`) === '1';
}

function makeTempDir(prefix = 'sqm-api-') {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

function seedInto(dbPath, seedArgs = []) {
  for (const args of [['--db', dbPath, 'migrate'], ['--db', dbPath, 'seed-demo', '--password', DEMO_PASSWORD, ...seedArgs]]) {
    const r = runSqm(args);
    if (r.code !== 0) throw new Error(`sqm ${args.join(' ')} exited ${r.code}:\n${r.stdout}\n${r.stderr}`);
  }
}

function copyDb(from, to) {
  fs.copyFileSync(from, to);
  for (const suffix of ['-wal', '-shm']) {
    if (fs.existsSync(from + suffix)) fs.copyFileSync(from + suffix, to + suffix);
  }
}

function templateKey(seedArgs) {
  const st = fs.statSync(SQM_BIN);
  const extra = seedArgs.length ? `|${JSON.stringify(seedArgs)}` : '';
  return createHash('sha256').update(`${path.resolve(SQM_BIN)}|${st.size}|${st.mtimeMs}|${DEMO_PASSWORD}${extra}`).digest('hex').slice(0, 16);
}

// The PostgreSQL form of seededTemplate: a database sqm_tpl_<key>, seeded under another name and
// renamed when whole. Names are made of hex digits only, so they are safe in SQL text.
function pgSeededTemplate(seedArgs = []) {
  const name = `sqm_tpl_${templateKey(seedArgs)}`;
  if (pgExists(name)) return name;
  const tmp = `${name}_${process.pid}`;
  pgAdmin(`DROP DATABASE IF EXISTS ${tmp} WITH (FORCE)`);
  pgAdmin(`CREATE DATABASE ${tmp}`);
  try {
    seedInto(pgUrl(tmp), seedArgs);
    pgAdmin(`ALTER DATABASE ${tmp} RENAME TO ${name}`);
  } catch (err) {
    pgAdmin(`DROP DATABASE IF EXISTS ${tmp} WITH (FORCE)`);
    if (pgExists(name)) return name; // another test file made it meanwhile
    throw err;
  }
  return name;
}

// A new PostgreSQL database for one server: {dir, dbPath (its URL), cleanup()}.
function pgCreateDatabase({ seed, seedArgs }) {
  const dir = makeTempDir();
  const name = `sqm_api_${process.pid}_${randomBytes(6).toString('hex')}`;
  const cleanup = () => {
    try { pgAdmin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`); } catch { /* the cluster is gone */ }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    if (seed && process.env.SQM_TEST_FRESH_DB !== '1') {
      pgAdmin(`CREATE DATABASE ${name} TEMPLATE ${pgSeededTemplate(seedArgs)}`);
    } else {
      pgAdmin(`CREATE DATABASE ${name}`);
      if (seed) seedInto(pgUrl(name), seedArgs);
      else {
        const r = runSqm(['--db', pgUrl(name), 'migrate']);
        if (r.code !== 0) throw new Error(`sqm migrate exited ${r.code}: ${r.stderr}`);
      }
    }
  } catch (err) {
    cleanup();
    throw err;
  }
  return { dir, dbPath: pgUrl(name), cleanup };
}

// Seeding hashes ~65 Argon2 passwords (~3 s), so a seeded database is made once per build of the
// binary (and per set of extra seed-demo arguments) and copied for each server.
function seededTemplate(seedArgs = []) {
  const key = templateKey(seedArgs);
  const template = path.join(os.tmpdir(), `sqm-api-template-${key}.db`);
  if (fs.existsSync(template)) return template;
  removeStaleTemplates();
  const dir = makeTempDir('sqm-api-template-');
  try {
    const db = path.join(dir, 'seed.db');
    seedInto(db, seedArgs);
    if (fs.existsSync(`${db}-wal`) && fs.statSync(`${db}-wal`).size > 0) throw new Error('seed-demo left a non-empty WAL');
    const tmp = `${template}.${process.pid}.tmp`;
    fs.renameSync(db, tmp);
    fs.renameSync(tmp, template); // atomic: test files racing to make it each end up with a whole file
    return template;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// Templates made more than a day ago (mostly of earlier builds; a current one is simply made again).
function removeStaleTemplates() {
  const dayAgo = Date.now() - 24 * 3600 * 1000;
  for (const name of fs.readdirSync(os.tmpdir())) {
    if (!/^sqm-api-template-[0-9a-f]{16}\.db$/.test(name)) continue;
    const p = path.join(os.tmpdir(), name);
    try {
      if (fs.statSync(p).mtimeMs < dayAgo) fs.rmSync(p, { force: true });
    } catch { /* raced with another test process */ }
  }
}

// A fresh temporary directory with a migrated and seeded database: {dir, dbPath, cleanup()}.
// `seedArgs` are extra `seed-demo` flags (e.g. ['--days', '3'] for a short ticket history); each
// distinct set gets its own cached template.
export function createDatabase({ seed = true, seedArgs = [] } = {}) {
  if (ON_POSTGRES) return pgCreateDatabase({ seed, seedArgs });
  const dir = makeTempDir();
  const dbPath = path.join(dir, 'sqm.db');
  const cleanup = () => fs.rmSync(dir, { recursive: true, force: true });
  try {
    if (seed) {
      if (process.env.SQM_TEST_FRESH_DB === '1') seedInto(dbPath, seedArgs);
      else copyDb(seededTemplate(seedArgs), dbPath);
    } else {
      const r = runSqm(['--db', dbPath, 'migrate']);
      if (r.code !== 0) throw new Error(`sqm migrate exited ${r.code}: ${r.stderr}`);
    }
  } catch (err) {
    cleanup();
    throw err;
  }
  return { dir, dbPath, cleanup };
}

// A web root with index.html and assets/app.js, for the static-file tests.
export function createWebRoot(dir) {
  const root = path.join(dir, 'web');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><html><body><div id="root">sqm test index</div></body></html>\n');
  fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log("sqm test asset");\n');
  fs.writeFileSync(path.join(root, 'assets', 'app.css'), 'body{margin:0}\n');
  return root;
}

// Starts `sqm serve` and resolves once it prints its address.
//
//   options.dbPath      an existing database (not removed by stop()); default: a fresh seeded one
//   options.seedArgs    extra `seed-demo` flags for that fresh database (see createDatabase)
//   options.webRoot     --web-root (default: an empty folder, so static serving is off)
//   options.serveArgs   extra flags after `serve`
//   options.globalArgs  extra flags before `serve` (e.g. ['--synchronous', 'FULL'])
//
// Returns {url, port, pid, dbPath, dir, proc, exited, stderr(), stop(), kill(signal), cleanup()}.
export async function startServer(options = {}) {
  let owned = null;
  let dbPath = options.dbPath;
  if (!dbPath) {
    owned = createDatabase({ seedArgs: options.seedArgs || [] });
    dbPath = owned.dbPath;
  }
  const dir = owned ? owned.dir : (options.dir ?? (ON_POSTGRES ? makeTempDir() : path.dirname(dbPath)));
  let webRoot = options.webRoot;
  if (!webRoot) {
    webRoot = path.join(dir, 'no-web');
    fs.mkdirSync(webRoot, { recursive: true });
  }
  const args = [...(options.globalArgs || []), '--db', dbPath, 'serve', '--listen', '127.0.0.1:0', '--web-root', webRoot,
    ...(options.serveArgs || [])];
  const proc = spawn(SQM_BIN, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  live.add(proc);

  let stderr = '';
  const echo = process.env.SQM_TEST_LOG === '1';
  proc.stderr.setEncoding('utf8');
  proc.stderr.on('data', (chunk) => {
    if (echo) process.stderr.write(chunk);
    stderr += chunk;
    if (stderr.length > 256 * 1024) stderr = stderr.slice(-128 * 1024); // keep the tail
  });

  const exited = new Promise((resolve) => {
    proc.on('exit', (code, signal) => {
      live.delete(proc);
      resolve({ code, signal });
    });
  });

  const url = await new Promise((resolve, reject) => {
    const rejectAndClean = (err) => {
      if (owned) owned.cleanup();
      reject(err);
    };
    let out = '';
    const timer = setTimeout(() => fail(new Error('sqm did not start within 20 s')), 20_000);
    function fail(err) {
      clearTimeout(timer);
      try { proc.kill('SIGKILL'); } catch { /* gone */ }
      rejectAndClean(new Error(`${err.message}\nargs: ${args.join(' ')}\nstdout: ${out}\nstderr: ${stderr}`));
    }
    const early = (code, signal) => fail(new Error(`sqm exited early (code ${code}, signal ${signal})`));
    proc.on('error', fail);
    proc.on('exit', early);
    proc.stdout.setEncoding('utf8');
    proc.stdout.on('data', (chunk) => {
      out += chunk;
      const m = /sqm listening on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        proc.off('exit', early);
        proc.off('error', fail);
        resolve(m[1]);
      }
    });
  });

  const server = {
    url,
    port: Number(new URL(url).port),
    pid: proc.pid,
    dbPath,
    dir,
    webRoot,
    proc,
    exited, // resolves to {code, signal}
    stderr: () => stderr,
    // Sends `signal` and waits for the process to end: {code, signal}.
    async kill(signal = 'SIGKILL') {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal);
      return exited;
    },
    // Graceful stop (SIGTERM), then removes the temporary database if startServer made it.
    async stop() {
      let timer;
      const result = await Promise.race([
        server.kill('SIGTERM'),
        new Promise((resolve) => { timer = setTimeout(() => resolve(null), 15_000); }),
      ]);
      clearTimeout(timer);
      const final = result || (await server.kill('SIGKILL'));
      server.cleanup();
      return final;
    },
    cleanup() {
      if (owned) owned.cleanup();
    },
  };
  return server;
}

// ---- client ----

function splitSetCookie(headers) {
  if (typeof headers.getSetCookie === 'function') return headers.getSetCookie();
  const joined = headers.get('set-cookie');
  return joined ? joined.split(/,(?=\s*[A-Za-z0-9_.-]+=)/) : [];
}

export async function wrapResponse(res) {
  const text = await res.text();
  let body = null;
  if ((res.headers.get('content-type') || '').startsWith('application/json') && text) {
    try { body = JSON.parse(text); } catch { body = undefined; }
  }
  return { status: res.status, headers: res.headers, text, body, setCookies: splitSetCookie(res.headers) };
}

// A browser-like client: keeps cookies, sends X-CSRF-Token on unsafe methods after login.
//   const c = new Client(server.url); await c.login('admin');
//   const r = await c.get('/api/v1/me');   // -> {status, headers, text, body, setCookies}
export class Client {
  constructor(baseUrl, { bearer = null } = {}) {
    this.baseUrl = baseUrl.replace(/\/$/, '');
    this.cookies = new Map();
    this.csrf = null;
    this.bearer = bearer;
    this.user = null;
  }

  cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  storeCookies(setCookies) {
    for (const line of setCookies) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      if (eq < 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*max-age\s*=\s*0\s*$/i.test(a));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  // options: {json, body, headers, csrf (default true), cookies (default true), bearer, contentType}
  async request(method, urlPath, options = {}) {
    const headers = { ...(options.headers || {}) };
    let body = options.body;
    if (options.json !== undefined) {
      body = JSON.stringify(options.json);
      headers['content-type'] ??= 'application/json';
    } else if (body !== undefined && options.contentType) {
      headers['content-type'] ??= options.contentType;
    }
    const unsafe = !['GET', 'HEAD', 'OPTIONS'].includes(method);
    if (options.cookies !== false && this.cookies.size) headers.cookie ??= this.cookieHeader();
    if (unsafe && options.csrf !== false && this.csrf) headers['x-csrf-token'] ??= this.csrf;
    const bearer = options.bearer === undefined ? this.bearer : options.bearer;
    if (bearer) headers.authorization ??= `Bearer ${bearer}`;
    const res = await fetch(this.baseUrl + urlPath, { method, headers, body, redirect: 'manual' });
    const r = await wrapResponse(res);
    this.storeCookies(r.setCookies);
    return r;
  }

  get(p, o) { return this.request('GET', p, o); }
  post(p, json, o = {}) { return this.request('POST', p, json === undefined ? o : { ...o, json }); }
  patch(p, json, o = {}) { return this.request('PATCH', p, json === undefined ? o : { ...o, json }); }
  put(p, json, o = {}) { return this.request('PUT', p, json === undefined ? o : { ...o, json }); }
  del(p, o) { return this.request('DELETE', p, o); }

  // POST /api/v1/auth/login; returns the response and remembers the session and CSRF token.
  async tryLogin(username, password = DEMO_PASSWORD) {
    const r = await this.request('POST', '/api/v1/auth/login', { json: { username, password }, csrf: false });
    if (r.status === 200) {
      this.csrf = r.body.csrf_token;
      this.user = r.body.user;
    }
    return r;
  }

  // Like tryLogin, but throws unless the login succeeds.
  async login(username, password = DEMO_PASSWORD) {
    const r = await this.tryLogin(username, password);
    if (r.status !== 200) throw new Error(`login as ${username} failed: ${r.status} ${r.text}`);
    return r;
  }

  async logout() {
    const r = await this.post('/api/v1/auth/logout');
    this.csrf = null;
    this.user = null;
    return r;
  }
}

// Logs in `username` on a new client.
export async function loginAs(server, username, password = DEMO_PASSWORD) {
  const c = new Client(server.url ?? server);
  await c.login(username, password);
  return c;
}

// A raw HTTP/1.1 request via node:http: the path is sent exactly as given (no URL normalisation,
// so "/../x" and "%2e%2e" reach the server), and the body may be any bytes.
// Resolves to {status, headers (lower-case object), body (Buffer), text, json}; rejects only when no
// response arrived at all.
export function rawRequest(baseUrl, { method = 'GET', path: p = '/', headers = {}, body, timeoutMs = 15_000 } = {}) {
  const u = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    let settled = false;
    const req = http.request({
      host: u.hostname, port: u.port, method, path: p, headers: { connection: 'close', ...headers }, agent: false,
    });
    const timer = setTimeout(() => { req.destroy(new Error(`raw request timed out after ${timeoutMs} ms`)); }, timeoutMs);
    req.on('response', (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      const finish = () => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        const buf = Buffer.concat(chunks);
        let json;
        try { json = JSON.parse(buf.toString('utf8')); } catch { json = undefined; }
        resolve({ status: res.statusCode, headers: res.headers, body: buf, text: buf.toString('utf8'), json });
      };
      res.on('end', finish);
      res.on('error', finish);
      res.on('close', finish);
    });
    req.on('error', (err) => {
      // The server may answer early (413) and close while we are still sending; a response that
      // already arrived wins.
      setTimeout(() => {
        if (!settled) {
          settled = true;
          clearTimeout(timer);
          reject(err);
        }
      }, 50);
    });
    if (body !== undefined) req.end(body);
    else req.end();
  });
}

// Looks up demo data as admin: department ids by code, staff ids by username.
export async function demoIds(adminClient) {
  const deps = await adminClient.get('/api/v1/departments');
  if (deps.status !== 200) throw new Error(`GET /departments as admin: ${deps.status} ${deps.text}`);
  const departments = {};
  for (const d of deps.body.items) if (d.code) departments[d.code] = d.id;
  const staff = {};
  const all = await listAll(adminClient, '/api/v1/staff');
  for (const s of all) staff[s.username] = s.id;
  return { departments, staff, staffList: all, departmentList: deps.body.items };
}

// Follows next_cursor until the end: every item of a paged list.
export async function listAll(client, urlPath, { limit = 200 } = {}) {
  const items = [];
  let cursor = null;
  for (let guard = 0; guard < 10_000; guard++) {
    const sep = urlPath.includes('?') ? '&' : '?';
    const r = await client.get(`${urlPath}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    if (r.status !== 200) throw new Error(`GET ${urlPath}: ${r.status} ${r.text}`);
    items.push(...r.body.items);
    cursor = r.body.next_cursor;
    if (!cursor) return items;
  }
  throw new Error(`GET ${urlPath}: paging did not end`);
}
