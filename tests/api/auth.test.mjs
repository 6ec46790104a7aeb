// Sign-in, sessions, CSRF token, logout, throttling, password change and API tokens.
//
// Mind the per-address sign-in throttle (20 failures per address per 15 minutes, and every test
// client is 127.0.0.1): this file makes 15 failed sign-ins. A test that needs many more belongs in
// a file with its own server (see throttle.test.mjs).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { Client, DEMO_PASSWORD, demoIds, loginAs, startServer, uniqueName } from './lib/server.mjs';

let server;
let admin;
let ids;

before(async () => {
  server = await startServer();
  admin = await loginAs(server, 'admin');
  ids = await demoIds(admin);
});

after(async () => {
  await server?.stop();
});

// Creates an account (as admin) that only this test uses.
async function createAccount(prefix, password = 'Initial-pass-2026', roles = ['agent']) {
  const username = uniqueName(prefix).replace(/[^A-Za-z0-9._-]/g, '').slice(0, 60);
  const r = await admin.post('/api/v1/staff', {
    username, display_name: `Test ${username}`, department_id: ids.departments.DESK, roles, password,
  });
  assert.equal(r.status, 201, r.text);
  return { username, password, id: r.body.id };
}

describe('login', () => {
  test('succeeds with the right password and returns the user and a CSRF token', async () => {
    const c = new Client(server.url);
    const r = await c.tryLogin('agent');
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.user.username, 'agent');
    assert.ok(Array.isArray(r.body.user.roles) && r.body.user.roles.includes('agent'));
    assert.equal(typeof r.body.csrf_token, 'string');
    assert.ok(r.body.csrf_token.length >= 16);
    assert.equal(r.body.user.password_hash, undefined, 'no password hash in the answer');
  });

  test('the session cookie is HttpOnly, SameSite=Lax, Path=/', async () => {
    const c = new Client(server.url);
    const r = await c.tryLogin('agent');
    assert.equal(r.status, 200);
    const cookie = r.setCookies.find((s) => s.startsWith('sqm_session='));
    assert.ok(cookie, `a sqm_session cookie is set: ${JSON.stringify(r.setCookies)}`);
    const attrs = cookie.split(';').map((s) => s.trim().toLowerCase());
    assert.ok(attrs.includes('httponly'), cookie);
    assert.ok(attrs.includes('samesite=lax'), cookie);
    assert.ok(attrs.includes('path=/'), cookie);
    assert.ok(!attrs.includes('secure'), 'no Secure flag without --secure-cookies');
    assert.ok(cookie.split(';')[0].length > 'sqm_session='.length + 20, 'the token is long');
  });

  test('wrong password and unknown user both get 401 with the same message', async () => {
    const wrong = await new Client(server.url).tryLogin('executive', 'Not-the-password-1');
    const unknown = await new Client(server.url).tryLogin('no-such-user-xyz', 'Not-the-password-1');
    assert.equal(wrong.status, 401, wrong.text);
    assert.equal(unknown.status, 401, unknown.text);
    assert.equal(wrong.body.error.code, 'unauthenticated');
    assert.equal(wrong.body.error.message, unknown.body.error.message);
    assert.equal(wrong.setCookies.length, 0, 'no cookie on failure');
  });

  test('a login body without the password is a 400 naming the field', async () => {
    const r = await new Client(server.url).request('POST', '/api/v1/auth/login', { json: { username: 'agent' } });
    assert.equal(r.status, 400, r.text);
    assert.equal(r.body.error.field, 'password');
  });

  test('/me carries the same csrf_token as the login', async () => {
    const c = new Client(server.url);
    const login = await c.login('quality');
    const me = await c.get('/api/v1/me');
    assert.equal(me.status, 200, me.text);
    assert.equal(me.body.username, 'quality');
    assert.equal(me.body.csrf_token, login.body.csrf_token);
    assert.ok(me.body.permissions.includes('org.read'));
    assert.equal(me.headers.get('cache-control'), 'no-store');
  });

  test('two sessions of one user have different CSRF tokens', async () => {
    const a = await loginAs(server, 'agent');
    const b = await loginAs(server, 'agent');
    assert.notEqual(a.csrf, b.csrf);
    assert.notEqual(a.cookies.get('sqm_session'), b.cookies.get('sqm_session'));
  });

  test('logout ends the session and clears the cookie', async () => {
    const c = await loginAs(server, 'engineer');
    const cookie = c.cookieHeader();
    assert.equal((await c.get('/api/v1/me')).status, 200);
    const out = await c.post('/api/v1/auth/logout');
    assert.equal(out.status, 204, out.text);
    const cleared = out.setCookies.find((s) => s.startsWith('sqm_session='));
    assert.ok(cleared && /max-age=0/i.test(cleared), `the cookie is cleared: ${cleared}`);
    // The old cookie value no longer works, even if a client keeps sending it.
    const again = await new Client(server.url).get('/api/v1/me', { headers: { cookie } });
    assert.equal(again.status, 401, again.text);
  });

  test('logout with a cookie but without the CSRF header is refused', async () => {
    const c = await loginAs(server, 'engineer');
    const r = await c.post('/api/v1/auth/logout', undefined, { csrf: false });
    assert.equal(r.status, 403, r.text);
    assert.equal((await c.get('/api/v1/me')).status, 200, 'the session is still alive');
  });

  for (const [what, cookie] of [
    ['garbage', 'sqm_session=garbage'],
    ['empty', 'sqm_session='],
    ['very long', `sqm_session=${'A'.repeat(4000)}`],
    ['odd bytes', 'sqm_session=%00%ff"\'<script>'],
    ['two cookies, both wrong', 'other=1; sqm_session=abc; sqm_session=def'],
  ]) {
    test(`session cookie (${what}) gets 401`, async () => {
      const r = await new Client(server.url).get('/api/v1/me', { headers: { cookie } });
      assert.equal(r.status, 401, r.text);
      assert.equal(r.body.error.code, 'unauthenticated');
    });
  }

  test('no credentials at all gets 401 on /me', async () => {
    const r = await new Client(server.url).get('/api/v1/me');
    assert.equal(r.status, 401);
  });
});

