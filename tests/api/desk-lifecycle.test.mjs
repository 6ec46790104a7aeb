// The ticket lifecycle over HTTP: register, respond, transfer, accept, wait/resume with paused
// SLA timers, resolve, callback (回访), close; every refused transition; registration errors;
// duplicate warnings; the audit chain afterwards.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { ACTIONS, ALLOWED, act, actOk, assertError, register, startDeskServer, view } from './lib/desk.mjs';
import { runSqm, uniqueName } from './lib/server.mjs';

let ctx; // {server, users, ids, desk}
let agent;
let engineer;
let admin;

before(async () => {
  ctx = await startDeskServer(['admin', 'agent', 'engineer']);
  ({ agent, engineer, admin } = ctx.users);
});

after(async () => {
  await ctx?.server.stop();
});

// A customer without a portal account and a leaf category, different for each caller so that
// tickets of different tests are not each other's duplicates.
let pick = 0;
function customerAndCategory() {
  const { otherCustomers, leaves } = ctx.desk;
  const n = pick++;
  return { customer_id: otherCustomers[n % otherCustomers.length].id, category_id: leaves[n % leaves.length].id };
}

describe('the whole life of an incident', () => {
  let ticket;
  const title = uniqueName('打印机无法连接');

  test('the agent finds the customer and a leaf category', async () => {
    const target = ctx.desk.otherCustomers[0];
    const needle = target.name;
    const found = await agent.get(`/api/v1/customers?q=${encodeURIComponent(needle)}&limit=200`);
    assert.equal(found.status, 200, found.text);
    assert.ok(found.body.items.some((c) => c.id === target.id), `GET /customers?q=${needle} finds ${target.name}`);
    for (const c of found.body.items) {
      const hay = `${c.name}|${c.phone}|${c.email}`.toLowerCase();
      assert.ok(hay.includes(needle.toLowerCase()), `${c.name} matches q=${needle}`);
    }
    const one = await agent.get(`/api/v1/customers/${target.id}`);
    assert.equal(one.status, 200, one.text);
    assert.equal(one.body.name, target.name);
    assertError(await agent.get('/api/v1/customers/999999999'), 404, undefined, 'GET unknown customer');

    const cats = await agent.get('/api/v1/categories');
    assert.equal(cats.status, 200, cats.text);
    assert.equal(cats.body.next_cursor, null);
    for (const c of cats.body.items) {
      assert.deepEqual(Object.keys(c).sort(), ['active', 'id', 'name', 'parent_id']);
    }
  });

  test('registers: new, in the agent\'s department, with SLA timers running', async () => {
    ticket = await register(agent, {
      type: 'incident', channel: 'phone', priority: 'P3', title, description: '三楼打印机脱机', ...customerAndCategory(),
      customer_id: ctx.desk.otherCustomers[0].id,
    });
    assert.equal(ticket.status, 'new');
    assert.match(ticket.number, /^T\d{6}$/);
    assert.equal(ticket.type, 'incident');
    assert.equal(ticket.priority, 'P3');
    assert.equal(ticket.department_id, ctx.ids.departments.DESK);
    assert.equal(ticket.assignee_id, null);
    assert.equal(ticket.customer_id, ctx.desk.otherCustomers[0].id);
    assert.ok(Array.isArray(ticket.possible_duplicates));
    assert.notEqual(ticket.sla_policy_id, null, 'the demo SLA policies cover an incident');
    const v = await view(agent, ticket.id);
    assert.ok(v.timers.length > 0, 'timers started');
    for (const t of v.timers) assert.equal(t.state, 'running', JSON.stringify(t));
    assert.deepEqual(v.allowed_actions, ALLOWED.new);
    assert.deepEqual(v.timeline.filter((e) => e.type.startsWith('ticket.')).map((e) => e.type), ['ticket.created']);
    assert.ok(v.timeline.some((e) => e.type === 'sla.timer_started'), 'the timeline shows the SLA timers starting');
  });

  test('first response: accepted, first_response_at set, the reply is a public comment', async () => {
    const t = await actOk(agent, ticket.id, 'respond', { note: '您好，已收到，正在安排技术支持' }, 'accepted');
    assert.notEqual(t.first_response_at, null);
    assert.equal(t.assignee_id, ctx.ids.staff.agent);
    const v = await view(agent, ticket.id);
    assert.ok(v.comments.some((c) => c.visibility === 'public' && c.body === '您好，已收到，正在安排技术支持'));
    const fr = v.timers.find((m) => m.kind === 'first_response');
    if (fr) assert.notEqual(fr.stopped_at, null, 'the first-response timer stopped');
  });

  test('transfer to TECH-L1 needs a reason, then goes there as new', async () => {
    assertError(await act(agent, ticket.id, 'transfer', { department_id: ctx.ids.departments['TECH-L1'] }), 400, 'note', 'transfer without reason');
    assertError(await act(agent, ticket.id, 'transfer', { note: '需要工程师' }), 400, 'department_id', 'transfer without department');
    assertError(await act(agent, ticket.id, 'transfer', { note: 'x', department_id: ctx.ids.departments.DESK }), 400, 'department_id', 'transfer to the same department');
    assertError(await act(agent, ticket.id, 'transfer', { note: 'x', department_id: 999999 }), 400, 'department_id', 'transfer to an unknown department');
    const t = await actOk(agent, ticket.id, 'transfer', { department_id: ctx.ids.departments['TECH-L1'], note: '需要现场检查网络' }, 'new');
    assert.equal(t.department_id, ctx.ids.departments['TECH-L1']);
    assert.equal(t.assignee_id, null);
    assert.equal(t.transfer_count, 1);
    const v = await view(engineer, ticket.id);
    const handover = v.timers.find((m) => m.kind === 'handover' && m.stopped_at == null);
    if (v.sla_policy_id != null && v.timers.some((m) => m.kind === 'handover')) assert.ok(handover, 'a hand-over timer runs');
  });

  test('the engineer of TECH-L1 accepts it', async () => {
    const t = await actOk(engineer, ticket.id, 'accept', {}, 'accepted');
    assert.equal(t.assignee_id, ctx.ids.staff.engineer);
    const v = await view(engineer, ticket.id);
    for (const m of v.timers.filter((x) => x.kind === 'handover')) assert.notEqual(m.stopped_at, null, 'hand-over stopped');
  });

  test('wait: waiting_customer, every open timer paused, listed under sla_state=paused', async () => {
    await actOk(engineer, ticket.id, 'wait', { note: '等待客户提供打印机型号' }, 'waiting_customer');
    const v = await view(engineer, ticket.id);
    const open = v.timers.filter((m) => m.stopped_at == null);
    assert.ok(open.length > 0, 'the resolution timer is still open');
    for (const m of open) {
      assert.equal(m.state, 'paused', `timer ${m.kind}: ${JSON.stringify(m)}`);
      assert.ok(m.pauses.length > 0 && m.pauses.at(-1).to == null, `timer ${m.kind} has an open pause`);
    }
    const paused = await engineer.get(`/api/v1/tickets?sla_state=paused&q=${encodeURIComponent(title)}`);
    assert.equal(paused.status, 200, paused.text);
    assert.deepEqual(paused.body.items.map((t) => t.id), [ticket.id]);
    const ok = await engineer.get(`/api/v1/tickets?sla_state=ok&q=${encodeURIComponent(title)}`);
    assert.deepEqual(ok.body.items.map((t) => t.id), [], 'a paused ticket is not "ok"');
  });

  test('resume: in_progress, timers run again with the pause closed', async () => {
    await actOk(engineer, ticket.id, 'resume', {}, 'in_progress');
    const v = await view(engineer, ticket.id);
    for (const m of v.timers.filter((x) => x.stopped_at == null)) {
      assert.equal(m.state, 'running', `timer ${m.kind}`);
      assert.ok(m.pauses.every((p) => p.to != null), 'every pause ended');
    }
  });

  test('resolve: resolved, resolution timer stopped, a callback appears in the open queue', async () => {
    const t = await actOk(engineer, ticket.id, 'resolve', { note: '已重新安装驱动，打印正常' }, 'resolved');
    assert.notEqual(t.resolved_at, null);
    const v = await view(agent, ticket.id);
    for (const m of v.timers.filter((x) => x.kind === 'resolution')) assert.notEqual(m.stopped_at, null);
    assert.equal(v.callbacks.length, 1);
    assert.equal(v.callbacks[0].done_at, null);
    assert.notEqual(v.callbacks[0].due_at, null);
    assert.deepEqual(v.allowed_actions, ALLOWED.resolved);
    const queue = await agent.get('/api/v1/callbacks?state=open&limit=200');
    assert.equal(queue.status, 200, queue.text);
    const item = queue.body.items.find((c) => c.ticket_id === ticket.id);
    assert.ok(item, 'the callback is in the agent\'s open queue');
    assert.equal(item.ticket_number, ticket.number);
    assert.equal(item.ticket_title, title);
    assert.equal(item.done_at, null);
    assert.equal(typeof item.overdue, 'boolean');
  });

  test('callback: an attempt that did not reach the customer leaves it open; a reached one is recorded', async () => {
    assertError(await act(agent, ticket.id, 'callback', {}), 400, 'reached', 'callback without reached');
    assertError(await act(agent, ticket.id, 'callback', { reached: true }), 400, 'resolved', 'reached callback without resolved');
    assertError(await act(agent, ticket.id, 'callback', { reached: true, resolved: 'maybe' }), 400, 'resolved', 'bad resolved');
    assertError(await act(agent, ticket.id, 'callback', { reached: true, resolved: 'resolved', satisfaction: 'meh' }), 400, 'satisfaction', 'bad satisfaction');
    await actOk(agent, ticket.id, 'callback', { reached: false, note: '电话无人接听' }, 'resolved');
    const t = await actOk(agent, ticket.id, 'callback', { reached: true, resolved: 'resolved', satisfaction: 'satisfied', note: '客户表示满意' }, 'callback_done');
    assert.equal(t.reopen_count, 0);
    const v = await view(agent, ticket.id);
    assert.equal(v.callbacks.length, 1);
    const cb = v.callbacks[0];
    assert.notEqual(cb.done_at, null);
    assert.equal(cb.done_by, ctx.ids.staff.agent);
    assert.equal(cb.reached, true);
    assert.equal(cb.resolved, 'resolved');
    assert.equal(cb.satisfaction, 'satisfied');
    const open = await agent.get('/api/v1/callbacks?state=open&limit=200');
    assert.ok(!open.body.items.some((c) => c.ticket_id === ticket.id), 'no longer open');
    const done = await agent.get('/api/v1/callbacks?state=done&limit=200');
    assert.equal(done.status, 200, done.text);
    const item = done.body.items.find((c) => c.ticket_id === ticket.id);
    assert.ok(item, 'in the done queue');
    assert.equal(item.satisfaction, 'satisfied');
    assert.equal(item.reached, true);
  });

  test('close: closed, then only reopen and comment', async () => {
    const t = await actOk(agent, ticket.id, 'close', {}, 'closed');
    assert.notEqual(t.closed_at, null);
    const v = await view(agent, ticket.id);
    assert.deepEqual(v.allowed_actions, ALLOWED.closed);
  });

  test('the timeline lists every step, in order, with its actor', async () => {
    const v = await view(admin, ticket.id);
    // The ticket's own steps; sla.* events (timers started, paused, stopped) come in between.
    const steps = v.timeline.filter((e) => e.type.startsWith('ticket.')).map((e) => [e.type, e.actor]);
    assert.deepEqual(steps, [
      ['ticket.created', 'agent'],
      ['ticket.respond', 'agent'],
      ['ticket.transfer', 'agent'],
      ['ticket.accept', 'engineer'],
      ['ticket.wait', 'engineer'],
      ['ticket.resume', 'engineer'],
      ['ticket.resolve', 'engineer'],
      ['ticket.callback_attempted', 'agent'],
      ['ticket.callback', 'agent'],
      ['ticket.close', 'agent'],
    ]);
    const seqs = v.timeline.map((e) => e.seq);
    assert.deepEqual(seqs, [...seqs].sort((a, b) => a - b), 'oldest first');
    const transfer = v.timeline.find((e) => e.type === 'ticket.transfer');
    assert.equal(transfer.data.to_department_id, ctx.ids.departments['TECH-L1']);
    assert.equal(transfer.data.note, '需要现场检查网络');
    assert.equal(transfer.data.from, 'accepted');
    assert.equal(transfer.data.to, 'new');
    const types = v.timeline.map((e) => e.type);
    assert.ok(types.includes('sla.timer_paused') || types.some((x) => x.startsWith('sla.') && x.includes('pause')),
      `the wait paused the timers in the timeline: ${types.join(', ')}`);
    // The same events in the audit log.
    const events = await admin.get(`/api/v1/events?entity=ticket&entity_id=${ticket.id}&limit=100`);
    assert.equal(events.status, 200, events.text);
    assert.deepEqual(events.body.items.map((e) => e.seq).reverse(), seqs);
  });

  test('a not-resolved callback reopens; reopen needs a reason', async () => {
    const t0 = await register(agent, { ...customerAndCategory() });
    await actOk(agent, t0.id, 'accept', {}, 'accepted');
    await actOk(agent, t0.id, 'resolve', {}, 'resolved');
    const t1 = await actOk(agent, t0.id, 'callback', { reached: true, resolved: 'not_resolved', satisfaction: 'dissatisfied' }, 'in_progress');
    assert.equal(t1.reopen_count, 1);
    assert.equal(t1.resolved_at, null);
    await actOk(agent, t0.id, 'resolve', {}, 'resolved');
    assertError(await act(agent, t0.id, 'reopen', {}), 400, 'note', 'reopen without reason');
    await actOk(agent, t0.id, 'reopen', { note: '客户来电说问题复现' }, 'in_progress');
  });
});

