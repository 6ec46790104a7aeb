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