describe('throttling', () => {
  test('five failed sign-ins for one account lock it (429) even for the right password; others unaffected', async () => {
    const acct = await createAccount('throttle');
    for (let i = 1; i <= 5; i++) {
      const r = await new Client(server.url).tryLogin(acct.username, `Wrong-pass-${i}x`);
      assert.equal(r.status, 401, `attempt ${i}: ${r.text}`);
    }
    const locked = await new Client(server.url).tryLogin(acct.username, acct.password);
    assert.equal(locked.status, 429, locked.text);
    assert.equal(locked.body.error.code, 'too_many_requests');
    assert.match(locked.body.error.message, /try again/i);
    // Keyed for the user's language, and the wait is in Retry-After too.
    assert.equal(locked.body.error.key, 'auth.too_many_failures');
    const seconds = Number(locked.body.error.args.seconds);
    assert.ok(seconds > 0 && seconds <= 900, locked.text);
    assert.equal(locked.headers.get('retry-after'), String(seconds));
    // The username is case-insensitive, so is the lock.
    const upper = await new Client(server.url).tryLogin(acct.username.toUpperCase(), acct.password);
    assert.equal(upper.status, 429, upper.text);
    // Another account from the same address still signs in.
    const other = await new Client(server.url).tryLogin('agent');
    assert.equal(other.status, 200, other.text);
  });
});

describe('throttling resets', () => {
  test('a successful sign-in clears the account\'s failure count', async () => {
    const acct = await createAccount('reset');
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 3; i++) {
        assert.equal((await new Client(server.url).tryLogin(acct.username, 'Wrong-pass-99x')).status, 401);
      }
      assert.equal((await new Client(server.url).tryLogin(acct.username, acct.password)).status, 200, `round ${round}`);
    }
  });
});

