// Who sees and may change which tickets: department scoping for engineer (TECH-L1), manager (TECH
// subtree) and evaluator (scope DESK), read-only evaluators, desk reports for managers and up only.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { act, actOk, assertError, register, startDeskServer, view } from './lib/desk.mjs';
import { listAll, uniqueName } from './lib/server.mjs';

let ctx;
let u; // signed-in clients by username
let deskOnly; // registered by agent in DESK, never transferred
let techL2; // registered by admin straight into TECH-L2
let complaint; // a complaint in DESK

const q = (t) => encodeURIComponent(t.title);

before(async () => {
  ctx = await startDeskServer();
  u = ctx.users;
  const cust = ctx.desk.otherCustomers[1];
  deskOnly = await register(u.agent, { customer_id: cust.id, category_id: ctx.desk.leaves[0].id, title: uniqueName('desk-only') });
  techL2 = await register(u.admin, {
    customer_id: cust.id, category_id: ctx.desk.leaves[1].id, title: uniqueName('tech-l2'), department_id: ctx.ids.departments['TECH-L2'],
  });
  complaint = await register(u.agent, {
    type: 'complaint', customer_id: cust.id, title: uniqueName('complaint'), description: '态度差', complaint: { category: 'attitude' },
  });
  assert.equal(deskOnly.department_id, ctx.ids.departments.DESK);
  assert.equal(techL2.department_id, ctx.ids.departments['TECH-L2']);
});

after(async () => {
  await ctx?.server.stop();
});

async function listed(client, t) {
  const r = await client.get(`/api/v1/tickets?q=${q(t)}`);
  assert.equal(r.status, 200, `${client.user.username} list: ${r.text}`);
  return r.body.items.some((x) => x.id === t.id);
}

describe('engineer of TECH-L1', () => {
  test('cannot read, list or act on a DESK ticket not assigned to them', async () => {
    assertError(await u.engineer.get(`/api/v1/tickets/${deskOnly.id}`), 403, undefined, 'engineer GET DESK ticket');
    assert.equal(await listed(u.engineer, deskOnly), false, 'absent from the engineer\'s list');
    assertError(await act(u.engineer, deskOnly.id, 'comment', { note: '看一下' }), 403, undefined, 'engineer comments on a DESK ticket');
    assertError(await act(u.engineer, deskOnly.id, 'accept'), 403, undefined, 'engineer accepts a DESK ticket');
    assertError(await u.engineer.get(`/api/v1/tickets/${techL2.id}`), 403, undefined, 'engineer GET TECH-L2 ticket');
  });

  test('sees it once it is assigned to them, and after a transfer to TECH-L1', async () => {
    const assigned = await register(u.agent, { customer_id: ctx.desk.otherCustomers[2].id, category_id: ctx.desk.leaves[2 % ctx.desk.leaves.length].id, assignee_id: ctx.ids.staff.engineer });
    assert.equal(assigned.department_id, ctx.ids.departments.DESK);
    assert.equal((await u.engineer.get(`/api/v1/tickets/${assigned.id}`)).status, 200);
    assert.equal(await listed(u.engineer, assigned), true);
    const mine = await u.engineer.get('/api/v1/tickets?assignee_id=me');
    assert.ok(mine.body.items.some((t) => t.id === assigned.id), 'assignee_id=me');
    assert.ok(mine.body.items.every((t) => t.assignee_id === ctx.ids.staff.engineer));

    const moved = await register(u.agent, { customer_id: ctx.desk.otherCustomers[2].id, category_id: ctx.desk.leaves[0].id, title: uniqueName('moved') });
    assertError(await u.engineer.get(`/api/v1/tickets/${moved.id}`), 403, undefined, 'before the transfer');
    await actOk(u.agent, moved.id, 'transfer', { department_id: ctx.ids.departments['TECH-L1'], note: '转一线' }, 'new');
    assert.equal((await u.engineer.get(`/api/v1/tickets/${moved.id}`)).status, 200);
    assert.equal(await listed(u.engineer, moved), true);
    // The agent still follows it: it left their department.
    assert.equal((await u.agent.get(`/api/v1/tickets/${moved.id}`)).status, 200);
  });

  test('the list and single reads agree, and cover every TECH-L1 ticket', async () => {
    const all = await listAll(u.admin, '/api/v1/tickets');
    const seen = await listAll(u.engineer, '/api/v1/tickets');
    const seenIds = new Set(seen.map((t) => t.id));
    const missing = all.filter((t) => t.department_id === ctx.ids.departments['TECH-L1'] && !seenIds.has(t.id));
    assert.deepEqual(missing.map((t) => t.number), [], 'TECH-L1 tickets missing from the engineer\'s list');
    assert.ok(!seenIds.has(deskOnly.id));
    const sample = seen.filter((t) => t.department_id !== ctx.ids.departments['TECH-L1']).slice(0, 20);
    for (const t of sample) {
      const r = await u.engineer.get(`/api/v1/tickets/${t.id}`);
      assert.equal(r.status, 200, `listed ticket ${t.number} (department ${t.department_name}) must be readable: ${r.text}`);
    }
  });
});

