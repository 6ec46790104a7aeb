// The customer portal: a customer sees and acts on their own tickets only, never internal notes,
// and none of the staff routes. The complaint flow from the portal to the complaint summary.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { actOk, assertError, register, startDeskServer, view } from './lib/desk.mjs';
import { runSqm, uniqueName } from './lib/server.mjs';

let ctx;
let customer;
let agent;
let quality;
let me; // the customer record of the `customer` login

before(async () => {
  ctx = await startDeskServer(['admin', 'agent', 'quality', 'customer']);
  ({ customer, agent, quality } = ctx.users);
  me = ctx.desk.portalCustomer;
});

after(async () => {
  await ctx?.server.stop();
});

function leaf(n = 0) {
  return ctx.desk.leaves[n % ctx.desk.leaves.length].id;
}

describe('portal isolation', () => {
  let request;
  let complaint;
  let foreign; // another customer's ticket

  test('the customer submits a request and a complaint through the portal', async () => {
    const r = await customer.post('/api/v1/portal/tickets', {
      type: 'request', title: uniqueName('申请开通宽带'), description: '新装修的办公室需要宽带', category_id: leaf(0),
    });
    assert.equal(r.status, 201, r.text);
    request = r.body;
    assert.equal(request.channel, 'portal');
    assert.equal(request.customer_id, me.id);
    assert.equal(request.status, 'new');
    assert.equal(request.department_id, null, 'portal tickets land in the intake queue');
    assert.equal(request.assignee_id, null);
    assert.ok(!('possible_duplicates' in request), 'the portal answer carries no other tickets');

    const c = await customer.post('/api/v1/portal/tickets', {
      type: 'complaint', title: uniqueName('投诉客服态度'), description: '电话中客服语气生硬', priority: 'P2',
      complaint: { category: 'attitude', severity: 3 },
    });
    assert.equal(c.status, 201, c.text);
    complaint = c.body;
    assert.equal(complaint.type, 'complaint');
    assert.equal(complaint.priority, 'P2');
    assert.equal(complaint.customer_id, me.id);
  });

  test('portal registrations cannot choose staff-only fields, and follow the type rules', async () => {
    const base = { type: 'request', title: '申请', description: 'x', category_id: leaf(1) };
    const cases = [
      [{ ...base, channel: 'phone' }, 'channel'],
      [{ ...base, customer_id: ctx.desk.otherCustomers[0].id }, 'customer_id'],
      [{ ...base, department_id: ctx.ids.departments.DESK }, 'department_id'],
      [{ ...base, assignee_id: ctx.ids.staff.agent }, 'assignee_id'],
      [{ ...base, type: 'complaint', complaint: { category: 'attitude', responsible_id: ctx.ids.staff.quality } }, 'complaint.responsible_id'],
      [{ ...base, type: 'complaint', complaint: { category: 'attitude', deadline_at: '2030-01-01T00:00:00Z' } }, 'complaint.deadline_at'],
      [{ ...base, type: 'complaint' }, 'complaint.category'],
      [{ ...base, category_id: undefined }, 'category_id'],
      [{ ...base, priority: 'P0' }, 'priority'],
      [{ ...base, title: '' }, 'title'],
    ];
    for (const [body, field] of cases) {
      assertError(await customer.post('/api/v1/portal/tickets', body), 400, field, JSON.stringify(body));
    }
  });

  test('the portal form reads the registration rules the staff form reads', async () => {
    const portal = await customer.get('/api/v1/portal/ticket-form');
    assert.equal(portal.status, 200, portal.text);
    const desk = await agent.get('/api/v1/desk/ticket-form');
    assert.equal(desk.status, 200, desk.text);
    assert.deepEqual(portal.body, desk.body);
    const complaint = portal.body.types.find((t) => t.type === 'complaint');
    assert.ok(complaint.required.includes('complaint.category'), JSON.stringify(complaint));
    assertError(await customer.get('/api/v1/desk/ticket-form'), 403, undefined, 'the staff route');
  });

  test('staff register a ticket for another customer', async () => {
    foreign = await register(agent, { type: 'request', customer_id: ctx.desk.otherCustomers[0].id, category_id: leaf(2) });
  });

  test('the customer lists exactly their own tickets', async () => {
    const r = await customer.get('/api/v1/portal/tickets');
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.next_cursor, null);
    const ids = r.body.items.map((t) => t.id);
    assert.ok(ids.includes(request.id) && ids.includes(complaint.id), JSON.stringify(ids));
    assert.ok(!ids.includes(foreign.id), 'another customer\'s ticket is not listed');
    const others = r.body.items.filter((t) => t.customer_id !== me.id);
    assert.deepEqual(others.map((t) => t.id), [], 'only the caller\'s customer record');
    // The staff view of the same customer agrees.
    const staff = await ctx.users.admin.get(`/api/v1/tickets?customer_id=${me.id}&limit=500`);
    assert.equal(staff.status, 200, staff.text);
    assert.deepEqual(ids.slice().sort((a, b) => a - b), staff.body.items.map((t) => t.id).sort((a, b) => a - b));
  });

  test('another customer\'s ticket is a 404, the same as a missing one', async () => {
    assertError(await customer.get(`/api/v1/portal/tickets/${foreign.id}`), 404, undefined, 'read a foreign ticket');
    assertError(await customer.post(`/api/v1/portal/tickets/${foreign.id}/replies`, { body: '我也来说两句' }), 404, undefined, 'reply on a foreign ticket');
    assertError(await customer.get('/api/v1/portal/tickets/999999999'), 404, undefined, 'read a missing ticket');
    const v = await view(agent, foreign.id);
    assert.equal(v.comments.length, 0, 'the foreign ticket got no comment');
  });

  test('internal notes never reach the portal; public replies do, without the author', async () => {
    await actOk(agent, request.id, 'comment', { note: '内部备注：客户上次欠费', internal: true });
    await actOk(agent, request.id, 'comment', { note: '您好，工程师将于明天上门' });
    const staff = await view(agent, request.id);
    assert.deepEqual(staff.comments.map((c) => c.visibility), ['internal', 'public']);
    assert.ok(staff.comments.every((c) => typeof c.author === 'string' && c.author.length > 0));

    const r = await customer.get(`/api/v1/portal/tickets/${request.id}`);
    assert.equal(r.status, 200, r.text);
    const p = r.body;
    assert.equal(p.id, request.id);
    assert.deepEqual(p.comments.map((c) => c.body), ['您好，工程师将于明天上门']);
    assert.ok(p.comments.every((c) => c.visibility === 'public' && c.author === null));
    assert.ok(!r.text.includes('内部备注'), 'the internal note appears nowhere in the answer');
    for (const key of ['allowed_actions', 'timers', 'callbacks', 'complaint', 'sla_policy_name', 'sla_summary', 'sla_state']) {
      assert.ok(!(key in p), `no ${key} on the portal`);
    }
    const list = await customer.get('/api/v1/portal/tickets');
    assert.ok(list.body.items.every((t) => !('sla_policy_name' in t) && !('sla_summary' in t)), 'no SLA internals in the list');
    assert.ok(p.timeline.length >= 2, 'created and the public reply');
    for (const e of p.timeline) {
      assert.equal(e.actor, '', 'no actors on the portal timeline');
      assert.deepEqual(e.data, {}, 'no event details on the portal timeline');
    }
  });

  test('the portal timeline shows what happened to the ticket, not internal activity', async () => {
    // service.cpp PortalGet: "The customer's timeline: status changes only, without internal
    // details". An internal note must not show up as a `ticket.comment` entry, and SLA
    // bookkeeping (sla.timer_started, sla.breached, ...) is internal too.
    const staff = await view(agent, request.id);
    const publicStaffComments = staff.timeline.filter((e) => e.type === 'ticket.comment' && e.data.internal === false).length;
    const r = await customer.get(`/api/v1/portal/tickets/${request.id}`);
    const types = r.body.timeline.map((e) => e.type);
    const problems = [];
    const sla = types.filter((x) => x.startsWith('sla.'));
    if (sla.length) problems.push(`SLA bookkeeping events on the portal: ${sla.join(', ')}`);
    const comments = types.filter((x) => x === 'ticket.comment').length;
    if (comments !== publicStaffComments) {
      problems.push(`${comments} ticket.comment entries on the portal for ${publicStaffComments} public comment(s): the internal note shows`);
    }
    assert.deepEqual(problems, [], `portal timeline: ${types.join(', ')}`);
  });

  test('the customer cannot use staff routes', async () => {
    const forbidden = [
      ['GET', '/api/v1/tickets'],
      ['GET', `/api/v1/tickets/${request.id}`],
      ['POST', '/api/v1/tickets'],
      ['POST', `/api/v1/tickets/${request.id}/actions/comment`],
      ['PATCH', `/api/v1/tickets/${complaint.id}/complaint`],
      ['GET', '/api/v1/customers'],
      ['GET', `/api/v1/customers/${me.id}`],
      ['GET', `/api/v1/tickets/duplicates?customer_id=${me.id}`],
      ['GET', '/api/v1/callbacks'],
      ['GET', '/api/v1/desk/dashboard'],
      ['GET', '/api/v1/complaints/summary'],
      ['GET', '/api/v1/ticket-views'],
      ['GET', '/api/v1/staff'],
    ];
    for (const [method, path] of forbidden) {
      const r = await customer.request(method, path, method === 'GET' ? {} : { json: { note: 'x' } });
      assertError(r, 403, undefined, `customer ${method} ${path}`);
    }
    // What a customer may use besides the portal: the catalogue and their notifications.
    assert.equal((await customer.get('/api/v1/categories')).status, 200);
    assert.equal((await customer.get('/api/v1/notifications')).status, 200);
  });

  test('staff cannot use the portal routes', async () => {
    assertError(await agent.get('/api/v1/portal/tickets'), 403, undefined, 'agent GET /portal/tickets');
    assertError(await agent.post('/api/v1/portal/tickets', { type: 'consultation', title: 'x' }), 403, undefined, 'agent POST /portal/tickets');
  });

  test('a reply while the ticket waits for the customer resumes it', async () => {
    await actOk(agent, request.id, 'accept', {}, 'accepted');
    await actOk(agent, request.id, 'wait', { note: '请提供地址' }, 'waiting_customer');
    const waiting = await view(agent, request.id);
    const open = waiting.timers.filter((m) => m.stopped_at == null);
    for (const m of open) assert.equal(m.state, 'paused', `${m.kind} paused while waiting`);

    const before = await agent.get('/api/v1/notifications?unread=true');
    const r = await customer.post(`/api/v1/portal/tickets/${request.id}/replies`, { body: '地址是科技园 3 号楼 502' });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.status, 'in_progress');

    const v = await view(agent, request.id);
    assert.equal(v.status, 'in_progress');
    for (const m of v.timers.filter((x) => x.stopped_at == null)) assert.equal(m.state, 'running', `${m.kind} runs again`);
    assert.equal(v.comments.at(-1).body, '地址是科技园 3 号楼 502');
    assert.equal(v.comments.at(-1).visibility, 'public');
    const replied = v.timeline.filter((e) => e.type === 'ticket.customer_replied').at(-1);
    assert.equal(replied.type, 'ticket.customer_replied');
    assert.equal(replied.actor, 'customer');
    assert.deepEqual([replied.data.from, replied.data.to], ['waiting_customer', 'in_progress']);

    const notes = await agent.get('/api/v1/notifications?unread=true');
    assert.ok(notes.body.unread_count >= before.body.unread_count + 1, 'the assignee is told');
    assert.ok(notes.body.items.some((n) => n.kind === 'customer_replied' && n.ticket_id === request.id));

    // A reply on an open ticket that is not waiting keeps its status.
    const again = await customer.post(`/api/v1/portal/tickets/${request.id}/replies`, { body: '补充：下午在' });
    assert.equal(again.status, 200, again.text);
    assert.equal(again.body.status, 'in_progress');
  });

  test('replies: bad bodies are 400, a finished ticket is 409', async () => {
    assertError(await customer.post(`/api/v1/portal/tickets/${request.id}/replies`, {}), 400, 'body', 'no body');
    assertError(await customer.post(`/api/v1/portal/tickets/${request.id}/replies`, { body: '  ' }), 400, 'body', 'blank body');
    assertError(await customer.post(`/api/v1/portal/tickets/${request.id}/replies`, { body: 'x', internal: true }), 400, 'internal', 'internal flag');
    await actOk(agent, request.id, 'resolve', { note: '已开通' }, 'resolved');
    assertError(await customer.post(`/api/v1/portal/tickets/${request.id}/replies`, { body: '还是不行' }), 409, undefined, 'reply on a resolved ticket');
  });
});