describe('escalation', () => {
  test('a technical escalation hands the ticket over like a transfer: new in the receiving department', async () => {
    const t0 = await register(agent, { ...customerAndCategory() });
    await actOk(agent, t0.id, 'accept', {}, 'accepted');
    assertError(await act(agent, t0.id, 'escalate', { escalation: 'technical', note: '升级' }), 400, 'department_id', 'technical escalation without department');
    const r = await act(agent, t0.id, 'escalate', { escalation: 'technical', department_id: ctx.ids.departments['TECH-L1'], note: '一线无法解决，升级技术支持' });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.department_id, ctx.ids.departments['TECH-L1']);
    assert.equal(r.body.escalation_level, 1);
    assert.equal(r.body.transfer_count, 1);
    assert.equal(r.body.assignee_id, null, 'nobody in the receiving department owns it yet');
    // Like a transfer (rules.cpp: transfer -> new, "the receiving department accepts it anew"),
    // the ticket must wait for the receiving side: an accepted ticket without an assignee cannot
    // be accepted by anyone.
    assert.equal(r.body.status, 'new', `status after a technical escalation of an accepted ticket (assignee ${r.body.assignee_id})`);
    await actOk(engineer, t0.id, 'accept', {}, 'accepted');
  });

  test('a manager escalation keeps the ticket where it is and tells the department\'s managers', async () => {
    const t0 = await register(agent, { ...customerAndCategory() });
    await actOk(agent, t0.id, 'accept', {}, 'accepted');
    const t1 = await actOk(agent, t0.id, 'escalate', { escalation: 'manager', note: '客户要求经理处理' }, 'accepted');
    assert.equal(t1.escalation_level, 2);
    assert.equal(t1.department_id, ctx.ids.departments.DESK);
    assert.equal(t1.assignee_id, ctx.ids.staff.agent);
    assert.equal(t1.transfer_count, 0);
    const deskManagers = ctx.ids.staffList.filter((s) => s.department_id === ctx.ids.departments.DESK && s.roles.includes('manager'));
    assert.ok(deskManagers.length > 0, 'the demo DESK has a manager');
    // The managers' notifications are only readable by them; the event records the escalation.
    const v = await view(admin, t0.id);
    const ev = v.timeline.find((e) => e.type === 'ticket.escalate');
    assert.equal(ev.data.escalation, 'manager');
  });
});