describe('account changes take effect at once', () => {
  test('a role change applies to a live session', async () => {
    const acct = await createAccount('promote');
    const c = await loginAs(server, acct.username, acct.password);
    assert.equal((await c.get('/api/v1/departments')).status, 403);
    const r = await admin.patch(`/api/v1/staff/${acct.id}`, { roles: ['agent', 'quality'] });
    assert.equal(r.status, 200, r.text);
    assert.equal((await c.get('/api/v1/departments')).status, 200, 'promoted');
    assert.equal((await admin.patch(`/api/v1/staff/${acct.id}`, { roles: ['agent'] })).status, 200);
    assert.equal((await c.get('/api/v1/departments')).status, 403, 'demoted');
  });

  test('deactivating an account ends its sessions and stops its tokens; it cannot sign in', async () => {
    const acct = await createAccount('deact', 'Initial-pass-2026', ['quality']);
    const c = await loginAs(server, acct.username, acct.password);
    const tok = await admin.post('/api/v1/tokens', { name: 'deact', staff_id: acct.id, scopes: ['org.read'] });
    assert.equal(tok.status, 201, tok.text);
    const bearer = new Client(server.url, { bearer: tok.body.token });
    assert.equal((await bearer.get('/api/v1/departments')).status, 200);
    assert.equal((await admin.patch(`/api/v1/staff/${acct.id}`, { active: false })).status, 200);
    assert.equal((await c.get('/api/v1/me')).status, 401, 'the session ended');
    assert.equal((await bearer.get('/api/v1/departments')).status, 401, 'the token stopped');
    assert.equal((await new Client(server.url).tryLogin(acct.username, acct.password)).status, 401, 'no sign-in');
  });

  test('an administrator\'s password reset ends the account\'s sessions', async () => {
    const acct = await createAccount('reset-by-admin');
    const c = await loginAs(server, acct.username, acct.password);
    const r = await admin.patch(`/api/v1/staff/${acct.id}`, { password: 'Fresh-start-pw-2026' });
    assert.equal(r.status, 200, r.text);
    assert.equal((await c.get('/api/v1/me')).status, 401);
    assert.equal((await new Client(server.url).tryLogin(acct.username, 'Fresh-start-pw-2026')).status, 200);
  });

  test('a username signs in case-insensitively', async () => {
    assert.equal((await new Client(server.url).tryLogin('AGENT')).status, 200);
  });
});

describe('change password', () => {
  test('wrong current password, weak new password, then success ends the other sessions', async () => {
    const acct = await createAccount('pwchange');
    const a = await loginAs(server, acct.username, acct.password);
    const b = await loginAs(server, acct.username, acct.password);

    let r = await a.post('/api/v1/me/password', { current_password: 'Wrong-current-1', new_password: 'Brand-new-pass-2027' });
    assert.equal(r.status, 400, r.text);
    assert.equal(r.body.error.field, 'current_password');

    // The policy of issue 9: 12 or more characters, no common password or one built on it, no
    // repeated pattern, no username (letters-only passphrases are fine: no composition rules).
    for (const weak of ['short1', 'Password123', 'Password2026!', 'abc123abc123', '1234567890123', `${acct.username}-X9`]) {
      r = await a.post('/api/v1/me/password', { current_password: acct.password, new_password: weak });
      assert.equal(r.status, 400, `${weak}: ${r.text}`);
      assert.equal(r.body.error.field, 'new_password', weak);
    }

    r = await a.post('/api/v1/me/password', { current_password: acct.password, new_password: acct.password });
    assert.equal(r.status, 400, 'the new password must differ');
    assert.equal(r.body.error.field, 'new_password');

    r = await a.post('/api/v1/me/password', { current_password: acct.password }, {});
    assert.equal(r.status, 400);
    assert.equal(r.body.error.field, 'new_password');

    r = await a.post('/api/v1/me/password', { current_password: acct.password, new_password: 'Brand-new-pass-2027' });
    assert.equal(r.status, 204, r.text);

    assert.equal((await a.get('/api/v1/me')).status, 200, 'the session that changed it stays');
    assert.equal((await b.get('/api/v1/me')).status, 401, 'the other session is ended');

    assert.equal((await new Client(server.url).tryLogin(acct.username, acct.password)).status, 401, 'old password');
    assert.equal((await new Client(server.url).tryLogin(acct.username, 'Brand-new-pass-2027')).status, 200, 'new password');
  });

  test('five wrong current passwords in 15 minutes lock the check (429 with Retry-After), even for the right one', async () => {
    const acct = await createAccount('pwthrottle');
    const a = await loginAs(server, acct.username, acct.password);
    for (let i = 1; i <= 5; i++) {
      const r = await a.post('/api/v1/me/password', { current_password: `Wrong-current-${i}`, new_password: 'Brand-new-pass-2027' });
      assert.equal(r.status, 400, `guess ${i}: ${r.text}`);
      assert.equal(r.body.error.key, 'auth.current_password_wrong');
    }
    const locked = await a.post('/api/v1/me/password', { current_password: acct.password, new_password: 'Brand-new-pass-2027' });
    assert.equal(locked.status, 429, locked.text);
    assert.equal(locked.body.error.code, 'too_many_requests');
    assert.equal(locked.body.error.key, 'auth.too_many_password_checks');
    const retry = Number(locked.headers.get('retry-after'));
    assert.ok(retry > 0 && retry <= 900, `Retry-After ${locked.headers.get('retry-after')}`);
    assert.equal(locked.body.error.args.seconds, String(retry));
    // Nothing changed, and the lock is the check's own: signing in still works.
    assert.equal((await new Client(server.url).tryLogin(acct.username, acct.password)).status, 200);
  });

  test('a wrong current password and a weak new one are answered together', async () => {
    const acct = await createAccount('pwboth');
    const a = await loginAs(server, acct.username, acct.password);
    const r = await a.post('/api/v1/me/password', { current_password: 'Wrong-current-1', new_password: 'short1' });
    assert.equal(r.status, 400, r.text);
    assert.deepEqual(r.body.error.errors.map((e) => e.field), ['current_password', 'new_password']);
  });

  test('needs the CSRF header with a cookie session', async () => {
    const acct = await createAccount('pwcsrf');
    const a = await loginAs(server, acct.username, acct.password);
    const r = await a.post('/api/v1/me/password', { current_password: acct.password, new_password: 'Brand-new-pass-2027' },
      { csrf: false });
    assert.equal(r.status, 403, r.text);
    const wrong = await a.post('/api/v1/me/password', { current_password: acct.password, new_password: 'Brand-new-pass-2027' },
      { headers: { 'x-csrf-token': 'not-the-token' } });
    assert.equal(wrong.status, 403, wrong.text);
  });
});

