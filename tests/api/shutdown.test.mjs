// Graceful shutdown: SIGTERM (or SIGINT) while requests are in flight lets those requests finish
// and answer, refuses new connections, does not wait for idle keep-alive connections, and exits 0.
import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import { after, test } from 'node:test';

import { Client, createDatabase, DEMO_PASSWORD, loginAs, rawRequest, sleep, startServer, uniqueName } from './lib/server.mjs';

const db = createDatabase();
after(() => db.cleanup());

// Sends the headers and the first half of a JSON body now; `finish()` sends the rest. The request
// cannot complete before finish(), so it is surely in flight when the signal arrives, however
// slow the machine. `response` resolves to {status, text, body, at} (or {error, at}).
function slowUpload(server, urlPath, headers, json) {
  const u = new URL(server.url);
  const body = Buffer.from(JSON.stringify(json));
  let req;
  const response = new Promise((resolve) => {
    req = http.request({
      host: u.hostname, port: u.port, method: 'POST', path: urlPath, agent: false,
      headers: { ...headers, 'content-type': 'application/json', 'content-length': body.length, connection: 'close' },
    }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c) => { text += c; });
      res.on('end', () => {
        let parsed = null;
        try { parsed = JSON.parse(text); } catch { /* not JSON */ }
        resolve({ status: res.statusCode, text, body: parsed, at: Date.now() });
      });
    });
    req.on('error', (error) => resolve({ status: 0, text: String(error), error, at: Date.now() }));
    req.flushHeaders();
    req.write(body.subarray(0, body.length >> 1));
  });
  return { urlPath, response, finish: () => req.end(body.subarray(body.length >> 1)) };
}

async function exitWithin(server, ms) {
  let timer;
  const r = await Promise.race([server.exited, new Promise((resolve) => { timer = setTimeout(() => resolve(null), ms); })]);
  clearTimeout(timer);
  return r;
}

for (const signal of ['SIGTERM', 'SIGINT']) {
  test(`${signal} with requests in flight: they all get answers and the server exits 0`, { timeout: 60_000 }, async () => {
    const server = await startServer({ dbPath: db.dbPath });
    try {
      const admin = await loginAs(server, 'admin');

      // An idle keep-alive connection must not hold the shutdown up.
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      const idle = await new Promise((resolve, reject) => {
        http.get(`${server.url}/healthz`, { agent }, (res) => { res.resume(); res.on('end', () => resolve(res.statusCode)); })
          .on('error', reject);
      });
      assert.equal(idle, 200);

      // In flight: half-sent uploads that create departments, sign in (Argon2) and create staff
      // (Argon2 and a write), so the server still has real work to do after the signal.
      const auth = { cookie: admin.cookieHeader(), 'x-csrf-token': admin.csrf };
      const names = [uniqueName('shutdown-a'), uniqueName('shutdown-b'), uniqueName('shutdown-c')];
      const uploads = [
        ...names.map((name) => slowUpload(server, '/api/v1/departments', auth, { name })),
        ...['quality', 'manager'].map((u) => slowUpload(server, '/api/v1/auth/login', {}, { username: u, password: DEMO_PASSWORD })),
        slowUpload(server, '/api/v1/staff', auth, {
          username: uniqueName('sd').slice(0, 40), display_name: 'Shutdown', department_id: admin.user.department_id,
          roles: ['agent'], password: 'Graceful-exit-2026',
        }),
      ];
      // A later connection answered means the earlier ones were accepted; then give the server
      // ample time to read their headers.
      assert.equal((await rawRequest(server.url, { path: '/healthz' })).status, 200);
      await sleep(300);

      const signalledAt = Date.now();
      process.kill(server.pid, signal);

      // New connections are refused while the old ones finish (the half-sent uploads keep the
      // server from exiting meanwhile).
      let refused = false;
      for (const until = Date.now() + 5000; !refused && Date.now() < until;) {
        refused = await rawRequest(server.url, { path: '/healthz', timeoutMs: 3000 }).then(() => false, () => true);
        if (!refused) await sleep(50);
      }
      assert.ok(refused, 'new connections are refused after the signal');

      for (const u of uploads) u.finish();
      const answers = await Promise.all(uploads.map((u) => u.response));
      const problems = answers
        .map((r, i) => ({ r, u: uploads[i] }))
        .filter(({ r }) => ![200, 201].includes(r.status))
        .map(({ r, u }) => `POST ${u.urlPath}: ${r.status} ${r.text}`);
      assert.deepEqual(problems, [], 'every request in flight at the signal is answered');
      assert.ok(answers.every((r) => r.at > signalledAt));

      const exit = await exitWithin(server, 10_000);
      assert.ok(exit, 'the server exits promptly despite an idle keep-alive connection');
      assert.deepEqual(exit, { code: 0, signal: null });
      assert.match(server.stderr(), /stopped cleanly/);
      agent.destroy();

      // What was answered is there after a restart.
      const again = await startServer({ dbPath: db.dbPath });
      try {
        const c = await loginAs(again, 'admin');
        const deps = (await c.get('/api/v1/departments')).body.items.map((d) => d.name);
        for (const name of names) assert.ok(deps.includes(name), `department ${name} was stored`);
        const staff = answers[answers.length - 1];
        assert.equal((await c.get(`/api/v1/staff/${staff.body.id}`)).status, 200, 'the staff account was stored');
      } finally {
        await again.kill('SIGTERM');
      }
    } finally {
      await server.kill('SIGKILL');
    }
  });
}

test('SIGTERM on an idle server exits 0 quickly', async () => {
  const server = await startServer({ dbPath: db.dbPath });
  await new Client(server.url).get('/healthz');
  const started = Date.now();
  process.kill(server.pid, 'SIGTERM');
  const exit = await exitWithin(server, 5000);
  assert.deepEqual(exit, { code: 0, signal: null });
  assert.ok(Date.now() - started < 3000, `took ${Date.now() - started} ms`);
});

test('requests fully sent on new connections just before SIGTERM are answered, not reset', async () => {
  const tally = { answered: 0, reset: 0 };
  for (let round = 0; round < 5; round++) {
    const server = await startServer({ dbPath: db.dbPath });
    const u = new URL(server.url);
    const sent = [];
    const results = [];
    for (let i = 0; i < 20; i++) {
      let markSent;
      sent.push(new Promise((resolve) => { markSent = resolve; }));
      results.push(new Promise((resolve) => {
        const c = net.connect({ host: u.hostname, port: Number(u.port) }, () => {
          c.write('GET /healthz HTTP/1.1\r\nHost: sqm\r\nConnection: close\r\n\r\n', () => markSent());
        });
        let data = '';
        c.on('data', (d) => { data += d; });
        c.on('close', () => resolve(data.startsWith('HTTP/1.1 200') ? 'answered' : 'reset'));
        c.on('error', () => { markSent(); resolve('reset'); });
      }));
    }
    await Promise.all(sent);
    process.kill(server.pid, 'SIGTERM');
    for (const r of await Promise.all(results)) tally[r]++;
    assert.deepEqual(await exitWithin(server, 10_000), { code: 0, signal: null });
  }
  assert.equal(tally.reset, 0, `of 100 requests sent before SIGTERM, ${tally.reset} were reset without an answer`);
});