describe('manager of TECH', () => {
  test('sees TECH subtree tickets, not DESK ones', async () => {
    assert.equal((await u.manager.get(`/api/v1/tickets/${techL2.id}`)).status, 200);
    assert.equal(await listed(u.manager, techL2), true);
    assertError(await u.manager.get(`/api/v1/tickets/${deskOnly.id}`), 403, undefined, 'manager GET DESK ticket');
    assert.equal(await listed(u.manager, deskOnly), false);
    // Filters never widen the scope.
    const r = await u.manager.get(`/api/v1/tickets?department_id=${ctx.ids.departments.DESK}&limit=500`);
    assert.equal(r.status, 200, r.text);
    assert.ok(!r.body.items.some((t) => t.id === deskOnly.id));
  });

  test('every ticket of the TECH subtree is in the manager\'s list', async () => {
    const tech = new Set(['TECH', 'TECH-L1', 'TECH-L2'].map((c) => ctx.ids.departments[c]));
    const all = await listAll(u.admin, '/api/v1/tickets');
    const seenIds = new Set((await listAll(u.manager, '/api/v1/tickets')).map((t) => t.id));
    const missing = all.filter((t) => tech.has(t.department_id) && !seenIds.has(t.id));
    assert.deepEqual(missing.map((t) => t.number), []);
    const desk = all.filter((t) => t.department_id === ctx.ids.departments.DESK && seenIds.has(t.id));
    for (const t of desk.slice(0, 20)) {
      // Only DESK tickets that came from TECH (or involve the manager) may be listed: they must be readable.
      const one = await u.manager.get(`/api/v1/tickets/${t.id}`);
      assert.equal(one.status, 200, `${t.number}: ${one.text}`);
    }
  });

  test('may use the desk reports', async () => {
    assert.equal((await u.manager.get('/api/v1/desk/dashboard')).status, 200);
    assert.equal((await u.manager.get('/api/v1/complaints/summary')).status, 200);
  });
});

describe('evaluator (scope DESK)', () => {
  test('reads DESK tickets but nothing outside the scope', async () => {
    const v = await view(u.evaluator, deskOnly.id);
    assert.equal(v.id, deskOnly.id);
    assert.equal(await listed(u.evaluator, deskOnly), true);
    assertError(await u.evaluator.get(`/api/v1/tickets/${techL2.id}`), 403, undefined, 'evaluator GET TECH-L2 ticket');
    assert.equal(await listed(u.evaluator, techL2), false);
  });

  test('cannot write: 403 on every desk write', async () => {
    const writes = [
      ['POST', '/api/v1/tickets', { type: 'consultation', channel: 'phone', title: '评估' }],
      ['POST', `/api/v1/tickets/${deskOnly.id}/actions/comment`, { note: '评估意见' }],
      ['POST', `/api/v1/tickets/${deskOnly.id}/actions/accept`, {}],
      ['PATCH', `/api/v1/tickets/${complaint.id}/complaint`, { findings: 'x' }],
      ['POST', '/api/v1/customers', { name: '评估客户' }],
      ['POST', '/api/v1/categories', { name: '评估分类' }],
    ];
    for (const [method, path, json] of writes) {
      assertError(await u.evaluator.request(method, path, { json }), 403, undefined, `evaluator ${method} ${path}`);
    }
    const v = await view(u.admin, deskOnly.id);
    assert.equal(v.comments.length, 0, 'nothing was written');
    assert.equal(v.status, 'new');
  });
});

