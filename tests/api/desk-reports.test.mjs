// Desk read models over HTTP: the dashboard, notifications, saved ticket views, ticket-list
// filters and paging, the callback queue's parameters.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { actOk, assertError, register, startDeskServer, view } from './lib/desk.mjs';
import { listAll, uniqueName } from './lib/server.mjs';

let ctx;
let u;
let n = 0;

before(async () => {
  ctx = await startDeskServer(['admin', 'quality', 'manager', 'agent', 'engineer']);
  u = ctx.users;
});

after(async () => {
  await ctx?.server.stop();
});

function fields(extra = {}) {
  const i = n++;
  return {
    customer_id: ctx.desk.otherCustomers[i % ctx.desk.otherCustomers.length].id,
    category_id: ctx.desk.leaves[i % ctx.desk.leaves.length].id,
    ...extra,
  };
}

describe('dashboard', () => {
  // The dashboard's state now comes from the board the analytics tail keeps (desk/live_board.h)
  // once it is built; the tests below then read it, and it follows each write before answering.
  async function boardTickets() {
    const r = await u.admin.get('/metrics');
    assert.equal(r.status, 200);
    const ready = /^sqm_analytics_ready 1$/m.test(r.text);
    const m = /^sqm_dashboard_board_tickets ([0-9.e+]+)$/m.exec(r.text);
    return ready && m ? Number(m[1]) : null;
  }

  test('reads the board once it is built, and the board follows the writes', async () => {
    let n = null;
    for (let i = 0; i < 100 && n === null; i++) {
      n = await boardTickets();
      if (n === null) await new Promise((r) => setTimeout(r, 100));
    }
    assert.ok(n > 0, `the board holds the live tickets (${n})`);
    const before = (await u.admin.get('/api/v1/desk/dashboard')).body;
    await register(u.agent, fields());
    const after = (await u.admin.get('/api/v1/desk/dashboard')).body;
    assert.equal(after.open_by_status.new, before.open_by_status.new + 1);
    assert.equal(await boardTickets(), n + 1);
  });

  test('has the documented shape', async () => {
    const r = await u.admin.get('/api/v1/desk/dashboard');
    assert.equal(r.status, 200, r.text);
    const d = r.body;
    assert.deepEqual(Object.keys(d).sort(), ['at', 'attainment', 'breaches_now', 'by_department', 'open_by_status', 'warnings_now']);
    assert.deepEqual(Object.keys(d.open_by_status).sort(), ['accepted', 'in_progress', 'new', 'resolved', 'waiting_customer']);
    for (const v of Object.values(d.open_by_status)) assert.ok(Number.isInteger(v) && v >= 0);
    assert.ok(Number.isInteger(d.warnings_now) && d.warnings_now >= 0);
    assert.ok(Number.isInteger(d.breaches_now) && d.breaches_now >= 0);
    assert.deepEqual(d.attainment.map((a) => a.period), ['today', 'week', 'month']);
    for (const a of d.attainment) {
      for (const k of ['first_response', 'resolution']) {
        const rate = a[k];
        assert.ok(rate.met <= rate.total, `${a.period} ${k}: ${JSON.stringify(rate)}`);
        if (rate.total === 0) assert.equal(rate.rate, null);
        else assert.ok(Math.abs(rate.rate - rate.met / rate.total) < 1e-9);
      }
    }
    const [today, week, month] = d.attainment;
    for (const k of ['first_response', 'resolution']) {
      assert.ok(today[k].total <= week[k].total, `today is inside the week (${k})`);
      assert.ok(today[k].total <= month[k].total, `today is inside the month (${k})`);
    }
    for (const b of d.by_department) {
      assert.deepEqual(Object.keys(b).sort(), ['breached', 'department_id', 'department_name', 'first_response_rate', 'open', 'resolution_rate']);
      assert.ok(b.breached <= b.open || b.open === 0);
    }
    const openTotal = d.by_department.reduce((s, b) => s + b.open, 0);
    const { new: nw, accepted, in_progress: ip, waiting_customer: wc } = d.open_by_status;
    assert.equal(openTotal, nw + accepted + ip + wc, 'by_department.open adds up to the open statuses');
    assert.ok(!Number.isNaN(Date.parse(d.at)));
  });

  test('open_by_status follows a registration and its acceptance', async () => {
    const before = (await u.admin.get('/api/v1/desk/dashboard')).body;
    const t = await register(u.agent, fields());
    const afterReg = (await u.admin.get('/api/v1/desk/dashboard')).body;
    assert.equal(afterReg.open_by_status.new, before.open_by_status.new + 1);
    const deskRow = (d) => d.by_department.find((b) => b.department_id === ctx.ids.departments.DESK)?.open ?? 0;
    assert.equal(deskRow(afterReg), deskRow(before) + 1, 'one more open ticket in DESK');
    await actOk(u.agent, t.id, 'accept', {}, 'accepted');
    const afterAccept = (await u.admin.get('/api/v1/desk/dashboard')).body;
    assert.equal(afterAccept.open_by_status.new, before.open_by_status.new);
    assert.equal(afterAccept.open_by_status.accepted, before.open_by_status.accepted + 1);
    await actOk(u.agent, t.id, 'resolve', {}, 'resolved');
    const afterResolve = (await u.admin.get('/api/v1/desk/dashboard')).body;
    assert.equal(afterResolve.open_by_status.accepted, before.open_by_status.accepted);
    assert.equal(afterResolve.open_by_status.resolved, before.open_by_status.resolved + 1);
    assert.equal(deskRow(afterResolve), deskRow(before), 'resolved is no longer open');
  });

  test('a manager\'s dashboard counts only what the manager may see', async () => {
    const all = (await u.admin.get('/api/v1/desk/dashboard')).body;
    const mine = (await u.manager.get('/api/v1/desk/dashboard')).body;
    for (const [status, count] of Object.entries(mine.open_by_status)) {
      assert.ok(count <= all.open_by_status[status], `${status}: ${count} <= ${all.open_by_status[status]}`);
    }
    const t = await register(u.admin, fields({ department_id: ctx.ids.departments['TECH-L2'] }));
    const mineAfter = (await u.manager.get('/api/v1/desk/dashboard')).body;
    assert.equal(mineAfter.open_by_status.new, mine.open_by_status.new + 1, 'a TECH-L2 ticket counts for TECH');
    await register(u.agent, fields());
    const mineAfterDesk = (await u.manager.get('/api/v1/desk/dashboard')).body;
    assert.equal(mineAfterDesk.open_by_status.new, mineAfter.open_by_status.new, 'a DESK ticket does not');
    assert.ok(t.id > 0);
  });
});

