// Several sqm servers on one PostgreSQL database (issue 7): only under SQM_TEST_DB=postgres.
//
// Three servers share a database. Clients write through all three while one is killed with
// SIGKILL: every acknowledged write is there afterwards and the audit chain verifies. A ticket
// registered on a server that then dies still has its SLA deadline fired by the others, and
// each warning and breach is announced exactly once although three monitors hold the deadline.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { Client, createDatabase, DEMO_PASSWORD, listAll, ON_POSTGRES, runSqm, sleep, startServer, uniqueName } from './lib/server.mjs';

describe('three servers on one PostgreSQL database', { skip: !ON_POSTGRES && 'PostgreSQL only (SQM_TEST_DB=postgres)' }, () => {
  let db;
  let servers = [];
  let clients = [];

  before(async () => {
    db = createDatabase({ seedArgs: ['--days', '1'] });
    const webRoot = path.join(db.dir, 'no-web');
    for (let i = 0; i < 3; i++) servers.push(await startServer({ dbPath: db.dbPath, webRoot }));
    for (const s of servers) {
      const c = new Client(s.url);
      await c.login('admin', DEMO_PASSWORD);
      clients.push(c);
    }
  });

  after(async () => {
    for (const s of servers) await s.stop();
    db?.cleanup();
  });

  test('writes acknowledged by any server survive one of them being killed; the chain verifies', async () => {
    const acked = [];
    let stop = false;
    const writer = async (c) => {
      while (!stop) {
        const code = uniqueName('ms').slice(0, 30);
        let r;
        try {
          r = await c.post('/api/v1/departments', { name: `多机 ${code}`, code });
        } catch {
          return; // the server is gone
        }
        if (r.status === 201) acked.push(r.body.id);
        else assert.ok([503].includes(r.status), `${r.status} ${r.text}`);
      }
    };
    const writers = clients.flatMap((c) => [writer(c), writer(c)]);
    await sleep(1500);
    await servers[1].kill('SIGKILL');
    await sleep(1500);
    stop = true;
    await Promise.all(writers);
    assert.ok(acked.length > 20, `writes acknowledged: ${acked.length}`);

    const all = new Set((await listAll(clients[0], '/api/v1/departments')).map((d) => d.id));
    const missing = acked.filter((id) => !all.has(id));
    assert.deepEqual(missing, [], 'every acknowledged department is stored');
    const v = runSqm(['--db', db.dbPath, 'verify-audit']);
    assert.equal(v.code, 0, `verify-audit: ${v.stdout} ${v.stderr}`);
  });

  test('a deadline of a ticket registered on a server that died is fired once by the others', async () => {
    const live = [clients[0], clients[2]];
    const admin = live[0];
    const customers = await listAll(admin, '/api/v1/customers');
    const categories = (await admin.get('/api/v1/categories')).body.items;
    const parents = new Set(categories.map((c) => c.parent_id).filter((p) => p != null));
    const leaf = categories.find((c) => c.active && !parents.has(c.id));
    assert.ok(leaf && customers.length, 'demo catalogue and customers');

    // The most specific policy: one business minute on the round-the-clock calendar.
    const policy = await admin.post('/api/v1/sla/policies', {
      name: uniqueName('multi-server'),
      match: { ticket_type: 'incident', priority: 'P1', channel: 'api', category_id: leaf.id },
      targets: [{ kind: 'first_response', business_minutes: 1, calendar_code: '24x7' }],
      warning_fraction: 0.5,
    });
    assert.equal(policy.status, 201, policy.text);

    // A fourth server, registered on and killed: its ticket was created 52 s ago (bulk with a
    // historical time), so the warning (at 30 s) is due at once and the breach 8 s later.
    const doomed = await startServer({ dbPath: db.dbPath, webRoot: path.join(db.dir, 'no-web') });
    servers.push(doomed);
    const c = new Client(doomed.url);
    await c.login('admin', DEMO_PASSWORD);
    const createdAt = new Date(Date.now() - 52_000).toISOString();
    const line = { type: 'incident', channel: 'api', priority: 'P1', title: uniqueName('doomed'), description: 'multi-server SLA',
      customer_id: customers[0].id, category_id: leaf.id, created_at: createdAt };
    const r = await c.post('/api/v1/tickets/bulk', undefined, { body: JSON.stringify(line), contentType: 'application/x-ndjson' });
    assert.equal(r.status, 201, r.text);
    await doomed.kill('SIGKILL');
    const ticketId = r.body.tickets[0].id;
    const ticket = (await admin.get(`/api/v1/tickets/${ticketId}`)).body;
    assert.equal(ticket.sla_policy_id, policy.body.id, 'the test policy governs the ticket');

    const count = async (type) => {
      const page = await admin.get(`/api/v1/events?entity=ticket&entity_id=${ticketId}&type=${type}&limit=50`);
      assert.equal(page.status, 200, page.text);
      return page.body.items.length;
    };
    const deadline = Date.now() + 40_000;
    while (Date.now() < deadline && (await count('sla.breached')) === 0) await sleep(250);
    assert.equal(await count('sla.breached'), 1, 'the breach is announced by a live server');
    // A second announcement would come from the other live monitor within its follower's 1 s
    // poll; give it more than that.
    await sleep(2500);
    assert.equal(await count('sla.breached'), 1, 'exactly one breach');
    assert.equal(await count('sla.warning'), 1, 'exactly one warning');
    const v = runSqm(['--db', db.dbPath, 'verify-audit']);
    assert.equal(v.code, 0, `verify-audit: ${v.stdout} ${v.stderr}`);
  });
});