describe('permissions of the desk routes', () => {
  test('desk.report routes: forbidden to agent, engineer, evaluator and customer; open to manager and up', async () => {
    for (const path of ['/api/v1/desk/dashboard', '/api/v1/complaints/summary']) {
      for (const who of ['agent', 'engineer', 'evaluator', 'customer']) {
        assertError(await u[who].get(path), 403, undefined, `${who} GET ${path}`);
      }
      for (const who of ['admin', 'quality', 'executive', 'manager']) {
        const r = await u[who].get(path);
        assert.equal(r.status, 200, `${who} GET ${path}: ${r.text}`);
      }
    }
  });

  test('customers: agents and managers create them, engineers cannot', async () => {
    const r = await u.agent.post('/api/v1/customers', { name: uniqueName('新客户'), phone: '13800001111', tier: 'gold' });
    assert.equal(r.status, 201, r.text);
    assert.equal(r.body.kind, 'person');
    assert.equal(r.body.tier, 'gold');
    assert.equal(r.body.account_id, null);
    const found = await u.engineer.get(`/api/v1/customers?q=${encodeURIComponent(r.body.name)}`);
    assert.equal(found.status, 200, 'engineers may look customers up');
    assert.deepEqual(found.body.items.map((c) => c.id), [r.body.id]);
    assertError(await u.engineer.post('/api/v1/customers', { name: 'x' }), 403, undefined, 'engineer creates a customer');
    assert.equal((await u.manager.post('/api/v1/customers', { name: uniqueName('经理客户') })).status, 201);
  });

  test('customers: bad input names the field; a portal account belongs to one customer', async () => {
    assertError(await u.agent.post('/api/v1/customers', {}), 400, 'name', 'no name');
    assertError(await u.agent.post('/api/v1/customers', { name: 'x', kind: 'robot' }), 400, 'kind', 'bad kind');
    assertError(await u.agent.post('/api/v1/customers', { name: 'x', organisation_id: ctx.desk.otherCustomers[0].id }), 400, 'organisation_id', 'a person as organisation');
    assertError(await u.agent.post('/api/v1/customers', { name: 'x', account_id: ctx.ids.staff.engineer }), 400, 'account_id', 'a staff account');
    assertError(await u.agent.post('/api/v1/customers', { name: 'x', account_id: ctx.ids.staff.customer }), 409, 'account_id', 'an account already linked');
    assertError(await u.agent.post('/api/v1/customers', { name: 'x', vip: true }), 400, 'vip', 'unknown field');
    const org = await u.agent.post('/api/v1/customers', { name: uniqueName('示例公司'), kind: 'organisation', tier: 'vip' });
    assert.equal(org.status, 201, org.text);
    const person = await u.agent.post('/api/v1/customers', { name: uniqueName('员工'), organisation_id: org.body.id });
    assert.equal(person.status, 201, person.text);
    assert.equal(person.body.organisation_name, org.body.name);
  });

  test('categories: sla.manage adds them, everyone signed in reads them', async () => {
    assertError(await u.agent.post('/api/v1/categories', { name: 'x' }), 403, undefined, 'agent adds a category');
    assertError(await u.manager.post('/api/v1/categories', { name: 'x' }), 403, undefined, 'manager adds a category');
    const root = await u.quality.post('/api/v1/categories', { name: uniqueName('新业务') });
    assert.equal(root.status, 201, root.text);
    assert.equal(root.body.parent_id, null);
    assert.equal(root.body.active, true);
    const child = await u.quality.post('/api/v1/categories', { name: uniqueName('子类'), parent_id: root.body.id });
    assert.equal(child.status, 201, child.text);
    assert.equal(child.body.parent_id, root.body.id);
    assertError(await u.quality.post('/api/v1/categories', { name: 'x', parent_id: 999999 }), 400, 'parent_id', 'unknown parent');
    assertError(await u.quality.post('/api/v1/categories', { name: '' }), 400, 'name', 'empty name');
    for (const who of ['customer', 'evaluator', 'engineer']) {
      const r = await u[who].get('/api/v1/categories');
      assert.equal(r.status, 200, `${who}: ${r.text}`);
      assert.ok(r.body.items.some((c) => c.id === child.body.id));
    }
    // The new leaf can be used at once.
    const t = await register(u.agent, { customer_id: ctx.desk.otherCustomers[0].id, category_id: child.body.id });
    assert.equal(t.category_name, child.body.name);
  });

  test('duplicate look-ups stay inside the caller\'s scope', async () => {
    // deskOnly and techL2 belong to the same customer; the engineer may read neither.
    const r = await u.engineer.get(`/api/v1/tickets/duplicates?customer_id=${ctx.desk.otherCustomers[1].id}`);
    assert.equal(r.status, 200, r.text);
    const leaked = [];
    for (const t of r.body.items) {
      const one = await u.engineer.get(`/api/v1/tickets/${t.id}`);
      if (one.status !== 200) leaked.push(`${t.number} (${t.department_name}) -> GET ${one.status}`);
    }
    assert.deepEqual(leaked, [], 'GET /tickets/duplicates lists tickets the caller may not read');
  });
});