// [start of the month, start of tomorrow) in the business time zone (Asia/Shanghai, UTC+8) of `at`.
function monthToTomorrow(at) {
  const local = new Date(Date.parse(at) + 8 * 3600_000);
  const [y, m, day] = [local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()];
  const iso = (ms) => new Date(ms - 8 * 3600_000).toISOString();
  return { from: iso(Date.UTC(y, m, 1)), to: iso(Date.UTC(y, m, day + 1)) };
}

describe('dashboard attainment is the assessment\'s measures', () => {
  // The measures' values per department this month, as the measure preview shows them to `user`.
  async function measured(user, code, window) {
    const q = `kind=department&from=${encodeURIComponent(window.from)}&to=${encodeURIComponent(window.to)}`;
    const r = await user.get(`/api/v1/assessment/measures/${code}/values?${q}`);
    assert.equal(r.status, 200, r.text);
    return new Map(r.body.items.map((i) => [i.subject_id, i]));
  }

  // The dashboard and the measures read together; again when a timer was decided in between.
  async function readBoth(user) {
    for (let round = 0; ; round++) {
      const d = (await user.get('/api/v1/desk/dashboard')).body;
      const window = monthToTomorrow(d.at);
      const fr = await measured(user, 'first_response_attainment', window);
      const res = await measured(user, 'resolution_attainment', window);
      const again = (await user.get('/api/v1/desk/dashboard')).body;
      if (JSON.stringify(again.attainment) === JSON.stringify(d.attainment) || round === 4) return { d, fr, res };
    }
  }

  const rateOf = (v) => (v && v.denominator > 0 ? v.numerator / v.denominator : null);

  for (const who of ['manager', 'admin']) {
    test(`${who}: each department's rates this month are its measures' values`, async () => {
      // A first response met in DESK and one in TECH, this month.
      const a = await register(u.agent, fields());
      await actOk(u.agent, a.id, 'respond', { note: '已收到' }, 'accepted');
      const b = await register(u.admin, fields({ department_id: ctx.ids.departments.TECH }));
      await actOk(u.manager, b.id, 'respond', { note: '已收到' }, 'accepted');
      const { d, fr, res } = await readBoth(u[who]);
      assert.ok(fr.size > 0, 'a department has a first-response value this month');
      for (const row of d.by_department) {
        const where = `${row.department_name || 'intake queue'}`;
        if (row.department_id === null) {
          assert.equal(row.first_response_rate, null, `${where}: the intake queue has no rates`);
          continue;
        }
        const f = rateOf(fr.get(row.department_id)), r = rateOf(res.get(row.department_id));
        assert.ok(f === null ? row.first_response_rate === null : Math.abs(row.first_response_rate - f) < 1e-12, `${where}: ${row.first_response_rate} = ${f}`);
        assert.ok(r === null ? row.resolution_rate === null : Math.abs(row.resolution_rate - r) < 1e-12, `${where}: ${row.resolution_rate} = ${r}`);
      }
      for (const id of fr.keys()) assert.ok(d.by_department.some((row) => row.department_id === id), `department ${id} has a row`);
      if (who === 'manager') {
        // The manager's scope is TECH's subtree: the month is TECH's value.
        const month = d.attainment.find((x) => x.period === 'month');
        const tech = fr.get(ctx.ids.departments.TECH);
        assert.deepEqual([month.first_response.met, month.first_response.total], [tech?.numerator ?? 0, tech?.denominator ?? 0]);
        assert.ok(month.first_response.total >= 1, 'the TECH ticket answered by its manager counts');
      }
    });
  }
});