describe('API tokens', () => {
  test('create, use as Bearer with narrowed scopes, list without the secret, revoke', async () => {
    const created = await admin.post('/api/v1/tokens', { name: 'read-only integration', scopes: ['org.read'] });
    assert.equal(created.status, 201, created.text);
    const secret = created.body.token;
    assert.match(secret, /^sqm_/);
    assert.deepEqual(created.body.scopes, ['org.read']);
    assert.equal(created.body.staff_id, admin.user.id);
    assert.equal(created.body.revoked_at, null);

    const bearer = new Client(server.url, { bearer: secret });
    let r = await bearer.get('/api/v1/departments');
    assert.equal(r.status, 200, r.text);
    assert.ok(r.body.items.length >= 9);
    r = await bearer.get('/api/v1/me');
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.username, 'admin');
    assert.deepEqual(r.body.permissions, ['org.read'], 'the token narrows the permissions');

    // admin holds these, the token does not: 403.
    r = await bearer.post('/api/v1/departments', { name: uniqueName('via-token') });
    assert.equal(r.status, 403, r.text);
    assert.equal((await bearer.get('/api/v1/events')).status, 403);
    assert.equal((await bearer.get('/api/v1/tokens')).status, 403);

    // The list shows the token but never its secret.
    const list = await admin.get('/api/v1/tokens');
    assert.equal(list.status, 200);
    const listed = list.body.items.find((t) => t.id === created.body.id);
    assert.ok(listed, 'the token is listed');
    assert.equal(listed.token, undefined);
    assert.ok(!list.text.includes(secret), 'the secret never appears in the list');

    const revoked = await admin.del(`/api/v1/tokens/${created.body.id}`);
    assert.equal(revoked.status, 204, revoked.text);
    r = await bearer.get('/api/v1/departments');
    assert.equal(r.status, 401, r.text);
    assert.equal((await admin.del(`/api/v1/tokens/${created.body.id}`)).status, 404, 'revoking twice');
  });

  test('a write-scoped token writes without a CSRF header', async () => {
    const created = await admin.post('/api/v1/tokens', { name: 'writer', scopes: ['org.read', 'org.write'] });
    assert.equal(created.status, 201, created.text);
    const bearer = new Client(server.url, { bearer: created.body.token });
    const r = await bearer.post('/api/v1/departments', { name: uniqueName('via-token') });
    assert.equal(r.status, 201, r.text);
    assert.equal((await admin.del(`/api/v1/tokens/${created.body.id}`)).status, 204);
  });

  test('a token for another account is limited to that account\'s permissions', async () => {
    const bad = await admin.post('/api/v1/tokens', { name: 'too much', staff_id: ids.staff.quality, scopes: ['org.write'] });
    assert.equal(bad.status, 400, bad.text);
    assert.equal(bad.body.error.field, 'scopes');
    const none = await admin.post('/api/v1/tokens', { name: 'nothing', scopes: [] });
    assert.equal(none.status, 400, none.text);
    assert.equal(none.body.error.field, 'scopes');
    const ok = await admin.post('/api/v1/tokens', { name: 'quality reader', staff_id: ids.staff.quality, scopes: ['audit.read'] });
    assert.equal(ok.status, 201, ok.text);
    const me = await new Client(server.url, { bearer: ok.body.token }).get('/api/v1/me');
    assert.equal(me.body.username, 'quality');
    assert.equal((await new Client(server.url, { bearer: ok.body.token }).get('/api/v1/events?limit=1')).status, 200);
    assert.equal((await new Client(server.url, { bearer: ok.body.token }).get('/api/v1/departments')).status, 403);
  });

  test('expired-at in the past and a bad date are rejected', async () => {
    let r = await admin.post('/api/v1/tokens', { name: 'old', scopes: ['org.read'], expires_at: '2001-01-01T00:00:00Z' });
    assert.equal(r.status, 400, r.text);
    assert.equal(r.body.error.field, 'expires_at');
    r = await admin.post('/api/v1/tokens', { name: 'bad', scopes: ['org.read'], expires_at: 'tomorrow' });
    assert.equal(r.status, 400, r.text);
    assert.equal(r.body.error.field, 'expires_at');
  });

  for (const [what, header] of [
    ['garbage bearer token', 'Bearer sqm_not-a-real-token'],
    ['empty bearer', 'Bearer '],
    ['Basic scheme', `Basic ${Buffer.from(`admin:${DEMO_PASSWORD}`).toString('base64')}`],
  ]) {
    test(`Authorization: ${what} gets 401`, async () => {
      const r = await new Client(server.url).get('/api/v1/departments', { headers: { authorization: header } });
      assert.equal(r.status, 401, r.text);
    });
  }

  test('a token stops working when it expires', async () => {
    const expires = new Date(Date.now() + 1500).toISOString();
    const made = await admin.post('/api/v1/tokens', { name: 'short-lived', scopes: ['org.read'], expires_at: expires });
    assert.equal(made.status, 201, made.text);
    assert.equal(made.body.expires_at, expires);
    const bearer = new Client(server.url, { bearer: made.body.token });
    assert.equal((await bearer.get('/api/v1/departments')).status, 200);
    await new Promise((resolve) => setTimeout(resolve, Date.parse(expires) - Date.now() + 100));
    assert.equal((await bearer.get('/api/v1/departments')).status, 401);
  });

  test('logout with a bearer token is a harmless 204', async () => {
    const made = await admin.post('/api/v1/tokens', { name: 'logout', scopes: ['org.read'] });
    const bearer = new Client(server.url, { bearer: made.body.token });
    assert.equal((await bearer.post('/api/v1/auth/logout')).status, 204);
    assert.equal((await bearer.get('/api/v1/departments')).status, 200, 'the token still works');
  });

  test('using a token records last_used_at', async () => {
    const made = await admin.post('/api/v1/tokens', { name: 'used', scopes: ['org.read'] });
    assert.equal(made.body.last_used_at, null);
    assert.equal((await new Client(server.url, { bearer: made.body.token }).get('/api/v1/departments')).status, 200);
    const listed = (await admin.get('/api/v1/tokens')).body.items.find((t) => t.id === made.body.id);
    assert.notEqual(listed.last_used_at, null, 'last_used_at is set after a request with the token');
  });

  test('an integration write repeated with the same Idempotency-Key is applied once', async () => {
    const made = await admin.post('/api/v1/tokens', { name: 'idempotent', scopes: ['org.read', 'org.write'] });
    const bearer = new Client(server.url, { bearer: made.body.token });
    const name = uniqueName('idem');
    const key = uniqueName('key');
    const first = await bearer.post('/api/v1/departments', { name }, { headers: { 'idempotency-key': key } });
    const again = await bearer.post('/api/v1/departments', { name }, { headers: { 'idempotency-key': key } });
    assert.equal(first.status, 201, first.text);
    assert.equal(again.status, 201, again.text);
    assert.equal(again.body.id, first.body.id, 'the same answer is replayed');
    const all = await admin.get('/api/v1/departments');
    assert.equal(all.body.items.filter((d) => d.name === name).length, 1, 'one department, not two');
  });

  test('Idempotency-Key: another request under a used key is a 409, a failed write can be retried', async () => {
    const made = await admin.post('/api/v1/tokens', { name: 'idempotent-2', scopes: ['org.read', 'org.write'] });
    const bearer = new Client(server.url, { bearer: made.body.token });
    const key = uniqueName('key');
    const first = await bearer.post('/api/v1/departments', { name: uniqueName('idem') }, { headers: { 'idempotency-key': key } });
    assert.equal(first.status, 201, first.text);
    const other = await bearer.post('/api/v1/departments', { name: uniqueName('idem') }, { headers: { 'idempotency-key': key } });
    assert.equal(other.status, 409, other.text);
    assert.equal(other.body.error.field, 'Idempotency-Key');
    assert.equal(other.body.error.key, 'idempotency.other_request');
    // A 4xx answer is kept like a success: the same bad request gets the same answer again.
    const badKey = uniqueName('key');
    const bad = await bearer.post('/api/v1/departments', { name: '' }, { headers: { 'idempotency-key': badKey } });
    assert.equal(bad.status, 400);
    const badAgain = await bearer.post('/api/v1/departments', { name: '' }, { headers: { 'idempotency-key': badKey } });
    assert.equal(badAgain.status, 400);
    assert.equal(badAgain.headers.get('idempotent-replayed'), 'true');
    // The key belongs to the account, whichever credential it uses: the session sees it too.
    const viaSession = await admin.post('/api/v1/departments', { name: uniqueName('idem') }, { headers: { 'idempotency-key': key } });
    assert.equal(viaSession.status, 409, viaSession.text);
    const invalid = await bearer.post('/api/v1/departments', { name: uniqueName('idem') }, { headers: { 'idempotency-key': 'a b' } });
    assert.equal(invalid.status, 400);
    assert.equal(invalid.body.error.field, 'Idempotency-Key');
  });

  test('non-admins cannot manage tokens', async () => {
    const q = await loginAs(server, 'quality');
    assert.equal((await q.get('/api/v1/tokens')).status, 403);
    assert.equal((await q.post('/api/v1/tokens', { name: 'x', scopes: ['org.read'] })).status, 403);
  });
});