describe('refused transitions', () => {
  // A ticket in each status, reached through the API.
  const inStatus = {};

  before(async () => {
    const fresh = async () => (await register(agent, { ...customerAndCategory() })).id;
    inStatus.new = await fresh();
    inStatus.accepted = await fresh();
    await actOk(agent, inStatus.accepted, 'accept', {}, 'accepted');
    inStatus.in_progress = await fresh();
    await actOk(agent, inStatus.in_progress, 'accept');
    await actOk(agent, inStatus.in_progress, 'start', {}, 'in_progress');
    inStatus.waiting_customer = await fresh();
    await actOk(agent, inStatus.waiting_customer, 'accept');
    await actOk(agent, inStatus.waiting_customer, 'wait', {}, 'waiting_customer');
    inStatus.resolved = await fresh();
    await actOk(agent, inStatus.resolved, 'accept');
    await actOk(agent, inStatus.resolved, 'resolve', {}, 'resolved');
    inStatus.callback_done = await fresh();
    await actOk(agent, inStatus.callback_done, 'accept');
    await actOk(agent, inStatus.callback_done, 'resolve');
    await actOk(agent, inStatus.callback_done, 'callback', { reached: true, resolved: 'resolved' }, 'callback_done');
    inStatus.closed = await fresh();
    await actOk(agent, inStatus.closed, 'accept');
    await actOk(agent, inStatus.closed, 'resolve');
    await actOk(agent, inStatus.closed, 'callback', { reached: true, resolved: 'partly', satisfaction: 'basically_satisfied' });
    await actOk(agent, inStatus.closed, 'close', {}, 'closed');
    inStatus.cancelled = await fresh();
    assertError(await act(agent, inStatus.cancelled, 'cancel', {}), 400, 'note', 'cancel without reason');
    await actOk(agent, inStatus.cancelled, 'cancel', { note: '客户撤回' }, 'cancelled');
    inStatus.merged = await fresh();
    const t = await actOk(agent, inStatus.merged, 'merge', { merge_into: inStatus.new }, 'merged');
    assert.equal(t.merged_into, inStatus.new);
  });

  // A body that would be accepted by the action if the status allowed it.
  function bodyFor(action) {
    const b = { note: '测试' };
    if (action === 'transfer' || action === 'escalate') b.department_id = ctx.ids.departments['TECH-L2'];
    if (action === 'escalate') b.escalation = 'technical';
    if (action === 'assign') b.assignee_id = ctx.ids.staff.agent;
    if (action === 'merge') b.merge_into = inStatus.new;
    if (action === 'callback') Object.assign(b, { reached: true, resolved: 'resolved', satisfaction: 'satisfied' });
    return b;
  }

  test('GET shows the documented allowed_actions in every status', async () => {
    for (const [status, id] of Object.entries(inStatus)) {
      const v = await view(agent, id);
      assert.equal(v.status, status, `ticket ${id}`);
      assert.deepEqual(v.allowed_actions, ALLOWED[status], `allowed in ${status}`);
    }
  });

  test('every action not allowed in a status is a 409 that lists the allowed ones, and changes nothing', async () => {
    const failures = [];
    let refused = 0;
    for (const [status, id] of Object.entries(inStatus)) {
      const before = await view(agent, id);
      for (const action of ACTIONS.filter((a) => !ALLOWED[status].includes(a))) {
        const r = await act(agent, id, action, bodyFor(action));
        refused++;
        const m = /allowed: (.*)$/.exec(r.body?.error?.message ?? '');
        const listed = m ? m[1].split(', ') : null;
        if (r.status !== 409 || r.body?.error?.code !== 'conflict' || r.body?.error?.field !== 'action'
          || JSON.stringify(listed) !== JSON.stringify(ALLOWED[status])
          || !r.body.error.message.includes(status)) {
          failures.push(`${action} on ${status} ticket ${id}: ${r.status} ${r.text}`);
        }
      }
      const afterView = await view(agent, id);
      assert.equal(afterView.status, before.status, `status of the ${status} ticket unchanged`);
      assert.equal(afterView.updated_at, before.updated_at, `the ${status} ticket was not touched`);
      assert.equal(afterView.timeline.length, before.timeline.length, `no event for the ${status} ticket`);
    }
    assert.ok(refused >= 80, `${refused} refused transitions tried`);
    assert.deepEqual(failures, []);
  });

  test('the examples: close a new ticket, resolve a closed one, act on a cancelled one', async () => {
    const close = await act(agent, inStatus.new, 'close');
    assertError(close, 409, 'action', 'close a new ticket');
    assert.match(close.body.error.message, /cannot close a ticket that is new; allowed: accept, respond, assign, transfer, escalate, cancel, merge, comment/);
    const resolve = await act(agent, inStatus.closed, 'resolve', { note: 'x' });
    assertError(resolve, 409, 'action', 'resolve a closed ticket');
    assert.match(resolve.body.error.message, /allowed: reopen, comment$/);
    for (const action of ACTIONS.filter((a) => a !== 'comment')) {
      const r = await act(agent, inStatus.cancelled, action, bodyFor(action));
      assertError(r, 409, 'action', `${action} on a cancelled ticket`);
      assert.match(r.body.error.message, /allowed: comment$/);
    }
    // Comments are allowed everywhere.
    for (const id of Object.values(inStatus)) await actOk(agent, id, 'comment', { note: '备注', internal: true });
  });

  test('an unknown action is a 404; an unknown ticket is a 404', async () => {
    for (const name of ['fly', 'Close', 'ACCEPT', 'close ', 'resolve2']) {
      const r = await act(agent, inStatus.new, encodeURIComponent(name));
      assertError(r, 404, undefined, `action ${name}`);
    }
    assertError(await act(agent, 999999999, 'accept'), 404, undefined, 'unknown ticket');
    assertError(await agent.get('/api/v1/tickets/999999999'), 404, undefined, 'GET unknown ticket');
    const bad = await agent.get('/api/v1/tickets/abc');
    assert.equal(bad.status, 404, bad.text);
  });

  test('action bodies: unknown fields and wrong types are 400 naming the field', async () => {
    assertError(await act(agent, inStatus.new, 'comment', { note: 'x', colour: 'red' }), 400, 'colour', 'unknown field');
    assertError(await act(agent, inStatus.new, 'comment', { note: 5 }), 400, 'note', 'note as a number');
    assertError(await act(agent, inStatus.new, 'comment', { note: '' }), 400, 'note', 'empty comment');
    assertError(await act(agent, inStatus.new, 'comment', { note: 'x', internal: 'yes' }), 400, 'internal', 'internal as a string');
    assertError(await act(agent, inStatus.new, 'assign', {}), 400, 'assignee_id', 'assign to nobody');
    assertError(await act(agent, inStatus.new, 'assign', { assignee_id: 999999 }), 400, 'assignee_id', 'assign to an unknown person');
    assertError(await act(agent, inStatus.new, 'merge', {}), 400, 'merge_into', 'merge into nothing');
    assertError(await act(agent, inStatus.new, 'merge', { merge_into: inStatus.new }), 400, 'merge_into', 'merge into itself');
    assertError(await act(agent, inStatus.new, 'merge', { merge_into: inStatus.closed }), 400, 'merge_into', 'merge into a closed ticket');
    assertError(await act(agent, inStatus.new, 'escalate', { escalation: 'sideways' }), 400, 'escalation', 'bad escalation');
    assertError(await act(agent, inStatus.new, 'respond', {}), 400, 'note', 'respond without a reply');
    const r = await agent.request('POST', `/api/v1/tickets/${inStatus.new}/actions/comment`, { body: '{not json', contentType: 'application/json' });
    assert.equal(r.status, 400, r.text);
  });
});

