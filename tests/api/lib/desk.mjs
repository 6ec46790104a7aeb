// Helpers for the service-desk API tests (tests/api/desk*.test.mjs).
import assert from 'node:assert/strict';

import { demoIds, listAll, loginAs, startServer, uniqueName } from './server.mjs';

// The demo seed with a short ticket history: enough for the tests, quick to make.
export const DESK_SEED_ARGS = ['--days', '3'];

// Every action of POST /api/v1/tickets/{id}/actions/{action}.
export const ACTIONS = ['accept', 'respond', 'start', 'wait', 'resume', 'resolve', 'callback', 'close', 'reopen',
  'cancel', 'merge', 'transfer', 'escalate', 'assign', 'comment'];

// What src/desk/rules.cpp allows in each status, in display order (the documented lifecycle).
export const ALLOWED = {
  new: ['accept', 'respond', 'assign', 'transfer', 'escalate', 'cancel', 'merge', 'comment'],
  accepted: ['respond', 'start', 'wait', 'resolve', 'assign', 'transfer', 'escalate', 'cancel', 'merge', 'comment'],
  in_progress: ['respond', 'wait', 'resolve', 'assign', 'transfer', 'escalate', 'cancel', 'merge', 'comment'],
  waiting_customer: ['resume', 'respond', 'resolve', 'assign', 'cancel', 'comment'],
  resolved: ['callback', 'reopen', 'comment'],
  callback_done: ['close', 'reopen', 'comment'],
  closed: ['reopen', 'comment'],
  cancelled: ['comment'],
  merged: ['comment'],
};

// Starts a server on a database seeded with DESK_SEED_ARGS and signs in every demo login:
// {server, users: {admin, agent, ...}, ids, desk}.
// `serverOptions` go to startServer (e.g. {serveArgs: [...]}).
export async function startDeskServer(logins = ['admin', 'quality', 'executive', 'manager', 'agent', 'engineer', 'evaluator', 'customer'], serverOptions = {}) {
  const server = await startServer({ seedArgs: DESK_SEED_ARGS, ...serverOptions });
  try {
    const users = {};
    for (const u of logins) users[u] = await loginAs(server, u);
    const admin = users.admin ?? await loginAs(server, 'admin');
    const ids = await demoIds(admin);
    const desk = await deskFixtures(admin, ids);
    return { server, users, ids, desk };
  } catch (err) {
    await server.stop();
    throw err;
  }
}

// Demo customers and categories: {customers, portalCustomer, otherCustomers, categories, leaves}.
export async function deskFixtures(admin, ids) {
  const customers = await listAll(admin, '/api/v1/customers');
  assert.ok(customers.length >= 3, `seed-demo made customers (${customers.length})`);
  const portalCustomer = customers.find((c) => c.account_id === ids.staff.customer);
  assert.ok(portalCustomer, 'the demo login `customer` is linked to a customer record');
  const otherCustomers = customers.filter((c) => c.account_id == null && c.kind === 'person');
  assert.ok(otherCustomers.length >= 2, 'seed-demo made customers without a portal account');
  const cats = await admin.get('/api/v1/categories');
  assert.equal(cats.status, 200, cats.text);
  const categories = cats.body.items;
  const parents = new Set(categories.map((c) => c.parent_id).filter((p) => p != null));
  const leaves = categories.filter((c) => c.active && !parents.has(c.id));
  assert.ok(leaves.length >= 2, 'seed-demo made a service catalogue with leaf categories');
  return { customers, portalCustomer, otherCustomers, categories, leaves };
}

// Registers a ticket through POST /api/v1/tickets and asserts the 201; returns the answer body.
export async function register(client, fields) {
  const body = { type: 'incident', channel: 'phone', priority: 'P3', title: uniqueName('desk'), description: 'test ticket', ...fields };
  const r = await client.post('/api/v1/tickets', body);
  assert.equal(r.status, 201, `register ${JSON.stringify(body)}: ${r.status} ${r.text}`);
  return r.body;
}

// POST /api/v1/tickets/{id}/actions/{action}: the raw response.
export function act(client, id, action, body = {}) {
  return client.post(`/api/v1/tickets/${id}/actions/${action}`, body);
}

// Like act, but asserts the 200 (and, when given, the status after); returns the ticket.
export async function actOk(client, id, action, body = {}, status = undefined) {
  const r = await act(client, id, action, body);
  assert.equal(r.status, 200, `${client.user?.username} ${action} on ticket ${id}: ${r.status} ${r.text}`);
  if (status) assert.equal(r.body.status, status, `status after ${action}`);
  return r.body;
}

// GET /api/v1/tickets/{id}, asserting the 200.
export async function view(client, id) {
  const r = await client.get(`/api/v1/tickets/${id}`);
  assert.equal(r.status, 200, `GET ticket ${id} as ${client.user?.username}: ${r.status} ${r.text}`);
  return r.body;
}

// Asserts an error answer: status, error code (derived from the status unless given) and field.
export function assertError(r, status, field, what = '') {
  const label = `${what} -> ${r.status} ${r.text}`;
  assert.equal(r.status, status, label);
  const codes = { 400: 'invalid', 401: 'unauthenticated', 403: 'forbidden', 404: 'not_found', 409: 'conflict' };
  if (codes[status]) assert.equal(r.body?.error?.code, codes[status], label);
  if (field !== undefined) assert.equal(r.body?.error?.field, field, label);
  assert.equal(typeof r.body?.error?.message, 'string', label);
}