// Issue 14: complaints about a department or a person in a manager's subtree are his to see and
// answer, wherever the ticket is handled; the evaluator reads those about its scope, never writes.
describe('complaints about a department or person, wherever handled', () => {
  let aboutL1; // handled in DESK, about TECH-L1
  let aboutEngineer; // handled in DESK, about the engineer (TECH-L1), no department named
  let aboutDesk; // handled in TECH-L2, about DESK
  let aboutTech; // handled in TECH, about TECH
  const complaintOf = (client, about, extra = {}) => register(client, {
    type: 'complaint', customer_id: ctx.desk.otherCustomers[0].id, title: uniqueName('投诉'), description: '处理太慢',
    complaint: { category: 'efficiency', ...about }, ...extra,
  });

  before(async () => {
    aboutL1 = await complaintOf(u.agent, { about_department_id: ctx.ids.departments['TECH-L1'] });
    aboutEngineer = await complaintOf(u.agent, { about_staff_id: ctx.ids.staff.engineer });
    aboutDesk = await complaintOf(u.admin, { about_department_id: ctx.ids.departments.DESK }, { department_id: ctx.ids.departments['TECH-L2'] });
    aboutTech = await complaintOf(u.admin, { about_department_id: ctx.ids.departments.TECH }, { department_id: ctx.ids.departments.TECH });
    assert.equal(aboutL1.department_id, ctx.ids.departments.DESK);
    assert.equal(aboutEngineer.department_id, ctx.ids.departments.DESK);
  });

  test('the manager of TECH reads, lists and answers complaints about TECH-L1 and its people handled in DESK', async () => {
    for (const t of [aboutL1, aboutEngineer]) {
      assert.equal((await view(u.manager, t.id)).id, t.id);
      const list = await u.manager.get(`/api/v1/tickets?type=complaint&q=${q(t)}`);
      assert.equal(list.status, 200, list.text);
      assert.deepEqual(list.body.items.map((x) => x.id), [t.id], `${t.number} in the manager's complaint list`);
      await actOk(u.manager, t.id, 'comment', { note: '已安排组长跟进' });
      const patched = await u.manager.patch(`/api/v1/tickets/${t.id}/complaint`, { findings: '核实中' });
      assert.equal(patched.status, 200, patched.text);
    }
    // Complaints about DESK handled in DESK stay outside: forbidden to read, to list and to answer.
    assertError(await u.manager.get(`/api/v1/tickets/${complaint.id}`), 403, undefined, 'manager GET a DESK complaint');
    assertError(await act(u.manager, complaint.id, 'comment', { note: 'x' }), 403, undefined, 'manager comments on a DESK complaint');
    assert.equal(await listed(u.manager, complaint), false);
  });

  test('the complaint summary of the manager counts the complaints about his subtree', async () => {
    const r = await u.manager.get('/api/v1/complaints/summary');
    assert.equal(r.status, 200, r.text);
    const l1 = r.body.by_department.find((d) => d.department_id === ctx.ids.departments['TECH-L1']);
    assert.ok(l1 && l1.count >= 1, `TECH-L1 in the manager's summary: ${JSON.stringify(r.body.by_department)}`);
    const all = await listAll(u.manager, '/api/v1/tickets?type=complaint');
    // About his subtree (handled in DESK or TECH), or handled in his subtree (about DESK).
    for (const t of [aboutL1, aboutEngineer, aboutTech, aboutDesk]) assert.ok(all.some((x) => x.id === t.id), `${t.number} listed`);
    assert.ok(r.body.total >= 3, `total ${r.body.total}`);
  });

  test('engineers of TECH-L1 do not see complaints about their team handled elsewhere', async () => {
    assertError(await u.engineer.get(`/api/v1/tickets/${aboutL1.id}`), 403, undefined, 'engineer GET a complaint about TECH-L1');
    assert.equal(await listed(u.engineer, aboutL1), false);
  });

  test('the evaluator (DESK) reads complaints about DESK handled anywhere, and what DESK handled or passed on, nothing else', async () => {
    assert.equal((await view(u.evaluator, aboutDesk.id)).id, aboutDesk.id);
    assert.equal(await listed(u.evaluator, aboutDesk), true);
    // A DESK ticket transferred to TECH-L2 stays readable: DESK's own handling is what is evaluated.
    const passed = await register(u.agent, { customer_id: ctx.desk.otherCustomers[0].id, category_id: ctx.desk.leaves[0].id, title: uniqueName('passed-on') });
    await actOk(u.agent, passed.id, 'transfer', { department_id: ctx.ids.departments['TECH-L2'], note: '需要二线' });
    assert.equal((await view(u.evaluator, passed.id)).department_id, ctx.ids.departments['TECH-L2']);
    // Forbidden: a complaint about TECH handled in TECH; a ticket that never touched DESK.
    assertError(await u.evaluator.get(`/api/v1/tickets/${aboutTech.id}`), 403, undefined, 'evaluator GET a TECH complaint');
    assert.equal(await listed(u.evaluator, aboutTech), false);
    assertError(await u.evaluator.get(`/api/v1/tickets/${techL2.id}`), 403, undefined, 'evaluator GET a TECH-L2 ticket');
    // Read-only: no answer, no findings.
    assertError(await act(u.evaluator, aboutDesk.id, 'comment', { note: 'x' }), 403, undefined, 'evaluator comments');
    assertError(await u.evaluator.patch(`/api/v1/tickets/${aboutDesk.id}/complaint`, { findings: 'x' }), 403, undefined, 'evaluator PATCH complaint');
  });
});

