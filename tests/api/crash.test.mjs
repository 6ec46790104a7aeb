// "An answer of success means the data is durable": several clients stream writes while the
// server is killed with SIGKILL at random moments, five times, restarting on the same database.
// Every write answered 2xx must be there afterwards, the database must pass integrity_check and
// the event log's hash chain must verify.
//
// Needs the `sqlite3` command-line shell for PRAGMA integrity_check (that check is skipped, with a
// note, when it is missing).
import assert from 'node:assert/strict';
import { after, test } from 'node:test';

import { Client, createDatabase, listAll, loginAs, ON_POSTGRES, runSqm, sleep, sqlite3, startServer } from './lib/server.mjs';

const ROUNDS = Number(process.env.SQM_CRASH_ROUNDS || 5);
const WRITERS = 4;
const RUN = `crash-${process.pid}-${Date.now().toString(36)}`;

const db = createDatabase();
let server = null;

after(async () => {
  if (server) await server.kill('SIGKILL');
  db.cleanup();
});

// department id -> {names: Set of names it may have (the acknowledged one, plus an unanswered rename)}
const expected = new Map();
const stats = { created: 0, renamed: 0, failed: 0, perRound: [] };

async function writer(client, round, w, state) {
  const mine = [];
  let n = 0;
  while (!state.stop) {
    n++;
    try {
      if (mine.length > 0 && n % 3 === 0) {
        const id = mine[n % mine.length];
        const name = `${RUN}-r${round}-w${w}-n${n}-renamed`;
        const e = expected.get(id);
        e.names.add(name); // may or may not be applied if no answer comes
        const r = await client.patch(`/api/v1/departments/${id}`, { name });
        if (r.status === 200) {
          assert.equal(r.body.name, name);
          e.names = new Set([name]);
          stats.renamed++;
        } else {
          throw new Error(`PATCH answered ${r.status} ${r.text}`);
        }
      } else {
        const name = `${RUN}-r${round}-w${w}-n${n}`;
        const r = await client.post('/api/v1/departments', { name });
        if (r.status === 201) {
          assert.equal(r.body.name, name);
          expected.set(r.body.id, { names: new Set([name]) });
          mine.push(r.body.id);
          stats.created++;
          state.acked++;
        } else {
          throw new Error(`POST answered ${r.status} ${r.text}`);
        }
      }
    } catch (err) {
      if (err instanceof assert.AssertionError) throw err;
      if (/answered/.test(err.message)) throw err; // a real HTTP error answer is a failure, not a crash symptom
      stats.failed++; // connection reset / refused: the server is gone
      return;
    }
  }
}

// Checks that every acknowledged write is in the database the server now serves.
async function checkAcknowledged(client) {
  const listed = await client.get('/api/v1/departments');
  assert.equal(listed.status, 200, listed.text);
  const byId = new Map(listed.body.items.map((d) => [d.id, d]));
  const missing = [];
  for (const [id, e] of expected) {
    const d = byId.get(id);
    if (!d) missing.push(`department ${id} (${[...e.names].join(' | ')}) is missing`);
    else if (!e.names.has(d.name)) missing.push(`department ${id} is named ${d.name}, expected ${[...e.names].join(' | ')}`);
  }
  assert.deepEqual(missing, [], 'acknowledged writes lost');
  // Spot-check GET by id too.
  for (const id of [...expected.keys()].slice(-5)) {
    const r = await client.get(`/api/v1/departments/${id}`);
    assert.equal(r.status, 200, r.text);
    assert.ok(expected.get(id).names.has(r.body.name));
  }
  return listed.body.items;
}

test('acknowledged writes survive SIGKILL; integrity_check ok; audit chain intact', { timeout: 120_000 }, async (t) => {
  // An API token (stored in the database, so it outlives restarts) for the writers.
  server = await startServer({ dbPath: db.dbPath });
  const admin = await loginAs(server, 'admin');
  const made = await admin.post('/api/v1/tokens', { name: 'crash writer', scopes: ['org.read', 'org.write'] });
  assert.equal(made.status, 201, made.text);
  const token = made.body.token;
  await server.stop();
  server = null;

  for (let round = 1; round <= ROUNDS; round++) {
    server = await startServer({ dbPath: db.dbPath });
    const check = new Client(server.url, { bearer: token });
    await checkAcknowledged(check);

    const state = { stop: false, acked: 0 };
    const writers = [];
    for (let w = 0; w < WRITERS; w++) writers.push(writer(new Client(server.url, { bearer: token }), round, w, state));

    // Kill at a random moment once writes are flowing.
    const deadline = Date.now() + 5000;
    while (state.acked < 3 && Date.now() < deadline) await sleep(5);
    await sleep(100 + Math.floor(Math.random() * 900));
    const exit = await server.kill('SIGKILL');
    assert.equal(exit.signal, 'SIGKILL');
    state.stop = true;
    await Promise.all(writers);
    stats.perRound.push(state.acked);
    assert.ok(state.acked > 0, `round ${round}: some writes were acknowledged before the kill`);
    server = null;
  }

  server = await startServer({ dbPath: db.dbPath });
  const check = new Client(server.url, { bearer: token });
  const departments = await checkAcknowledged(check);

  // No state without its event, and no event without its state.
  const ours = departments.filter((d) => d.name.startsWith(RUN));
  const quality = await loginAs(server, 'quality');
  const createdEvents = (await listAll(quality, '/api/v1/events?type=department.created', { limit: 500 }))
    .filter((e) => typeof e.data?.name === 'string' && e.data.name.startsWith(RUN));
  assert.deepEqual(createdEvents.map((e) => Number(e.entity_id)).sort((a, b) => a - b), ours.map((d) => d.id).sort((a, b) => a - b),
    'one department.created event per department');

  const exit = await server.stop();
  server = null;
  assert.equal(exit.code, 0, 'graceful stop after the crash rounds');

  t.diagnostic(`acknowledged per round: ${stats.perRound.join(', ')}; creates ${stats.created}, renames ${stats.renamed}, `
    + `writers cut off by the kill: ${stats.failed}; departments in the database from this run: ${ours.length}`);

  const audit = runSqm(['--db', db.dbPath, 'verify-audit']);
  assert.equal(audit.code, 0, `verify-audit: ${audit.stdout}${audit.stderr}`);

  const integrity = ON_POSTGRES ? null : sqlite3(db.dbPath, 'PRAGMA integrity_check;');
  if (ON_POSTGRES) {
    t.diagnostic('PostgreSQL: its own recovery keeps the files whole; the chain and the rows are checked above');
  } else if (integrity === null) {
    t.diagnostic('sqlite3 CLI not installed: PRAGMA integrity_check skipped');
  } else {
    assert.equal(integrity.code, 0, integrity.stderr);
    assert.equal(integrity.stdout.trim(), 'ok');
    const fk = sqlite3(db.dbPath, 'PRAGMA foreign_key_check;');
    assert.equal(fk.stdout.trim(), '', 'no dangling foreign keys');
  }
});
