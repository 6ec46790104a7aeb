// Site checks over HTTP (issue 12): photos per item — the type sniffed from the bytes (an HTML page
// named x.jpg is refused whatever it declares), 5 MiB and 5 per item, only by the inspector while the
// inspection is open — served with the sniffed type, as an attachment, nosniff and
// `default-src 'none'`, to whoever sees the inspection (a covert one stays hidden from the inspected
// agent until it is published); and when and where the check was made, each part range-checked.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';

import { assertError } from './lib/desk.mjs';
import { DEMO_USERS, demoIds, loginAs, rawRequest, startServer, uniqueName } from './lib/server.mjs';

let server;
let ids;
let cardId;
const u = {};

// A 1×1 PNG, the start of a JPEG and a page that claims to be one.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0 a photo')]);
const HTML = Buffer.from('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>');

before(async () => {
  server = await startServer();
  for (const role of DEMO_USERS) u[role] = await loginAs(server, role);
  ids = await demoIds(u.admin);
  const card = await u.quality.post('/api/v1/scorecards', {
    name: uniqueName('门店巡检'),
    pass_mark: 60,
    sections: [
      {
        code: 's0',
        name: '环境',
        items: [
          { code: 'counter', name: '柜台整洁', scale: 'yes_no', max_points: 1 },
          { code: 'signage', name: '标识清楚', scale: 'yes_no', max_points: 1 },
        ],
      },
    ],
  });
  assert.equal(card.status, 201, card.text);
  cardId = card.body.id;
});

after(async () => {
  await server?.stop();
});

// A covert routine check of DESK with the agent inspected, by the evaluator engaged for DESK.
async function assign() {
  const r = await u.quality.post('/api/v1/inspections', {
    kind: 'routine_check', covert: true, scorecard_id: cardId, department_id: ids.departments.DESK,
    agent_id: ids.staff.agent, inspector_id: ids.staff.evaluator,
  });
  assert.equal(r.status, 201, r.text);
  return r.body.id;
}

function upload(client, id, item, body, contentType = 'application/octet-stream') {
  const query = item === undefined ? '' : `?item=${encodeURIComponent(item)}`;
  return client.request('POST', `/api/v1/inspections/${id}/photos${query}`, { body, contentType });
}