describe('registration errors name the field', () => {
  const cases = () => {
    const { customer_id, category_id } = customerAndCategory();
    const base = { type: 'incident', channel: 'phone', title: '无法上网', description: '整栋楼断网', customer_id, category_id };
    const without = (k) => Object.fromEntries(Object.entries(base).filter(([key]) => key !== k));
    return [
      ['incident without category', without('category_id'), 'category_id'],
      ['request without category', { ...without('category_id'), type: 'request' }, 'category_id'],
      ['incident without customer', without('customer_id'), 'customer_id'],
      ['incident without description', without('description'), 'description'],
      ['complaint without the complaint object', { ...base, type: 'complaint' }, 'complaint.category'],
      ['complaint with an unknown category', { ...base, type: 'complaint', complaint: { category: 'rudeness' } }, 'complaint.category'],
      ['complaint with severity 4', { ...base, type: 'complaint', complaint: { category: 'attitude', severity: 4 } }, 'complaint.severity'],
      ['complaint with an unknown field', { ...base, type: 'complaint', complaint: { category: 'attitude', mood: 'bad' } }, 'complaint.mood'],
      ['complaint without a description', { ...without('description'), type: 'complaint', complaint: { category: 'attitude' } }, 'description'],
      ['priority P5', { ...base, priority: 'P5' }, 'priority'],
      ['priority urgent', { ...base, priority: 'urgent' }, 'priority'],
      ['priority as a number', { ...base, priority: 1 }, 'priority'],
      ['unknown type', { ...base, type: 'question' }, 'type'],
      ['no type', without('type'), 'type'],
      ['unknown channel', { ...base, channel: 'fax' }, 'channel'],
      ['no channel', without('channel'), 'channel'],
      ['no title', without('title'), 'title'],
      ['blank title', { ...base, title: '   ' }, 'title'],
      ['title of 201 characters', { ...base, title: 'x'.repeat(201) }, 'title'],
      ['unknown customer', { ...base, customer_id: 999999999 }, 'customer_id'],
      ['unknown category', { ...base, category_id: 999999999 }, 'category_id'],
      ['customer id 0', { ...base, customer_id: 0 }, 'customer_id'],
      ['unknown department', { ...base, department_id: 999999 }, 'department_id'],
      ['unknown assignee', { ...base, assignee_id: 999999 }, 'assignee_id'],
      ['unknown field', { ...base, urgency: 'high' }, 'urgency'],
    ];
  };

  test('each bad registration is a 400 on its field, and nothing is written', async () => {
    const before = await admin.get('/api/v1/tickets?limit=1');
    const failures = [];
    for (const [what, body, field] of cases()) {
      const r = await agent.post('/api/v1/tickets', body);
      if (r.status !== 400 || r.body?.error?.code !== 'invalid' || r.body?.error?.field !== field) {
        failures.push(`${what}: expected 400 on ${field}, got ${r.status} ${r.text}`);
      }
    }
    assert.deepEqual(failures, []);
    const afterList = await admin.get('/api/v1/tickets?limit=1');
    assert.equal(afterList.body.items[0]?.id, before.body.items[0]?.id, 'no ticket was registered');
  });

  test('GET /desk/ticket-form names exactly what a registration of each type must carry', async () => {
    const form = await agent.get('/api/v1/desk/ticket-form');
    assert.equal(form.status, 200, form.text);
    assert.deepEqual(form.body.types.map((t) => t.type), ['consultation', 'request', 'incident', 'complaint', 'suggestion']);
    assert.deepEqual(form.body.limits, { title: 200, description: 20000 });
    const failures = [];
    for (const { type, required } of form.body.types) {
      const { customer_id, category_id } = customerAndCategory();
      const values = {
        title: uniqueName(`表单 ${type}`), customer_id, category_id, description: '说明',
        'complaint.category': { complaint: { category: 'attitude' } },
      };
      const body = { type, channel: 'phone' };
      for (const field of required) {
        if (!(field in values)) failures.push(`${type}: unknown required field ${field}`);
        else if (field === 'complaint.category') Object.assign(body, values[field]);
        else body[field] = values[field];
      }
      for (const field of required) {
        const without = Object.fromEntries(Object.entries(body).filter(([k]) => k !== field.split('.')[0]));
        const r = await agent.post('/api/v1/tickets', without);
        if (r.status !== 400 || r.body?.error?.field !== field) failures.push(`${type} without ${field}: ${r.status} ${r.text}`);
      }
      const r = await agent.post('/api/v1/tickets', body);
      if (r.status !== 201) failures.push(`${type} with only ${required.join(', ')}: ${r.status} ${r.text}`);
    }
    assert.deepEqual(failures, []);
    const long = await agent.post('/api/v1/tickets', { type: 'consultation', channel: 'phone', title: 'x'.repeat(form.body.limits.title + 1) });
    assertError(long, 400, 'title', 'a title over the limit');
  });

  test('consultations and suggestions need neither customer nor category; lower-case p2 is accepted', async () => {
    const c = await register(agent, { type: 'consultation', channel: 'chat', title: '营业时间咨询', description: '' , priority: 'p2' });
    assert.equal(c.priority, 'P2');
    assert.equal(c.customer_id, null);
    assert.deepEqual(c.possible_duplicates, []);
    const s = await register(agent, { type: 'suggestion', channel: 'email', title: '建议增加夜间服务' });
    assert.equal(s.type, 'suggestion');
    assert.equal(s.priority, 'P3', 'default priority');
  });

  test('with an assignee the ticket starts accepted', async () => {
    const t = await register(agent, { ...customerAndCategory(), assignee_id: ctx.ids.staff.agent });
    assert.equal(t.status, 'accepted');
    assert.equal(t.assignee_id, ctx.ids.staff.agent);
    assert.notEqual(t.accepted_at, null);
  });
});