describe('staff and department forms', () => {
  test('a new account with several problems gets all of them in one answer, each keyed', async () => {
    const r = await admin.post('/api/v1/staff', { username: 'agent', display_name: '', roles: [], password: 'short1' });
    assert.equal(r.status, 409, r.text); // the first problem is the taken username
    const fields = r.body.error.errors.map((e) => e.field).sort();
    assert.deepEqual(fields, ['department_id', 'display_name', 'password', 'roles', 'username']);
    const byField = Object.fromEntries(r.body.error.errors.map((e) => [e.field, e]));
    assert.equal(byField.username.key, 'staff.username_taken');
    assert.equal(byField.roles.key, 'staff.role_required');
    assert.equal(byField.department_id.key, 'staff.department_required');
    assert.equal(byField.display_name.key, 'field.required');
  });

  test('a department with a taken code under a missing parent gets both problems, keyed', async () => {
    const r = await admin.post('/api/v1/departments', { name: uniqueName('dept'), code: 'DESK', parent_id: 999999 });
    assert.equal(r.status, 409, r.text);
    assert.deepEqual(r.body.error.errors.map((e) => e.key).sort(), ['department.code_taken', 'department.no_such']);
    const busy = await admin.patch(`/api/v1/departments/${ids.departments.TECH}`, { active: false });
    assert.equal(busy.status, 409, busy.text);
    assert.equal(busy.body.error.key, 'department.has_active_children');
    assert.equal(busy.body.error.args.count, '2');
  });
});
