// Every route from `sqm routes` × every demo role: the permission a route names is what decides
// between 403 and "let through". New routes are covered automatically; only the rule that picks a
// real id for a path parameter (by the collection segment before it) lives here.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { Client, DEMO_USERS, demoIds, listRoutes, loginAs, startServer } from './lib/server.mjs';

const routes = listRoutes();
let server;
let admin;
let ids;
let rolePermissions; // role code -> Set of permissions, from GET /api/v1/roles

before(async () => {
  server = await startServer();
  admin = await loginAs(server, 'admin');
  ids = await demoIds(admin);
  const roles = await admin.get('/api/v1/roles');
  assert.equal(roles.status, 200, roles.text);
  rolePermissions = new Map(roles.body.items.map((r) => [r.code, new Set(r.permissions)]));
});

after(async () => {
  await server?.stop();
});

// ---- choosing ids for path parameters ----
//
// The id must be one every role holding the route's permission may see, so that "holds the
// permission" never turns into a 403 from department scoping: `manager` sees only the TECH subtree,
// so department and staff ids come from TECH-L1 (the `engineer` demo login works there).
// A route under a collection with no rule gets the first id that any role can list from
// GET /api/v1/<collection>, else 1 (a 404 is still "not 401/403").
const idRules = {
  departments: async () => ids.departments['TECH-L1'],
  staff: async () => ids.staff.engineer,
  // DELETE revokes the token, so every call gets a fresh one.
  tokens: async () => {
    const r = await admin.post('/api/v1/tokens', { name: 'matrix', scopes: ['org.read'] });
    assert.equal(r.status, 201, r.text);
    return r.body.id;
  },
  // Tickets are scoped by department: one in the intake queue (no department, as the portal
  // registers them) is visible to every role holding ticket.read.
  tickets: async () => {
    if (!intakeTicketId) {
      const r = await (await session('customer')).post('/api/v1/portal/tickets', { type: 'consultation', title: 'matrix' });
      assert.equal(r.status, 201, r.text);
      assert.equal(r.body.department_id, null);
      intakeTicketId = r.body.id;
    }
    return intakeTicketId;
  },
};
let intakeTicketId = null;

const listedIds = new Map();
async function firstListedId(collectionPath) {
  if (listedIds.has(collectionPath)) return listedIds.get(collectionPath);
  let id = 1;
  for (const role of DEMO_USERS) {
    const r = await (await session(role)).get(collectionPath);
    const first = r.status === 200 && Array.isArray(r.body?.items) ? r.body.items.find((x) => x && x.id != null) : null;
    if (first) {
      id = first.id;
      break;
    }
  }
  listedIds.set(collectionPath, id);
  return id;
}

async function concretePath(pattern) {
  const segments = pattern.split('/');
  for (let i = 0; i < segments.length; i++) {
    if (!/^\{.+\}$/.test(segments[i])) continue;
    const collection = segments[i - 1];
    const rule = idRules[collection];
    segments[i] = String(rule ? await rule() : await firstListedId(segments.slice(0, i).join('/')));
  }
  return segments.join('/');
}

// ---- sessions, re-made when a call ended one (logout, password change, ...) ----

const sessions = new Map();
async function session(role) {
  if (!sessions.has(role)) sessions.set(role, await loginAs(server, role));
  return sessions.get(role);
}

async function call(client, route) {
  const path = await concretePath(route.path);
  const unsafe = !['GET', 'HEAD', 'OPTIONS'].includes(route.method);
  // A minimal, valid-looking JSON body for writes.
  return { path, r: await client.request(route.method, path, unsafe ? { json: {} } : {}) };
}

function describeCall(who, route, path, r) {
  return `${who}: ${route.method} ${path} (route ${route.path}, permission ${route.permission}) -> ${r.status} ${r.text.slice(0, 200)}`;
}