describe('duplicate warning', () => {
  test('a second ticket for the same customer and category lists the first in possible_duplicates', async () => {
    const { customer_id, category_id } = customerAndCategory();
    const first = await register(agent, { customer_id, category_id, title: uniqueName('重复一') });
    const second = await register(agent, { customer_id, category_id, title: uniqueName('重复二') });
    assert.ok(second.possible_duplicates.some((t) => t.id === first.id), JSON.stringify(second.possible_duplicates.map((t) => t.id)));
    assert.ok(!second.possible_duplicates.some((t) => t.id === second.id), 'not itself');
    for (const d of second.possible_duplicates) {
      assert.equal(d.customer_id, customer_id);
      assert.equal(d.category_id, category_id);
      assert.ok(['new', 'accepted', 'in_progress', 'waiting_customer'].includes(d.status), d.status);
    }

    const dups = await agent.get(`/api/v1/tickets/duplicates?customer_id=${customer_id}&category_id=${category_id}`);
    assert.equal(dups.status, 200, dups.text);
    assert.equal(dups.body.next_cursor, null);
    const ids = dups.body.items.map((t) => t.id);
    assert.ok(ids.includes(first.id) && ids.includes(second.id), JSON.stringify(ids));
    assert.ok(ids.length <= 5);

    // A closed (or cancelled) ticket is no longer a duplicate candidate.
    await actOk(agent, first.id, 'cancel', { note: '重复登记' }, 'cancelled');
    const third = await register(agent, { customer_id, category_id });
    assert.ok(!third.possible_duplicates.some((t) => t.id === first.id));
    assert.ok(third.possible_duplicates.some((t) => t.id === second.id));
  });

  test('GET /tickets/duplicates needs a valid customer_id', async () => {
    assertError(await agent.get('/api/v1/tickets/duplicates'), 400, 'customer_id', 'no customer_id');
    assertError(await agent.get('/api/v1/tickets/duplicates?customer_id=abc'), 400, 'customer_id', 'customer_id=abc');
    assertError(await agent.get('/api/v1/tickets/duplicates?customer_id=1&category_id=x'), 400, 'category_id', 'category_id=x');
  });
});

test('the audit chain verifies after the desk traffic', () => {
  const r = runSqm(['--db', ctx.server.dbPath, 'verify-audit']);
  assert.equal(r.code, 0, `${r.stdout}${r.stderr}`);
});