// Issue 9: customers' contact details are need-to-know (docs/security.md, "Customer contact details").
describe('customer contact details per role', () => {
  let cust; // a customer with a known phone and e-mail
  const phone = '13912340077';
  before(async () => {
    const r = await u.agent.post('/api/v1/customers', { name: uniqueName('联系客户'), phone, email: 'lianxi@example.com' });
    assert.equal(r.status, 201, r.text);
    cust = r.body;
    assert.equal(cust.phone, phone);
    assert.equal(cust.contact_masked, false);
  });

  const byName = async (who) => {
    const r = await u[who].get(`/api/v1/customers?q=${encodeURIComponent(cust.name)}`);
    assert.equal(r.status, 200, `${who}: ${r.text}`);
    assert.deepEqual(r.body.items.map((c) => c.id), [cust.id], `${who} finds the customer by name`);
    return r.body.items[0];
  };

  test('admin, manager and agent (customer.write) see phone and e-mail and search by phone', async () => {
    for (const who of ['admin', 'manager', 'agent']) {
      const c = await byName(who);
      assert.equal(c.phone, phone, who);
      assert.equal(c.email, 'lianxi@example.com', who);
      const r = await u[who].get('/api/v1/customers?q=12340077');
      assert.ok(r.body.items.some((x) => x.id === cust.id), `${who} searches by phone`);
    }
  });

  test('evaluator, executive, engineer and quality: masked in lists, no search by phone or e-mail', async () => {
    for (const who of ['evaluator', 'executive', 'engineer', 'quality']) {
      const c = await byName(who);
      assert.equal(c.phone, '139****0077', who);
      assert.equal(c.email, 'l***@example.com', who);
      assert.equal(c.contact_masked, true, who);
      for (const fragment of ['12340077', 'lianxi']) {
        const r = await u[who].get(`/api/v1/customers?q=${fragment}`);
        assert.equal(r.status, 200, r.text);
        assert.ok(!r.body.items.some((x) => x.id === cust.id), `${who} must not find a customer by "${fragment}"`);
      }
      // No listing reveals a full phone number.
      const all = await u[who].get('/api/v1/customers?limit=200');
      assert.ok(all.body.items.every((x) => x.contact_masked && !/\d{7}/.test(x.phone)), `${who} lists contact details`);
    }
    // Nor does the ticket search answer by phone for a read-only role.
    const t = await register(u.agent, { customer_id: cust.id, category_id: ctx.desk.leaves[0].id });
    const r = await u.evaluator.get('/api/v1/tickets?q=12340077');
    assert.ok(!r.body.items.some((x) => x.id === t.id), 'evaluator finds a ticket by phone fragment');
    const a = await u.agent.get('/api/v1/tickets?q=12340077');
    assert.ok(a.body.items.some((x) => x.id === t.id), 'the agent does');
  });

  test('an engineer sees the contact details of a customer whose ticket he handles, only then', async () => {
    const before_ = await u.engineer.get(`/api/v1/customers/${cust.id}`);
    assert.equal(before_.status, 200, before_.text);
    assert.equal(before_.body.contact_masked, true, 'no ticket of this customer is the engineer\'s yet');
    const t = await register(u.agent, { customer_id: cust.id, category_id: ctx.desk.leaves[0].id, assignee_id: ctx.ids.staff.engineer });
    assert.equal(t.assignee_id, ctx.ids.staff.engineer);
    const after_ = await u.engineer.get(`/api/v1/customers/${cust.id}`);
    assert.equal(after_.body.phone, phone);
    assert.equal(after_.body.contact_masked, false);
    // The evaluator never does, even for a customer of a DESK ticket it may read.
    const ev = await u.evaluator.get(`/api/v1/customers/${cust.id}`);
    assert.equal(ev.body.phone, '139****0077');
  });
});

