// The directory for pickers, the category admin API, the ticket rows' SLA state and the keyed
// messages (error key/args, notification key/args) that the web UI translates.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { act, actOk, assertError, register, startDeskServer } from './lib/desk.mjs';
import { uniqueName } from './lib/server.mjs';

let ctx;
let u;

before(async () => {
  ctx = await startDeskServer();
  u = ctx.users;
});

after(async () => {
  await ctx?.server.stop();
});

describe('directory', () => {
  test('agents and engineers list active departments and find staff by name, without contact details', async () => {
    for (const who of [u.agent, u.engineer, u.evaluator]) {
      const deps = await who.get('/api/v1/directory/departments');
      assert.equal(deps.status, 200, deps.text);
      const desk = deps.body.items.find((d) => d.id === ctx.ids.departments.DESK);
      assert.deepEqual(Object.keys(desk).sort(), ['code', 'id', 'name', 'parent_id']);
      // Not scoped: an engineer of TECH-L1 may transfer to any department.
      assert.ok(deps.body.items.some((d) => d.id === ctx.ids.departments['TECH-L2']));
    }
    const staff = await u.agent.get('/api/v1/directory/staff?q=engineer');
    assert.equal(staff.status, 200, staff.text);
    const engineer = staff.body.items.find((s) => s.id === ctx.ids.staff.engineer);
    assert.ok(engineer, JSON.stringify(staff.body.items));
    assert.deepEqual(Object.keys(engineer).sort(), ['department_id', 'department_name', 'id', 'name', 'username']);
    const inDept = await u.agent.get(`/api/v1/directory/staff?department_id=${ctx.ids.departments.DESK}&limit=100`);
    assert.ok(inDept.body.items.length > 0);
    assert.ok(inDept.body.items.every((s) => s.department_id === ctx.ids.departments.DESK));
    assertError(await u.agent.get('/api/v1/directory/staff?limit=0'), 400, 'limit');
    const everyone = await u.agent.get('/api/v1/directory/staff?limit=100');
    assert.ok(!everyone.body.items.some((s) => s.id === ctx.ids.staff.customer), 'portal accounts are not staff to pick');
  });

  test('deactivated departments and staff are not offered', async () => {
    const dept = await u.admin.post('/api/v1/departments', { name: uniqueName('gone'), parent_id: ctx.ids.departments.DESK });
    assert.equal(dept.status, 201, dept.text);
    assert.equal((await u.admin.patch(`/api/v1/departments/${dept.body.id}`, { active: false })).status, 200);
    const deps = await u.agent.get('/api/v1/directory/departments');
    assert.ok(!deps.body.items.some((d) => d.id === dept.body.id));
  });

  test('customers may not read the directory', async () => {
    assertError(await u.customer.get('/api/v1/directory/departments'), 403);
    assertError(await u.customer.get('/api/v1/directory/staff'), 403);
  });
});

