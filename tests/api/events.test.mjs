// The event log through GET /api/v1/events: every write leaves an event; filters and cursor paging.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { Client, demoIds, loginAs, runSqm, startServer, uniqueName } from './lib/server.mjs';

let server;
let admin;
let quality;
let ids;
const created = []; // departments made by this test, in order

before(async () => {
  // No generated service-desk history: the paging test compares against one page of at most 500.
  server = await startServer({ seedArgs: ['--days', '0'] });
  admin = await loginAs(server, 'admin');
  quality = await loginAs(server, 'quality');
  ids = await demoIds(admin);
  for (let i = 0; i < 5; i++) {
    const r = await admin.post('/api/v1/departments', { name: uniqueName(`events-${i}`), parent_id: ids.departments.OPS });
    assert.equal(r.status, 201, r.text);
    created.push(r.body);
  }
  const upd = await admin.patch(`/api/v1/departments/${created[0].id}`, { name: `${created[0].name}-renamed` });
  assert.equal(upd.status, 200, upd.text);
});

after(async () => {
  await server?.stop();
});

async function events(client, query) {
  const r = await client.get(`/api/v1/events${query ? `?${query}` : ''}`);
  assert.equal(r.status, 200, `${query}: ${r.text}`);
  return r.body;
}

async function allEvents(client, query, limit) {
  const out = [];
  let cursor = null;
  for (let pages = 0; pages < 1000; pages++) {
    const page = await events(client, `${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    assert.ok(page.items.length <= limit);
    out.push(...page.items);
    cursor = page.next_cursor;
    if (!cursor) return out;
    assert.equal(page.items.length, limit, 'only the last page may be short');
  }
  throw new Error('paging did not end');
}

test('department.created events carry the actor, entity, id, data and a hash', async () => {
  const page = await events(quality, 'entity=department&type=department.created&limit=200');
  for (const d of created) {
    const e = page.items.find((x) => x.entity_id === String(d.id));
    assert.ok(e, `an event for department ${d.id}`);
    assert.equal(e.type, 'department.created');
    assert.equal(e.entity, 'department');
    assert.equal(e.actor, 'admin');
    assert.equal(e.data.name, d.name);
    assert.equal(e.data.parent_id, ids.departments.OPS);
    assert.match(e.hash, /^[0-9a-f]{16,}$/);
    assert.ok(Number.isInteger(e.seq));
    assert.ok(!Number.isNaN(Date.parse(e.at)));
  }
});

test('newest first, and seq strictly decreasing', async () => {
  const page = await events(quality, 'limit=100');
  for (let i = 1; i < page.items.length; i++) assert.ok(page.items[i - 1].seq > page.items[i].seq);
  assert.equal(page.items[0].type, 'department.updated', 'the rename was the last write');
});

test('filter by type prefix "department." returns created and updated events only', async () => {
  const all = await allEvents(quality, 'type=department.', 200);
  assert.ok(all.length >= 9 + created.length + 1, `seed + test departments, saw ${all.length}`);
  assert.ok(all.every((e) => e.type.startsWith('department.')));
  const types = new Set(all.map((e) => e.type));
  assert.ok(types.has('department.created') && types.has('department.updated'));
  const updated = all.find((e) => e.type === 'department.updated');
  assert.equal(updated.entity_id, String(created[0].id));
  assert.deepEqual(updated.data.name, { from: created[0].name, to: `${created[0].name}-renamed` });
});

test('a type without a trailing dot is an exact match', async () => {
  const exact = await events(quality, 'type=department&limit=200');
  assert.deepEqual(exact.items, []);
});

test('filter by entity and entity_id', async () => {
  const staff = await events(quality, 'entity=staff&limit=200');
  assert.ok(staff.items.length > 0);
  assert.ok(staff.items.every((e) => e.entity === 'staff'));
  const one = await events(quality, `entity=department&entity_id=${created[0].id}&limit=50`);
  assert.deepEqual(one.items.map((e) => e.type), ['department.updated', 'department.created']);
});

test('filter by actor', async () => {
  const mine = await allEvents(quality, 'actor=admin&type=department.', 2);
  assert.equal(mine.length, created.length + 1);
  assert.ok(mine.every((e) => e.actor === 'admin'));
  const system = await events(quality, 'actor=system&type=department.created&limit=50');
  assert.equal(system.items.length, 9, 'the demo seed made nine departments as "system"');
  const nobody = await events(quality, 'actor=nobody-at-all');
  assert.deepEqual(nobody.items, []);
  assert.equal(nobody.next_cursor, null);
});

test('cursor paging visits every event once, in order, matching one big page', async () => {
  const big = await events(quality, 'limit=500');
  assert.ok(big.items.length < 500, 'the test database fits one page');
  for (const limit of [1, 3, 7]) {
    const paged = await allEvents(quality, 'x=1', limit);
    assert.deepEqual(paged.map((e) => e.seq), big.items.map((e) => e.seq), `limit ${limit}`);
  }
  const filtered = await allEvents(quality, 'type=department.&actor=admin', 2);
  assert.deepEqual(filtered.map((e) => e.entity_id), [created[0], ...[...created].reverse()].map((d) => String(d.id)));
});

test('from / to select a time window', async () => {
  const page = await events(quality, 'type=department.created&limit=500');
  const newest = page.items[0];
  const at = Date.parse(newest.at);
  const from = new Date(at).toISOString();
  const to = new Date(at + 1).toISOString();
  const window = await events(quality, `type=department.created&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
  assert.ok(window.items.some((e) => e.seq === newest.seq));
  assert.ok(window.items.every((e) => Date.parse(e.at) === at));
  const future = await events(quality, 'from=2999-01-01T00:00:00Z');
  assert.deepEqual(future.items, []);
});

test('bad paging and filter parameters are 400 naming the parameter', async () => {
  for (const q of ['limit=0', 'limit=501', 'limit=x', 'cursor=0', 'cursor=abc', 'from=yesterday', 'to=2026-13-45']) {
    const r = await quality.get(`/api/v1/events?${q}`);
    assert.equal(r.status, 400, `${q}: ${r.text}`);
    assert.equal(r.body.error.field, q.split('=')[0], q);
  }
});

test('roles without audit.read get 403', async () => {
  for (const role of ['manager', 'agent', 'engineer', 'evaluator', 'customer']) {
    const c = await loginAs(server, role);
    const r = await c.get('/api/v1/events');
    assert.equal(r.status, 403, `${role}: ${r.text}`);
    assert.equal(r.body.error.code, 'forbidden');
  }
  const exec = await loginAs(server, 'executive');
  assert.equal((await exec.get('/api/v1/events?limit=1')).status, 200);
});

test('sign-ins and failed sign-ins are in the log', async () => {
  const failed = await new Client(server.url).tryLogin('agent', 'Wrong-password-1');
  assert.equal(failed.status, 401);
  const page = await events(quality, 'type=auth.&limit=200');
  assert.ok(page.items.some((e) => e.type === 'auth.login_succeeded'));
  const f = page.items.find((e) => e.type === 'auth.login_failed');
  assert.ok(f, 'a failed sign-in is logged');
  assert.equal(f.data.username, 'agent');
  assert.ok(!JSON.stringify(page.items).includes('Wrong-password-1'), 'passwords never reach the log');
  assert.ok(!JSON.stringify(page.items).includes('Demo-pass-2026'), 'passwords never reach the log');
});

test('the hash chain verifies after these writes', async () => {
  const r = runSqm(['--db', server.dbPath, 'verify-audit']);
  assert.equal(r.code, 0, `${r.stdout}${r.stderr}`);
});