// The image with its bytes (the client's `text` would decode them as UTF-8).
async function download(client, id, photoId) {
  const res = await fetch(`${server.url}/api/v1/inspections/${id}/photos/${photoId}`, { headers: { cookie: client.cookieHeader() } });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

describe('photos', () => {
  let id;
  let png;

  before(async () => {
    id = await assign();
  });

  test('the inspector adds a photo to an item; the bytes decide its type', async () => {
    const r = await upload(u.evaluator, id, 'counter', PNG);
    assert.equal(r.status, 201, r.text);
    png = r.body;
    assert.equal(png.content_type, 'image/png');
    assert.equal(png.item, 'counter');
    assert.equal(png.size, PNG.length);
    assert.equal(png.sha256, createHash('sha256').update(PNG).digest('hex'));
    // Declared as PNG, sniffed as JPEG.
    const jpeg = await upload(u.evaluator, id, 'signage', JPEG, 'image/png');
    assert.equal(jpeg.status, 201, jpeg.text);
    assert.equal(jpeg.body.content_type, 'image/jpeg');
    const events = await u.admin.get(`/api/v1/events?entity=inspection&entity_id=${id}&type=inspection.photo_added`);
    assert.equal(events.body.items.length, 2, events.text);
    assert.equal(events.body.items.some((e) => e.data.sha256 === png.sha256), true);
  });

  test('not an image, an unknown item, too large, too many: each names its field and stores nothing', async () => {
    const html = await upload(u.evaluator, id, 'counter', HTML, 'image/jpeg');
    assertError(html, 400, 'file', 'an HTML page sent as image/jpeg');
    assert.equal(html.body.error.key, 'photo.not_an_image');
    assert.equal((await upload(u.evaluator, id, 'counter', HTML, 'text/html')).status, 415, 'text/html is refused before the body');
    assertError(await upload(u.evaluator, id, 'nope', PNG), 400, 'item');
    assertError(await upload(u.evaluator, id, undefined, PNG), 400, 'item');
    assertError(await upload(u.evaluator, id, 'counter', Buffer.alloc(0)), 400, 'file');
    // Over 5 MiB: refused from the Content-Length alone, before any of the body.
    const tooLarge = await rawRequest(server.url, {
      method: 'POST', path: `/api/v1/inspections/${id}/photos?item=counter`,
      headers: { cookie: u.evaluator.cookieHeader(), 'x-csrf-token': u.evaluator.csrf, 'content-type': 'image/jpeg', 'content-length': String(5 * 1024 * 1024 + 1) },
    });
    assert.equal(tooLarge.status, 413, tooLarge.text);
    assert.match(tooLarge.json.error.message, /larger than 5242880 bytes/);
    for (let k = 1; k < 5; k++) assert.equal((await upload(u.evaluator, id, 'counter', PNG)).status, 201);
    assertError(await upload(u.evaluator, id, 'counter', PNG), 409, 'item', 'a sixth photo of the item');
    const read = await u.evaluator.get(`/api/v1/inspections/${id}`);
    assert.equal(read.body.photos.filter((p) => p.item === 'counter').length, 5);
    assert.equal(read.body.photos.length, 6);
  });

  test('only the inspector adds or removes; roles without inspection.perform are refused before the body', async () => {
    assertError(await upload(u.quality, id, 'counter', PNG), 403, undefined, 'quality is not the inspector');
    for (const role of ['agent', 'engineer', 'customer']) assert.equal((await upload(u[role], id, 'counter', PNG)).status, 403, role);
    assertError(await u.quality.request('DELETE', `/api/v1/inspections/${id}/photos/${png.id}`), 403);
    assertError(await upload(u.evaluator, 999999, 'counter', PNG), 404);
  });

  test('served with the sniffed type, as an attachment, to whoever sees the inspection', async () => {
    const got = await download(u.evaluator, id, png.id);
    assert.equal(got.status, 200);
    assert.equal(got.headers.get('content-type'), 'image/png');
    assert.match(got.headers.get('content-disposition'), /^attachment; filename="photo-\d+\.png"$/);
    assert.equal(got.headers.get('x-content-type-options'), 'nosniff');
    assert.match(got.headers.get('content-security-policy'), /^default-src 'none'/);
    assert.ok(got.bytes.equals(PNG), 'the bytes as uploaded');
    assert.equal((await download(u.quality, id, png.id)).status, 200, 'quality manages DESK');
    // Covert: the inspected agent sees nothing before publication; another department nothing at all.
    assert.equal((await download(u.agent, id, png.id)).status, 404);
    assert.equal((await download(u.engineer, id, png.id)).status, 404);
    assert.equal((await download(u.evaluator, id, 999999)).status, 404);
  });

  test('a photo is removed while the inspection is open; after submission photos are fixed', async () => {
    const del = await u.evaluator.request('DELETE', `/api/v1/inspections/${id}/photos/${png.id}`);
    assert.equal(del.status, 204, del.text);
    assert.equal((await download(u.evaluator, id, png.id)).status, 404);
    const sub = await u.evaluator.post(`/api/v1/inspections/${id}/submit`, { answers: { counter: 1, signage: 0 } });
    assert.equal(sub.status, 200, sub.text);
    assertError(await upload(u.evaluator, id, 'counter', JPEG), 409, 'state');
    assert.equal((await u.quality.post(`/api/v1/inspections/${id}/publish`, {})).status, 200);
    const photos = (await u.agent.get(`/api/v1/inspections/${id}`)).body.photos;
    assert.equal(photos.length, 5);
    assert.equal((await download(u.agent, id, photos[0].id)).status, 200, 'the inspected agent sees them once published');
    assertError(await u.evaluator.request('DELETE', `/api/v1/inspections/${id}/photos/${photos[0].id}`), 409, 'state');
  });
});

describe('when and where', () => {
  test('each part is range-checked by field, kept, and shown on the inspection', async () => {
    const id = await assign();
    const put = (body) => u.evaluator.put(`/api/v1/inspections/${id}/answers`, { answers: { counter: 1 }, ...body });
    assertError(await put({ location: { latitude: 91, longitude: 121.47 } }), 400, 'location.latitude');
    assertError(await put({ location: { latitude: 31.23 } }), 400, 'location.longitude');
    assertError(await put({ location: { latitude: 31.23, longitude: 121.47, accuracy_m: -5 } }), 400, 'location.accuracy_m');
    assertError(await put({ checked_at: 'soon' }), 400, 'checked_at');
    assertError(await put({ checked_at: new Date(Date.now() + 3_600_000).toISOString() }), 400, 'checked_at');
    assert.equal((await u.quality.get(`/api/v1/inspections/${id}`)).body.state, 'assigned', 'nothing written');
    const at = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000).toISOString();
    const ok = await put({ checked_at: at, location: { latitude: 31.2304, longitude: 121.4737, accuracy_m: 12.5 } });
    assert.equal(ok.status, 200, ok.text);
    assert.equal(Date.parse(ok.body.checked_at), Date.parse(at));
    assert.deepEqual(ok.body.location, { latitude: 31.2304, longitude: 121.4737, accuracy_m: 12.5 });
    // A later draft without them keeps them; the submission may send them again.
    const later = await put({});
    assert.deepEqual(later.body.location, ok.body.location);
    const sub = await u.evaluator.post(`/api/v1/inspections/${id}/submit`, { answers: { counter: 1, signage: 1 }, location: null });
    assert.equal(sub.status, 200, sub.text);
    assert.equal(sub.body.checked_at, ok.body.checked_at);
    const seen = await u.quality.get(`/api/v1/inspections/${id}`);
    assert.deepEqual(seen.body.location, ok.body.location);
  });
});
