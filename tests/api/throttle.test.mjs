// The per-address sign-in throttle: a password spray (many usernames, one address) is stopped
// after 20 failures, for every account at that address. Its own server, since the lock would
// hit every other test's sign-ins from 127.0.0.1.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { Client, loginAs, startServer } from './lib/server.mjs';

let server;

before(async () => {
  server = await startServer();
});

after(async () => {
  await server?.stop();
});

test('20 failed sign-ins from one address lock sign-in from that address (429)', async () => {
  const admin = await loginAs(server, 'admin');
  // Spread over many accounts (existing and not), 4 failures each at most: no account lock.
  const names = ['quality', 'executive', 'manager', 'engineer', 'no-such-1', 'no-such-2'];
  let failures = 0;
  for (let i = 0; failures < 20; i++) {
    const r = await new Client(server.url).tryLogin(names[i % names.length], `Spray-pass-${i}x`);
    assert.equal(r.status, 401, `attempt ${i + 1}: ${r.text}`);
    failures++;
  }
  const locked = await new Client(server.url).tryLogin('agent');
  assert.equal(locked.status, 429, locked.text);
  assert.equal(locked.body.error.code, 'too_many_requests');
  // Sessions that already exist are not affected.
  const me = await admin.get('/api/v1/me');
  assert.equal(me.status, 200, me.text);
});
