// Business calendars over HTTP: the due-time preview's warning past the known holiday years, 0
// minutes, known_years on every calendar answer, the administrators' run-out notice (once, across
// restarts), and the business zone GET /me and sign-in answer.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { Client, createDatabase, loginAs, startServer, uniqueName } from './lib/server.mjs';

const db = createDatabase();
let server;
let admin;

before(async () => {
  server = await startServer({ dbPath: db.dbPath });
  admin = await loginAs(server, 'admin');
});

after(async () => {
  await server?.stop();
  db.cleanup();
});

const due = (client, code, from, minutes) =>
  client.get(`/api/v1/calendars/${code}/due?from=${encodeURIComponent(from)}&minutes=${minutes}`);

describe('the due-time preview', () => {
  test('warns when the answer counts days past the known holiday years (issue 14, item 6)', async () => {
    const agent = await loginAs(server, 'agent');
    const r = await due(agent, 'cn-mainland', '2026-12-31T17:30:00+08:00', 60);
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.due, '2027-01-01T09:30:00+08:00', 'still computed, with the weekly hours');
    assert.equal(r.body.warning?.key, 'calendar.beyond_known_years', r.text);
    assert.deepEqual(r.body.warning.args, { code: 'cn-mainland', first: '2025', last: '2026' });
    assert.match(r.body.warning.message, /2025-2026/);

    const inside = await due(agent, 'cn-mainland', '2026-12-31T10:00:00+08:00', 60);
    assert.equal(inside.body.due, '2026-12-31T11:00:00+08:00');
    assert.equal(inside.body.warning, undefined, inside.text);
    const always = await due(agent, '24x7', '2027-01-01T10:00:00+08:00', 60);
    assert.equal(always.body.warning, undefined, 'a calendar without holidays never runs out');
  });

  test('0 minutes answer the start, without a warning', async () => {
    for (const from of ['2026-10-09T10:15:00+08:00', '2026-10-03T16:00:00+08:00', '2027-03-01T10:00:00+08:00']) {
      const r = await due(admin, 'cn-mainland', from, 0);
      assert.equal(r.status, 200, r.text);
      assert.equal(r.body.due, from);
      assert.equal(r.body.warning, undefined, r.text);
    }
  });
});

test('every calendar answer says which years of holidays it knows', async () => {
  const list = await admin.get('/api/v1/calendars');
  assert.equal(list.status, 200, list.text);
  const byCode = Object.fromEntries(list.body.items.map((c) => [c.code, c]));
  assert.deepEqual(byCode['cn-mainland'].known_years, {
    first: 2025,
    last: 2026,
    runs_out_at: '2026-12-31T16:00:00.000Z',
    notice_at: '2026-11-01T16:00:00.000Z',
  });
  assert.equal(byCode['24x7'].known_years, null);
});

test('/me and sign-in answer the business zone', async () => {
  const c = new Client(server.url);
  const login = await c.login('agent');
  assert.equal(login.body.user.business_zone, 'Asia/Shanghai');
  const me = await c.get('/api/v1/me');
  assert.equal(me.status, 200, me.text);
  assert.equal(me.body.business_zone, 'Asia/Shanghai');
});

test('administrators hear once that a calendar of an active policy ran out of holidays', async () => {
  // A calendar whose holidays ended with 2020: its notice is long due, whatever today is.
  const code = uniqueName('old').toLowerCase().replace(/[^a-z0-9_-]/g, '').slice(0, 40);
  const week = { mon: [['09:00', '18:00']], tue: [['09:00', '18:00']], wed: [['09:00', '18:00']], thu: [['09:00', '18:00']], fri: [['09:00', '18:00']] };
  const created = await admin.post('/api/v1/calendars', {
    code, name: 'Old holidays', time_zone: 'Asia/Shanghai', week,
    exceptions: [{ date: '2020-10-01', kind: 'holiday', name: '国庆节' }],
  });
  assert.equal(created.status, 201, created.text);
  assert.equal(created.body.known_years.last, 2020);
  const policy = await admin.post('/api/v1/sla/policies', {
    name: uniqueName('old calendar'), match: { ticket_type: 'consultation', customer_tier: 'old-holidays' },
    targets: [{ kind: 'resolution', business_minutes: 600, calendar_code: code }],
  });
  assert.equal(policy.status, 201, policy.text);

  const notices = async () => {
    const c = await loginAs(server, 'admin');
    const r = await c.get('/api/v1/notifications?limit=100');
    assert.equal(r.status, 200, r.text);
    return r.body.items.filter((n) => n.kind === 'calendar_run_out' && n.args.code === code);
  };
  // The watch checks at start (and then at least daily): restart to have it look now.
  await server.stop();
  server = await startServer({ dbPath: db.dbPath });
  const told = await notices();
  assert.equal(told.length, 1, JSON.stringify(told));
  assert.equal(told[0].key, 'notification.calendar_run_out');
  assert.equal(told[0].ticket_id, null);
  assert.deepEqual(told[0].args, { name: 'Old holidays', code, last_day: '2020-12-31', next_year: '2021' });
  const agent = await loginAs(server, 'agent');
  const agentNotices = (await agent.get('/api/v1/notifications?limit=100')).body.items;
  assert.equal(agentNotices.filter((n) => n.kind === 'calendar_run_out').length, 0, 'administrators only');

  await server.stop();
  server = await startServer({ dbPath: db.dbPath });
  assert.equal((await notices()).length, 1, 'once per calendar and year, not at every start');
  admin = await loginAs(server, 'admin');
});