describe('complaint flow', () => {
  let before0;
  let complaint;

  test('the quality department sees the summary before', async () => {
    const r = await quality.get('/api/v1/complaints/summary');
    assert.equal(r.status, 200, r.text);
    before0 = r.body;
    for (const key of ['from', 'to', 'total', 'open', 'overdue', 'substantiated', 'by_category', 'by_department', 'repeat_complainants', 'weekly']) {
      assert.ok(key in before0, `summary has ${key}`);
    }
    assert.ok(before0.weekly.length >= 12 && before0.weekly.length <= 13, `about 12 weeks by default (${before0.weekly.length})`);
    assert.equal(before0.weekly.reduce((s, w) => s + w.count, 0), before0.total, 'the weeks add up to the total');
    assert.equal(before0.by_category.reduce((s, c) => s + c.count, 0), before0.total, 'the categories add up to the total');
  });

  test('a portal complaint is handled by quality: findings, substantiated, remedy', async () => {
    const r = await customer.post('/api/v1/portal/tickets', {
      type: 'complaint', title: uniqueName('投诉维修超时'), description: '报修三天无人处理', complaint: { category: 'efficiency' },
    });
    assert.equal(r.status, 201, r.text);
    complaint = r.body;
    const v0 = await view(quality, complaint.id);
    assert.equal(v0.complaint.category, 'efficiency');
    assert.equal(v0.complaint.severity, 2, 'default severity');
    assert.equal(v0.complaint.substantiated, null);
    assert.equal(v0.complaint.responsible_id, null);

    const patch = await quality.patch(`/api/v1/tickets/${complaint.id}/complaint`, {
      findings: '派单系统故障导致工单未分派', substantiated: true, remedy: '减免一个月服务费并致歉',
      about_department_id: ctx.ids.departments['TECH-L1'], responsible_id: ctx.ids.staff.manager,
      communicated_at: '2026-01-05T10:00:00+08:00', communicated_how: '电话',
    });
    assert.equal(patch.status, 200, patch.text);
    assert.equal(patch.body.findings, '派单系统故障导致工单未分派');
    assert.equal(patch.body.substantiated, true);
    assert.equal(patch.body.remedy, '减免一个月服务费并致歉');
    assert.equal(patch.body.about_department_id, ctx.ids.departments['TECH-L1']);
    assert.equal(patch.body.communicated_at, '2026-01-05T02:00:00.000Z');
    assert.equal(patch.body.category, 'efficiency', 'absent fields stay');

    const v = await view(quality, complaint.id);
    assert.deepEqual(v.complaint, patch.body);
    const ev = v.timeline.filter((e) => e.type === 'ticket.complaint_updated').at(-1);
    assert.ok(ev, 'the change is in the timeline');
    assert.equal(ev.actor, 'quality');
    assert.equal(ev.data.substantiated, true);

    // null clears a nullable field; an empty patch changes nothing.
    const cleared = await quality.patch(`/api/v1/tickets/${complaint.id}/complaint`, { responsible_id: null });
    assert.equal(cleared.status, 200, cleared.text);
    assert.equal(cleared.body.responsible_id, null);
    const same = await quality.patch(`/api/v1/tickets/${complaint.id}/complaint`, {});
    assert.equal(same.status, 200, same.text);
    assert.deepEqual(same.body, cleared.body);
  });

  test('complaint patches: bad input names the field', async () => {
    const url = `/api/v1/tickets/${complaint.id}/complaint`;
    assertError(await quality.patch(url, { severity: 5 }), 400, 'severity', 'severity 5');
    assertError(await quality.patch(url, { category: 'noise' }), 400, 'category', 'unknown category');
    assertError(await quality.patch(url, { substantiated: 'yes' }), 400, 'substantiated', 'substantiated as a string');
    assertError(await quality.patch(url, { deadline_at: 'tomorrow' }), 400, 'deadline_at', 'bad deadline');
    assertError(await quality.patch(url, { about_staff_id: 999999 }), 400, 'about_staff_id', 'unknown staff');
    assertError(await quality.patch(url, { verdict: 'guilty' }), 400, 'verdict', 'unknown field');
    const notComplaint = await register(agent, { type: 'consultation', title: '咨询' });
    assertError(await quality.patch(`/api/v1/tickets/${notComplaint.id}/complaint`, { findings: 'x' }), 400, 'ticket', 'not a complaint');
    assertError(await quality.patch('/api/v1/tickets/999999999/complaint', { findings: 'x' }), 404, undefined, 'unknown ticket');
  });

  test('the summary counts it: total, open, substantiated and by_category', async () => {
    const r = await quality.get('/api/v1/complaints/summary');
    assert.equal(r.status, 200, r.text);
    const s = r.body;
    // This file registered two complaints through the portal (attitude, efficiency).
    assert.equal(s.total, before0.total + 1, 'one more complaint than before this describe');
    assert.equal(s.substantiated, before0.substantiated + 1);
    const count = (summary, cat) => summary.by_category.find((c) => c.category === cat)?.count ?? 0;
    assert.equal(count(s, 'efficiency'), count(before0, 'efficiency') + 1);
    assert.equal(count(s, 'attitude'), count(before0, 'attitude'));
    const dep = s.by_department.find((d) => d.department_id === ctx.ids.departments['TECH-L1']);
    assert.ok(dep && dep.count >= 1, 'by the department complained about');
    if (s.repeat_complainants.length < 20) {
      assert.ok(s.repeat_complainants.some((c) => c.customer_id === me.id && c.count >= 2), 'the customer complained twice');
    }
    assert.ok(s.open >= before0.open + 1);
  });

  test('summary parameters: from/to are checked', async () => {
    assertError(await quality.get('/api/v1/complaints/summary?from=yesterday'), 400, 'from', 'bad from');
    assertError(await quality.get('/api/v1/complaints/summary?from=2026-02-01&to=2026-01-01'), 400, 'to', 'to before from');
    const empty = await quality.get('/api/v1/complaints/summary?from=2001-01-01&to=2001-02-01');
    assert.equal(empty.status, 200, empty.text);
    assert.equal(empty.body.total, 0);
    assert.deepEqual(empty.body.by_category, []);
  });
});

test('the audit chain verifies', () => {
  const r = runSqm(['--db', ctx.server.dbPath, 'verify-audit']);
  assert.equal(r.code, 0, `${r.stdout}${r.stderr}`);
});