describe('notifications', () => {
  let note;

  test('a transfer to TECH notifies its manager', async () => {
    const before = (await u.manager.get('/api/v1/notifications')).body;
    const t = await register(u.agent, fields({ title: uniqueName('转技术支持部') }));
    await actOk(u.agent, t.id, 'transfer', { department_id: ctx.ids.departments.TECH, note: '需要技术支持部评估' }, 'new');
    const r = await u.manager.get('/api/v1/notifications');
    assert.equal(r.status, 200, r.text);
    note = r.body.items.find((x) => x.ticket_id === t.id);
    assert.ok(note, `the manager got a notification about ${t.number}: ${JSON.stringify(r.body.items.slice(0, 3))}`);
    assert.equal(note.kind, 'transferred');
    assert.equal(note.read_at, null);
    assert.ok(note.message.includes(t.number) && note.message.includes('需要技术支持部评估'), note.message);
    assert.ok(r.body.unread_count >= before.unread_count + 1);
    const unread = await u.manager.get('/api/v1/notifications?unread=true&limit=200');
    assert.ok(unread.body.items.every((x) => x.read_at === null));
    assert.ok(unread.body.items.some((x) => x.id === note.id));
    // Nobody else in the agent's department was told.
    const agentNotes = await u.agent.get('/api/v1/notifications?limit=200');
    assert.ok(!agentNotes.body.items.some((x) => x.ticket_id === t.id));
  });

  // SLA warnings and breaches of the generated tickets may arrive at any moment, so these checks
  // look at particular notifications rather than at exact counts.
  test('mark one read, idempotently; someone else\'s is a 404', async () => {
    const r = await u.manager.post(`/api/v1/notifications/${note.id}/read`);
    assert.equal(r.status, 204, r.text);
    const after1 = await u.manager.get('/api/v1/notifications?limit=200');
    const read = after1.body.items.find((x) => x.id === note.id);
    assert.notEqual(read.read_at, null);
    const unread = await u.manager.get('/api/v1/notifications?unread=true&limit=200');
    assert.ok(!unread.body.items.some((x) => x.id === note.id), 'no longer unread');
    assert.equal((await u.manager.post(`/api/v1/notifications/${note.id}/read`)).status, 204, 'again is fine');
    const again = (await u.manager.get('/api/v1/notifications?limit=200')).body.items.find((x) => x.id === note.id);
    assert.equal(again.read_at, read.read_at, 'the first read time stays');
    assertError(await u.agent.post(`/api/v1/notifications/${note.id}/read`), 404, undefined, 'agent marks the manager\'s notification');
    assertError(await u.manager.post('/api/v1/notifications/999999999/read'), 404, undefined, 'unknown notification');
  });

  test('read-all; bad parameters', async () => {
    const before = await u.manager.get('/api/v1/notifications?limit=200');
    const maxId = Math.max(0, ...before.body.items.map((x) => x.id));
    const r = await u.manager.post('/api/v1/notifications/read-all');
    assert.equal(r.status, 204, r.text);
    const after1 = await u.manager.get('/api/v1/notifications?limit=200');
    const stillUnread = after1.body.items.filter((x) => x.id <= maxId && x.read_at === null);
    assert.deepEqual(stillUnread, []);
    const newer = after1.body.items.filter((x) => x.id > maxId).length;
    assert.equal(after1.body.unread_count, newer, 'only notifications that arrived afterwards are unread');
    assertError(await u.manager.get('/api/v1/notifications?unread=maybe'), 400, 'unread', 'unread=maybe');
    assertError(await u.manager.get('/api/v1/notifications?limit=0'), 400, 'limit', 'limit=0');
  });

  test('an assignment notifies the assignee', async () => {
    const t = await register(u.agent, fields());
    await actOk(u.agent, t.id, 'assign', { assignee_id: ctx.ids.staff.engineer }, 'new');
    const r = await u.engineer.get('/api/v1/notifications?unread=true&limit=200');
    assert.ok(r.body.items.some((x) => x.ticket_id === t.id && x.kind === 'assigned'), JSON.stringify(r.body.items.slice(0, 3)));
  });
});