describe('categories', () => {
  const create = async (name, parent_id) => {
    const r = await u.admin.post('/api/v1/categories', { name, parent_id });
    assert.equal(r.status, 201, r.text);
    return r.body;
  };

  test('rename, move and deactivate, each recorded', async () => {
    const root = await create(uniqueName('root'));
    const child = await create(uniqueName('child'), root.id);
    const other = await create(uniqueName('other'));
    const renamed = await u.admin.patch(`/api/v1/categories/${child.id}`, { name: `${child.name}-2` });
    assert.equal(renamed.status, 200, renamed.text);
    assert.equal(renamed.body.name, `${child.name}-2`);
    const moved = await u.admin.patch(`/api/v1/categories/${child.id}`, { parent_id: other.id });
    assert.equal(moved.body.parent_id, other.id);
    const top = await u.admin.patch(`/api/v1/categories/${child.id}`, { parent_id: null });
    assert.equal(top.body.parent_id, null);
    const off = await u.admin.patch(`/api/v1/categories/${child.id}`, { active: false });
    assert.equal(off.body.active, false);
    const events = await u.admin.get(`/api/v1/events?entity=category&entity_id=${child.id}`);
    assert.equal(events.status, 200, events.text);
    assert.equal(events.body.items.filter((e) => e.type === 'category.updated').length, 4);
  });

  test('refusals name the field and carry a translatable key', async () => {
    const root = await create(uniqueName('root'));
    const child = await create(uniqueName('child'), root.id);
    const sibling = await create(uniqueName('sibling'), root.id);
    const cycle = await u.admin.patch(`/api/v1/categories/${root.id}`, { parent_id: child.id });
    assertError(cycle, 409, 'parent_id');
    assert.equal(cycle.body.error.key, 'category.move_into_itself');
    const self = await u.admin.patch(`/api/v1/categories/${root.id}`, { parent_id: root.id });
    assertError(self, 409, 'parent_id');
    const dup = await u.admin.patch(`/api/v1/categories/${sibling.id}`, { name: child.name });
    assertError(dup, 409, 'name');
    assert.deepEqual(dup.body.error.args, { name: child.name });
    assertError(await u.admin.post('/api/v1/categories', { name: child.name, parent_id: root.id }), 409, 'name');
    const parent = await u.admin.patch(`/api/v1/categories/${root.id}`, { active: false });
    assertError(parent, 409, 'active');
    assertError(await u.admin.patch('/api/v1/categories/999999', { name: 'x' }), 404);
    assertError(await u.admin.patch(`/api/v1/categories/${root.id}`, { name: '' }), 400, 'name');
    assertError(await u.admin.patch(`/api/v1/categories/${root.id}`, { colour: 'red' }), 400, 'colour');
  });

  test('only SLA managers may change the catalogue', async () => {
    const cats = await u.agent.get('/api/v1/categories');
    const id = cats.body.items[0].id;
    for (const who of [u.agent, u.manager, u.engineer]) {
      assertError(await who.patch(`/api/v1/categories/${id}`, { name: 'x' }), 403);
    }
  });
});

describe('SLA state and keyed messages', () => {
  test('ticket rows carry the SLA state they are filtered by, and the policy name', async () => {
    const t = await register(u.agent, { customer_id: ctx.desk.otherCustomers[0].id, category_id: ctx.desk.leaves[0].id });
    const one = await u.agent.get(`/api/v1/tickets/${t.id}`);
    assert.equal(one.body.sla_state, 'ok');
    assert.equal(typeof one.body.sla_policy_name, 'string');
    for (const state of ['ok', 'warning', 'breached', 'paused']) {
      const r = await u.admin.get(`/api/v1/tickets?sla_state=${state}&limit=50`);
      assert.equal(r.status, 200, r.text);
      assert.ok(r.body.items.every((x) => x.sla_state === state || (state === 'ok' && x.sla_state === null)),
        `${state}: ${r.body.items.map((x) => x.sla_state).join(',')}`);
    }
    await actOk(u.agent, t.id, 'accept');
    await actOk(u.agent, t.id, 'wait', { note: '等客户提供截图' });
    const paused = await u.agent.get(`/api/v1/tickets?q=${encodeURIComponent(t.title)}`);
    assert.equal(paused.body.items.find((x) => x.id === t.id).sla_state, 'paused');
  });

  test('a refused transition has a key and args naming the action, status and allowed actions', async () => {
    const t = await register(u.agent, { customer_id: ctx.desk.otherCustomers[0].id, category_id: ctx.desk.leaves[0].id });
    const r = await act(u.agent, t.id, 'close');
    assertError(r, 409, 'action');
    assert.equal(r.body.error.key, 'ticket.transition_refused');
    assert.equal(r.body.error.args.action, 'close');
    assert.equal(r.body.error.args.status, 'new');
    assert.match(r.body.error.args.action_list, /accept/);
    const required = await u.agent.post('/api/v1/tickets', { type: 'incident', channel: 'phone', title: 'x', priority: 'P3' });
    assertError(required, 400);
    assert.ok(['field.required', 'field.required_for_type'].includes(required.body.error.key), required.text);
  });

  test('notifications carry their key and args', async () => {
    const t = await register(u.agent, {
      customer_id: ctx.desk.otherCustomers[0].id, category_id: ctx.desk.leaves[0].id, assignee_id: ctx.ids.staff.engineer,
    });
    const list = await u.engineer.get('/api/v1/notifications?limit=50');
    assert.equal(list.status, 200, list.text);
    const n = list.body.items.find((x) => x.ticket_id === t.id && x.kind === 'assigned');
    assert.ok(n, JSON.stringify(list.body.items.slice(0, 3)));
    assert.equal(n.key, 'notification.assigned');
    assert.deepEqual(n.args, { number: t.number, title: t.title });
    assert.equal(n.message, `${t.number} ${t.title} was assigned to you`);
  });
});