test('sqm routes lists routes with a method, a path and a permission', () => {
  assert.ok(routes.length > 0);
  for (const r of routes) {
    assert.match(r.method, /^(GET|POST|PUT|PATCH|DELETE)$/, JSON.stringify(r));
    assert.match(r.path, /^\//, JSON.stringify(r));
    assert.equal(typeof r.permission, 'string', JSON.stringify(r));
    assert.ok(r.permission.length > 0, JSON.stringify(r));
  }
});

test('every permission a route names is known to GET /api/v1/roles (or public/authenticated)', () => {
  const known = new Set(['public', 'authenticated']);
  for (const perms of rolePermissions.values()) for (const p of perms) known.add(p);
  const unknown = routes.filter((r) => !known.has(r.permission));
  assert.deepEqual(unknown, [], 'routes naming a permission no role holds');
});

test('every demo login exists for every role', () => {
  for (const role of rolePermissions.keys()) assert.ok(DEMO_USERS.includes(role), `no demo login for role ${role}`);
});

test('without credentials every non-public route is 401 and public routes are never 401/403', async () => {
  const anonymous = new Client(server.url);
  const failures = [];
  for (const route of routes) {
    const { path, r } = await call(anonymous, route);
    const ok = route.permission === 'public' ? ![401, 403].includes(r.status) && r.status < 500 : r.status === 401;
    if (!ok) failures.push(describeCall('anonymous', route, path, r));
    if (route.permission !== 'public' && r.status === 401) {
      assert.equal(r.body?.error?.code, 'unauthenticated', describeCall('anonymous', route, path, r));
    }
  }
  assert.deepEqual(failures, []);
});

test('every route × every role: 403 exactly when the role lacks the permission', async (t) => {
  const failures = [];
  const statuses = {};
  let calls = 0;
  for (const role of DEMO_USERS) {
    const perms = rolePermissions.get(role);
    assert.ok(perms, `GET /api/v1/roles lists role ${role}`);
    for (const route of routes) {
      const client = await session(role);
      const { path, r } = await call(client, route);
      calls++;
      statuses[r.status] = (statuses[r.status] || 0) + 1;
      let expectation;
      if (route.permission === 'public') expectation = ![401, 403].includes(r.status);
      else if (route.permission === 'authenticated') expectation = ![401, 403].includes(r.status);
      else if (perms.has(route.permission)) expectation = ![401, 403].includes(r.status);
      else expectation = r.status === 403 && r.body?.error?.code === 'forbidden';
      if (!expectation) failures.push(describeCall(role, route, path, r));
      if (r.status >= 500) failures.push(`server error: ${describeCall(role, route, path, r)}`);
      // A call may have ended the session (logout, password change): start a new one.
      if (!['GET', 'HEAD'].includes(route.method)) {
        const me = await client.get('/api/v1/me');
        if (me.status !== 200) sessions.delete(role);
      }
    }
  }
  t.diagnostic(`${calls} calls (${routes.length} routes × ${DEMO_USERS.length} roles); statuses: ${JSON.stringify(statuses)}`);
  assert.equal(calls, DEMO_USERS.length * routes.length);
  assert.deepEqual(failures, []);
});

test('the same matrix through bearer tokens carrying all of the role\'s permissions', async () => {
  // Tokens can only be made for roles holding at least one permission.
  const failures = [];
  for (const role of DEMO_USERS) {
    const perms = [...rolePermissions.get(role)];
    if (perms.length === 0) continue;
    const made = await admin.post('/api/v1/tokens', { name: `matrix ${role}`, staff_id: ids.staff[role], scopes: perms });
    assert.equal(made.status, 201, made.text);
    const client = new Client(server.url, { bearer: made.body.token });
    for (const route of routes) {
      const { path, r } = await call(client, route);
      const allowed = ['public', 'authenticated'].includes(route.permission) || perms.includes(route.permission);
      const ok = allowed ? ![401, 403].includes(r.status) : r.status === 403;
      if (!ok || r.status >= 500) failures.push(describeCall(`${role} (token)`, route, path, r));
    }
  }
  assert.deepEqual(failures, []);
});