describe('saved ticket views', () => {
  test('create, list, duplicate name, delete', async () => {
    const name = uniqueName('我的超时工单');
    const filters = { status: 'new,accepted', sla_state: 'warning' };
    const r = await u.agent.post('/api/v1/ticket-views', { name, filters });
    assert.equal(r.status, 201, r.text);
    assert.equal(r.body.name, name);
    assert.deepEqual(r.body.filters, filters);
    const id = r.body.id;

    const list = await u.agent.get('/api/v1/ticket-views');
    assert.equal(list.status, 200, list.text);
    const mine = list.body.items.find((v) => v.id === id);
    assert.deepEqual(mine.filters, filters);
    assert.equal(mine.name, name);

    assertError(await u.agent.post('/api/v1/ticket-views', { name, filters: {} }), 409, 'name', 'duplicate name');
    // Names are per person.
    const other = await u.engineer.post('/api/v1/ticket-views', { name, filters: {} });
    assert.equal(other.status, 201, other.text);
    assert.ok(!(await u.engineer.get('/api/v1/ticket-views')).body.items.some((v) => v.id === id), 'views are private');
    assertError(await u.engineer.del(`/api/v1/ticket-views/${id}`), 404, undefined, 'delete someone else\'s view');

    const del = await u.agent.del(`/api/v1/ticket-views/${id}`);
    assert.equal(del.status, 204, del.text);
    assert.ok(!(await u.agent.get('/api/v1/ticket-views')).body.items.some((v) => v.id === id));
    assertError(await u.agent.del(`/api/v1/ticket-views/${id}`), 404, undefined, 'delete twice');
    // The name is free again.
    assert.equal((await u.agent.post('/api/v1/ticket-views', { name, filters })).status, 201);
  });

  test('bad views are 400 naming the field', async () => {
    assertError(await u.agent.post('/api/v1/ticket-views', { filters: {} }), 400, 'name', 'no name');
    assertError(await u.agent.post('/api/v1/ticket-views', { name: '', filters: {} }), 400, 'name', 'empty name');
    assertError(await u.agent.post('/api/v1/ticket-views', { name: 'x'.repeat(61), filters: {} }), 400, 'name', 'long name');
    assertError(await u.agent.post('/api/v1/ticket-views', { name: 'x' }), 400, 'filters', 'no filters');
    assertError(await u.agent.post('/api/v1/ticket-views', { name: 'x', filters: ['status'] }), 400, 'filters', 'filters as a list');
    assertError(await u.agent.post('/api/v1/ticket-views', { name: 'x', filters: { q: 'y'.repeat(5000) } }), 400, 'filters', 'huge filters');
    assertError(await u.agent.post('/api/v1/ticket-views', { name: 'x', filters: {}, shared: true }), 400, 'shared', 'unknown field');
  });
});

