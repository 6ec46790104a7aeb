// Data is scoped by department subtree: `manager` (of 技术支持部 TECH) sees TECH, TECH-L1, TECH-L2
// and their staff only; quality, executive and admin see everything.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { demoIds, listAll, loginAs, startServer } from './lib/server.mjs';

let server;
let admin;
let manager;
let quality;
let ids;
const TECH_SUBTREE = ['TECH', 'TECH-L1', 'TECH-L2'];

before(async () => {
  server = await startServer();
  admin = await loginAs(server, 'admin');
  manager = await loginAs(server, 'manager');
  quality = await loginAs(server, 'quality');
  ids = await demoIds(admin);
});

after(async () => {
  await server?.stop();
});

function techIds() {
  return new Set(TECH_SUBTREE.map((c) => ids.departments[c]));
}

describe('manager of TECH', () => {
  test('GET /departments lists exactly TECH, TECH-L1, TECH-L2', async () => {
    const r = await manager.get('/api/v1/departments');
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(r.body.items.map((d) => d.code).sort(), [...TECH_SUBTREE].sort());
  });

  test('GET /staff lists only people in the TECH subtree, including all of them', async () => {
    const seen = await listAll(manager, '/api/v1/staff', { limit: 5 });
    assert.ok(seen.length > 0);
    const tech = techIds();
    const outside = seen.filter((s) => !tech.has(s.department_id));
    assert.deepEqual(outside.map((s) => `${s.username}@${s.department_name}`), [], 'staff outside the scope leaked');
    const expected = ids.staffList.filter((s) => tech.has(s.department_id)).map((s) => s.id).sort((a, b) => a - b);
    assert.deepEqual(seen.map((s) => s.id).sort((a, b) => a - b), expected);
    assert.ok(seen.some((s) => s.username === 'manager'));
    assert.ok(seen.some((s) => s.username === 'engineer'));
  });

  test('filters cannot widen the scope', async () => {
    for (const q of [`department_id=${ids.departments.DESK}`, 'role=agent', 'q=agent', `department_id=${ids.departments.ROOT}`]) {
      const r = await manager.get(`/api/v1/staff?${q}`);
      assert.equal(r.status, 200, r.text);
      assert.deepEqual(r.body.items.filter((s) => !techIds().has(s.department_id)).map((s) => s.username), [], q);
    }
    const desk = await manager.get(`/api/v1/staff?department_id=${ids.departments.DESK}`);
    assert.deepEqual(desk.body.items, []);
  });

  test('GET /departments/{id} inside the scope is 200, outside (DESK, ROOT) is 403', async () => {
    for (const code of TECH_SUBTREE) {
      const r = await manager.get(`/api/v1/departments/${ids.departments[code]}`);
      assert.equal(r.status, 200, `${code}: ${r.text}`);
      assert.equal(r.body.code, code);
    }
    for (const code of ['DESK', 'ROOT', 'QA']) {
      const r = await manager.get(`/api/v1/departments/${ids.departments[code]}`);
      assert.equal(r.status, 403, `${code}: ${r.text}`);
      assert.equal(r.body.error.code, 'forbidden');
      assert.ok(!r.text.includes('客服部'), 'the 403 does not reveal the department');
    }
  });

  test('GET /staff/{id} of an agent in DESK is 403; of an engineer in TECH-L1 is 200', async () => {
    const agents = await admin.get(`/api/v1/staff?role=agent&department_id=${ids.departments.DESK}`);
    assert.equal(agents.status, 200);
    assert.ok(agents.body.items.length > 0);
    for (const a of agents.body.items.slice(0, 3)) {
      const r = await manager.get(`/api/v1/staff/${a.id}`);
      assert.equal(r.status, 403, `${a.username}: ${r.text}`);
      assert.ok(!r.text.includes(a.email), 'the 403 does not reveal the person');
    }
    const eng = await manager.get(`/api/v1/staff/${ids.staff.engineer}`);
    assert.equal(eng.status, 200, eng.text);
    assert.equal(eng.body.username, 'engineer');
  });

  test('staff without a department (customer) is outside the scope', async () => {
    const r = await manager.get(`/api/v1/staff/${ids.staff.customer}`);
    assert.equal(r.status, 403, r.text);
  });

  test('an unknown id is 404, not 403', async () => {
    assert.equal((await manager.get('/api/v1/departments/999999')).status, 404);
    assert.equal((await manager.get('/api/v1/staff/999999')).status, 404);
  });
});