// Issue 9: every report period is bounded (the complaint summary has a row per week).
describe('report periods are bounded', () => {
  test('the complaint summary refuses more than 731 days, naming the field, in both languages', async () => {
    const r = await u.manager.get('/api/v1/complaints/summary?from=0001-01-01T00:00:00Z&to=9999-12-31T00:00:00Z');
    assertError(r, 400, 'from', 'a 10,000-year summary');
    assert.equal(r.body.error.key, 'report.range_too_long');
    assertError(await u.manager.get('/api/v1/complaints/summary?from=2024-01-01T00:00:00Z&to=2026-01-03T00:00:00Z'), 400, 'from', '733 days');
    assertError(await u.manager.get('/api/v1/complaints/summary?from=2020-01-01T00:00:00Z'), 400, 'from', 'from far back to now');
    const two = await u.manager.get('/api/v1/complaints/summary?from=2024-01-01T00:00:00Z&to=2025-12-31T00:00:00Z');
    assert.equal(two.status, 200, two.text);
    assert.ok(two.body.weekly.length <= 106, `${two.body.weekly.length} weeks`);
    const back = await u.manager.get('/api/v1/complaints/summary?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z');
    assertError(back, 400, 'to', 'to before from');
    assert.equal(back.body.error.key, 'report.to_before_from');
    // Only `to`: the default twelve weeks before it.
    const far = await u.manager.get('/api/v1/complaints/summary?to=9999-12-31T00:00:00Z');
    assert.equal(far.status, 200, far.text);
    assert.ok(far.body.weekly.length <= 13, `${far.body.weekly.length} weeks`);
  });
});

// Issue 14: a transfer to a team without a person tells the team.
describe('a transfer to a team without a person', () => {
  test('notifies the team\'s ticket handlers and its managers (or those of the nearest department above with some)', async () => {
    const t = await register(u.agent, { customer_id: ctx.desk.otherCustomers[0].id, category_id: ctx.desk.leaves[0].id, title: uniqueName('team') });
    await actOk(u.agent, t.id, 'transfer', { department_id: ctx.ids.departments['TECH-L1'], note: '请一线处理' }, 'new');
    const told = async (who) => {
      const r = await u[who].get('/api/v1/notifications?limit=200');
      assert.equal(r.status, 200, r.text);
      return r.body.items.find((x) => x.ticket_id === t.id && x.kind === 'transferred');
    };
    const n = await told('engineer');
    assert.ok(n, `the engineer of TECH-L1 was told of ${t.number}`);
    assert.equal(n.key, 'notification.transferred');
    // The managers of TECH-L1 hear of it; the manager of TECH only when TECH-L1 has none of its own.
    const l1Managers = ctx.ids.staffList.filter((s) => s.department_id === ctx.ids.departments['TECH-L1'] && s.active !== false && s.roles.includes('manager'));
    assert.equal(Boolean(await told('manager')), l1Managers.length === 0, `TECH-L1 managers: ${l1Managers.map((s) => s.username)}`);
    // Nobody outside the team hears of it, nor the one who transferred it.
    for (const who of ['agent', 'evaluator', 'quality']) {
      const r = await u[who].get('/api/v1/notifications?limit=200');
      assert.ok(!r.body.items.some((x) => x.ticket_id === t.id && x.kind === 'transferred'), `${who} was told`);
    }
  });
});