describe('ticket list filters', () => {
  let incident;
  let waiting;
  const tag = uniqueName('filter');

  before(async () => {
    incident = await register(u.agent, fields({ title: `${tag} 故障`, priority: 'P1' }));
    const request = await register(u.agent, fields({ type: 'request', title: `${tag} 申请`, channel: 'email' }));
    waiting = request;
    await actOk(u.agent, request.id, 'accept');
    await actOk(u.agent, request.id, 'wait', {}, 'waiting_customer');
  });

  test('status, type, channel, priority, q and sla_state narrow the list', async () => {
    const get = async (qs) => {
      const r = await u.admin.get(`/api/v1/tickets?${qs}&limit=500`);
      assert.equal(r.status, 200, `${qs}: ${r.text}`);
      return r.body.items;
    };
    const mine = await get(`q=${encodeURIComponent(tag)}`);
    assert.deepEqual(mine.map((t) => t.id).sort((a, b) => a - b), [incident.id, waiting.id]);
    assert.deepEqual((await get(`q=${incident.number}`)).map((t) => t.id), [incident.id], 'q finds a ticket number');
    assert.deepEqual((await get(`q=${incident.number.toLowerCase()}`)).map((t) => t.id), [incident.id]);

    for (const t of await get('status=new')) assert.equal(t.status, 'new');
    const two = await get('status=new,waiting_customer');
    assert.ok(two.every((t) => ['new', 'waiting_customer'].includes(t.status)));
    assert.ok(two.some((t) => t.id === incident.id) && two.some((t) => t.id === waiting.id));
    for (const t of await get('type=incident')) assert.equal(t.type, 'incident');
    assert.deepEqual((await get(`type=request&q=${encodeURIComponent(tag)}`)).map((t) => t.id), [waiting.id]);
    assert.deepEqual((await get(`channel=email&q=${encodeURIComponent(tag)}`)).map((t) => t.id), [waiting.id]);
    assert.deepEqual((await get(`priority=P1&q=${encodeURIComponent(tag)}`)).map((t) => t.id), [incident.id]);
    assert.deepEqual((await get(`sla_state=paused&q=${encodeURIComponent(tag)}`)).map((t) => t.id), [waiting.id]);
    assert.deepEqual((await get(`sla_state=ok&q=${encodeURIComponent(tag)}`)).map((t) => t.id), [incident.id]);
    for (const t of await get('sla_state=paused')) {
      const v = await view(u.admin, t.id);
      assert.ok(v.timers.some((m) => m.stopped_at == null && m.state === 'paused'), `${t.number} has a paused timer`);
    }
    for (const t of (await get('sla_state=breached')).slice(0, 10)) {
      const v = await view(u.admin, t.id);
      assert.ok(v.timers.some((m) => m.state === 'breached'), `${t.number} has a breached timer`);
    }
    const dept = await get(`department_id=${ctx.ids.departments.DESK}`);
    assert.ok(dept.every((t) => t.department_id === ctx.ids.departments.DESK));
    const cust = await get(`customer_id=${incident.customer_id}`);
    assert.ok(cust.every((t) => t.customer_id === incident.customer_id) && cust.some((t) => t.id === incident.id));
    const since = await get(`from=${encodeURIComponent(incident.created_at)}`);
    assert.ok(since.every((t) => t.created_at >= incident.created_at) && since.some((t) => t.id === incident.id));
    const until = await get(`to=${encodeURIComponent(incident.created_at)}`);
    assert.ok(!until.some((t) => t.id === incident.id), 'to is exclusive');
  });

  test('sort orders and cursor paging', async () => {
    const asc = (await u.admin.get('/api/v1/tickets?sort=created_asc&limit=20')).body.items.map((t) => t.id);
    assert.deepEqual(asc, [...asc].sort((a, b) => a - b));
    const desc = (await u.admin.get('/api/v1/tickets?limit=20')).body.items.map((t) => t.id);
    assert.deepEqual(desc, [...desc].sort((a, b) => b - a));
    const prio = (await u.admin.get('/api/v1/tickets?sort=priority&limit=50')).body.items.map((t) => t.priority);
    assert.deepEqual(prio, [...prio].sort());

    const p1 = await u.admin.get('/api/v1/tickets?limit=3');
    assert.equal(p1.body.items.length, 3);
    assert.notEqual(p1.body.next_cursor, null);
    const p2 = await u.admin.get(`/api/v1/tickets?limit=3&cursor=${encodeURIComponent(p1.body.next_cursor)}`);
    assert.equal(p2.status, 200, p2.text);
    const ids1 = p1.body.items.map((t) => t.id);
    const ids2 = p2.body.items.map((t) => t.id);
    assert.ok(ids2.every((id) => !ids1.includes(id)), 'pages do not overlap');
    assert.ok(Math.min(...ids1) > Math.max(...ids2), 'the second page continues the first');
    const everything = await listAll(u.admin, '/api/v1/tickets');
    assert.equal(new Set(everything.map((t) => t.id)).size, everything.length, 'no ticket twice across pages');
  });

  test('bad filter values are 400 naming the parameter', async () => {
    const bad = [
      ['status=bogus', 'status'],
      ['status=new,bogus', 'status'],
      ['type=question', 'type'],
      ['channel=fax', 'channel'],
      ['priority=P9', 'priority'],
      ['sla_state=late', 'sla_state'],
      ['sort=random', 'sort'],
      ['department_id=abc', 'department_id'],
      ['department_id=0', 'department_id'],
      ['customer_id=-1', 'customer_id'],
      ['assignee_id=you', 'assignee_id'],
      ['from=yesterday', 'from'],
      ['to=2026-13-45', 'to'],
      ['cursor=-1', 'cursor'],
      ['cursor=abc', 'cursor'],
      ['limit=0', 'limit'],
      ['limit=501', 'limit'],
    ];
    for (const [qs, field] of bad) {
      assertError(await u.agent.get(`/api/v1/tickets?${qs}`), 400, field, `GET /tickets?${qs}`);
    }
  });

  test('callback queue parameters', async () => {
    assertError(await u.agent.get('/api/v1/callbacks?state=pending'), 400, 'state', 'state=pending');
    assertError(await u.agent.get('/api/v1/callbacks?limit=0'), 400, 'limit', 'limit=0');
    assertError(await u.agent.get('/api/v1/callbacks?cursor=x'), 400, 'cursor', 'cursor=x');
    for (const state of ['open', 'overdue', 'done']) {
      const r = await u.quality.get(`/api/v1/callbacks?state=${state}&limit=50`);
      assert.equal(r.status, 200, `${state}: ${r.text}`);
      for (const c of r.body.items) {
        if (state === 'done') assert.notEqual(c.done_at, null);
        else assert.equal(c.done_at, null);
        if (state === 'overdue') assert.equal(c.overdue, true);
      }
    }
  });
});