describe('roles with organisation-wide scope', () => {
  for (const role of ['quality', 'executive', 'admin']) {
    test(`${role} sees every department and every person`, async () => {
      const c = role === 'quality' ? quality : await loginAs(server, role);
      const deps = await c.get('/api/v1/departments');
      assert.equal(deps.status, 200);
      assert.equal(deps.body.items.length, ids.departmentList.length);
      assert.ok(deps.body.items.length >= 9);
      const staff = await listAll(c, '/api/v1/staff', { limit: 7 });
      assert.equal(staff.length, ids.staffList.length);
      assert.equal(new Set(staff.map((s) => s.id)).size, staff.length, 'paging returns no duplicates');
      assert.ok(staff.length >= 65, `demo data has 65 accounts, saw ${staff.length}`);
      const desk = await c.get(`/api/v1/departments/${ids.departments.DESK}`);
      assert.equal(desk.status, 200);
      const agent = await c.get(`/api/v1/staff/${ids.staff.agent}`);
      assert.equal(agent.status, 200);
    });
  }
});

describe('evaluator (scope DESK, no department) and staff without org.read', () => {
  test('evaluator has no org.read: 403 on lists', async () => {
    const ev = await loginAs(server, 'evaluator');
    assert.equal((await ev.get('/api/v1/departments')).status, 403);
    assert.equal((await ev.get('/api/v1/staff')).status, 403);
    const me = await ev.get('/api/v1/me');
    assert.equal(me.status, 200);
    assert.equal(me.body.department_id, null);
    assert.deepEqual(me.body.scope_department_ids, [ids.departments.DESK]);
  });

  test('every login can read its own record through /me', async () => {
    for (const role of ['agent', 'engineer', 'customer']) {
      const c = await loginAs(server, role);
      const me = await c.get('/api/v1/me');
      assert.equal(me.status, 200);
      assert.equal(me.body.username, role);
    }
  });
});

describe('paging', () => {
  test('limit and cursor page through staff in id order without gaps', async () => {
    const first = await quality.get('/api/v1/staff?limit=10');
    assert.equal(first.status, 200);
    assert.equal(first.body.items.length, 10);
    assert.equal(typeof first.body.next_cursor, 'string');
    const second = await quality.get(`/api/v1/staff?limit=10&cursor=${encodeURIComponent(first.body.next_cursor)}`);
    assert.equal(second.status, 200);
    const a = first.body.items.map((s) => s.id);
    const b = second.body.items.map((s) => s.id);
    assert.ok(Math.max(...a) < Math.min(...b), 'the second page continues after the first');
    const all = ids.staffList.map((s) => s.id).sort((x, y) => x - y);
    assert.deepEqual([...a, ...b], all.slice(0, 20));
  });

  test('the last page has next_cursor null', async () => {
    const r = await quality.get('/api/v1/staff?limit=200');
    assert.equal(r.status, 200);
    assert.equal(r.body.next_cursor, null);
  });

  for (const q of ['limit=0', 'limit=201', 'limit=abc', 'cursor=abc', 'cursor=-1', 'department_id=0', 'active=maybe']) {
    test(`bad query ${q} is a 400 naming the parameter`, async () => {
      const r = await quality.get(`/api/v1/staff?${q}`);
      assert.equal(r.status, 400, r.text);
      assert.equal(r.body.error.field, q.split('=')[0]);
    });
  }
});
