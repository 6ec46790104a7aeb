// External survey agencies and open text over HTTP: an agency file (CSV) with bad rows is refused
// whole with each problem's line, column and reason; fixed, it imports and its answers count in the
// results (filtered by source) and the trend; the template downloads in both languages; the topic
// dictionary tags answers at read (an edit applies at once); the search escapes % and _; answers
// come back as written (no HTML made of them); permissions. The upload streams to a file without a
// name in --upload-dir, after the credentials passed, and nothing of it is left behind (issue 9).
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readlinkSync, rmSync, statSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { actOk, register, startDeskServer } from './lib/desk.mjs';
import { sleep, uniqueName } from './lib/server.mjs';

let ctx;
let u;
let ticket;
let uploads;

before(async () => {
  uploads = mkdtempSync(path.join(os.tmpdir(), 'sqm-agency-uploads-'));
  ctx = await startDeskServer(['admin', 'quality', 'manager', 'agent'], { serveArgs: ['--upload-dir', uploads] });
  u = ctx.users;
  const t = await register(u.agent, { customer_id: ctx.desk.otherCustomers[0].id, category_id: ctx.desk.leaves[0].id });
  await actOk(u.agent, t.id, 'accept');
  ticket = await actOk(u.agent, t.id, 'resolve', { note: 'done' }, 'resolved');
});

after(async () => {
  await ctx?.server.stop();
  if (uploads) rmSync(uploads, { recursive: true, force: true });
});

const iso = (t) => new Date(t).toISOString();

function upload(client, csv, filename = 'agency.csv') {
  return client.post(`/api/v1/survey-agency-imports?filename=${encodeURIComponent(filename)}`, undefined, {
    body: csv,
    contentType: 'text/csv',
  });
}

const agency = uniqueName('测评公司');
const marker = uniqueName('marker');

describe('agency import', () => {
  test('bad rows are reported with line, column and reason, and nothing is written', async () => {
    const before = await u.quality.get('/api/v1/survey-results?source=agency');
    assert.equal(before.status, 200, before.text);
    const csv = [
      '测评机构,调查日期,工单编号,部门,满意度评分,满意度,推荐度,意见',
      `${agency},2026-03-01,${ticket.number},,5,满意,9,态度很好 ${marker}`,
      `${agency},2026-03-01,,DESK,7,,,`,
      `${agency},2026-03-01,T999999,,4,,,`,
      `${agency},not a date,,NOPE,,,,`,
    ].join('\r\n');
    const r = await upload(u.quality, csv);
    assert.equal(r.status, 400, r.text);
    const got = r.body.error.errors.map((e) => [e.line, e.column, e.key]);
    assert.deepEqual(got, [
      [3, '满意度评分', 'agency.bad_score'],
      [5, '调查日期', 'agency.bad_date'],
    ]);
    assert.equal(r.body.error_count, 2);
    assert.match(r.body.error.errors[0].message, /from 1 to 5/);
    // The reader's problems are found before the rows are resolved; nothing was written.
    const after = await u.quality.get('/api/v1/survey-results?source=agency');
    assert.equal(after.body.agency_answers, before.body.agency_answers);
  });

  test('unknown tickets and departments are reported too; fixed, the file imports', async () => {
    const bad = [
      'agency,surveyed_on,ticket,department,csat,satisfaction,nps,comment',
      `${agency},2026-03-01,T999999,,4,,,`,
      `${agency},2026-03-01,,NOPE,4,,,`,
    ].join('\n');
    const r = await upload(u.quality, bad);
    assert.equal(r.status, 400, r.text);
    assert.deepEqual(
      r.body.error.errors.map((e) => [e.line, e.column, e.key]),
      [
        [2, 'ticket', 'agency.unknown_ticket'],
        [3, 'department', 'agency.unknown_department'],
      ],
    );

    const good = [
      '测评机构,调查日期,工单编号,部门,满意度评分,满意度,推荐度,意见',
      `${agency},2026-03-01,${ticket.number},,5,满意,9,态度很好 ${marker}`,
      `${agency},2026-03-02,,DESK,2,,3,收费太贵 100%_off <b>x</b>`,
      `${agency},2026-03-03,,DESK,,不满意,,`,
    ].join('\r\n');
    const ok = await upload(u.quality, good);
    assert.equal(ok.status, 201, ok.text);
    assert.equal(ok.body.rows, 3);

    const res = await u.quality.get('/api/v1/survey-results?source=agency&from=2026-03-01T00:00:00%2B08:00&to=2026-03-04T00:00:00%2B08:00');
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.agency_answers, 3);
    assert.equal(res.body.csat.n, 2);
    assert.equal(res.body.csat.successes, 1);
    assert.equal(res.body.nps.n, 2);
    assert.equal(res.body.nps.promoters, 1);
    assert.equal(res.body.nps.detractors, 1);
    // satisfaction: CSAT 5 yes, CSAT 2 no, 不满意 no.
    assert.equal(res.body.satisfaction.n, 3);
    assert.equal(res.body.satisfaction.successes, 1);
    assert.equal(res.body.response_rate.n, 0, 'agency answers are never in the response rate');
    const desk = res.body.by_department.find((g) => g.label && g.satisfaction.n >= 2);
    assert.ok(desk, 'attributed to the department');

    // Another source leaves them out.
    const link = await u.quality.get('/api/v1/survey-results?source=link&from=2026-03-01T00:00:00%2B08:00&to=2026-03-04T00:00:00%2B08:00');
    assert.equal(link.body.agency_answers, 0);
    const bad2 = await u.quality.get('/api/v1/survey-results?source=phone');
    assert.equal(bad2.status, 400);
    assert.equal(bad2.body.error.field, 'source');

    const trend = await u.quality.get('/api/v1/survey-results/trend?bucket=month&source=agency&from=2026-03-01T00:00:00%2B08:00&to=2026-04-01T00:00:00%2B08:00');
    assert.equal(trend.status, 200, trend.text);
    assert.equal(trend.body.items.length, 1);
    assert.equal(iso(trend.body.items[0].start), iso('2026-03-01T00:00:00+08:00'));
    assert.equal(trend.body.items[0].csat.n, 2);
    const week = await u.quality.get('/api/v1/survey-results/trend?bucket=week&source=agency&from=2026-03-01T00:00:00%2B08:00&to=2026-04-01T00:00:00%2B08:00');
    // 2026-03-01 is a Sunday: its week starts on Monday 2026-02-23; the 2nd and 3rd are the next week.
    assert.deepEqual(week.body.items.map((p) => [iso(p.start), p.satisfaction.n]), [
      [iso('2026-02-23T00:00:00+08:00'), 1],
      [iso('2026-03-02T00:00:00+08:00'), 2],
    ]);
    const badBucket = await u.quality.get('/api/v1/survey-results/trend?bucket=day');
    assert.equal(badBucket.status, 400);
    assert.equal(badBucket.body.error.field, 'bucket');
  });

  test('the template downloads in both languages and imports as it is shaped', async () => {
    const zh = await u.quality.get('/api/v1/survey-agency-imports/template?lang=zh-CN');
    assert.equal(zh.status, 200);
    assert.match(zh.headers.get('content-type'), /text\/csv/);
    assert.match(zh.text, /^\uFEFF?测评机构,调查日期,工单编号,部门,满意度评分,满意度,推荐度,意见\r\n/);
    const en = await u.quality.get('/api/v1/survey-agency-imports/template?lang=en');
    assert.match(en.text, /^\uFEFF?agency,surveyed_on,ticket,department,csat,satisfaction,nps,comment\r\n/);
  });

  test('a file that is not CSV or XLSX is 415; only feedback.manage imports', async () => {
    const r = await u.quality.post('/api/v1/survey-agency-imports', undefined, { body: 'x', contentType: 'text/plain' });
    assert.equal(r.status, 415);
    const agent = await upload(u.agent, 'agency,surveyed_on,department,csat\nA,2026-03-01,DESK,5\n');
    assert.equal(agent.status, 403);
  });
});

describe('the upload goes to a file, after the credentials (issue 9)', () => {
  // A raw connection to the server: what it answers, and when it closes.
  async function connect() {
    const socket = net.connect(ctx.server.port, '127.0.0.1');
    const state = { data: '', closed: false };
    socket.setEncoding('latin1');
    socket.on('data', (c) => { state.data += c; });
    socket.on('error', () => {});
    socket.on('close', () => { state.closed = true; });
    await new Promise((resolve) => socket.once('connect', resolve));
    return { socket, state };
  }
  async function until(pred, ms, what) {
    for (const end = Date.now() + ms; !pred();) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      await sleep(20);
    }
  }
  // The server's descriptors open on a file in the upload folder (one without a name reads as
  // "<dir>/#12345 (deleted)").
  const uploadFds = () => readdirSync(`/proc/${ctx.server.pid}/fd`).map((fd) => {
    try {
      return { fd, target: readlinkSync(`/proc/${ctx.server.pid}/fd/${fd}`) };
    } catch {
      return { fd, target: '' };
    }
  }).filter((x) => x.target.startsWith(`${uploads}/`));
  const nothingLeft = async (what) => {
    for (let i = 0; i < 100 && uploadFds().length > 0; ++i) await sleep(50);
    assert.deepEqual(uploadFds(), [], `${what}: the server still holds an upload`);
    assert.deepEqual(readdirSync(uploads), [], `${what}: a file is left in the upload folder`);
  };

  test('no cookie and a 50 MiB Content-Length: 401 at once, the body unread', async () => {
    const c = await connect();
    const start = Date.now();
    c.socket.write('POST /api/v1/survey-agency-imports?filename=a.csv HTTP/1.1\r\nHost: x\r\n'
      + `Content-Type: text/csv\r\nContent-Length: ${50 * 1024 * 1024}\r\n\r\n`);
    c.socket.write('agency,surveyed_on,department,csat\n'); // a little of the body; the rest never comes
    await until(() => c.state.data.includes('\r\n\r\n'), 3000, 'the answer');
    assert.match(c.state.data, /^HTTP\/1\.1 401 /, c.state.data);
    assert.ok(Date.now() - start < 2000, `answered in ${Date.now() - start} ms`);
    assert.match(c.state.data, /\r\nConnection: close/i);
    await until(() => c.state.closed, 5000, 'the close'); // the body stays unread
    assert.deepEqual(readdirSync(uploads), []);
    c.socket.destroy();
  });

  test('after a good file, rejected rows, an XLSX, a refused upload and a cut one, nothing is left', async () => {
    const header = 'agency,surveyed_on,department,csat\n';
    const ok = await upload(u.quality, `${header}${uniqueName('A')},2026-03-05,DESK,4\n`);
    assert.equal(ok.status, 201, ok.text);
    assert.equal(ok.body.rows, 1);
    await nothingLeft('a good file');

    const bad = await upload(u.quality, `${header}A,2026-03-05,DESK,9\n`);
    assert.equal(bad.status, 400, bad.text);
    assert.deepEqual(bad.body.error.errors.map((e) => [e.line, e.key]), [[2, 'agency.bad_score']]);
    await nothingLeft('rejected rows');

    // An XLSX read from the file: the ticket import's template, whose columns are not an agency's.
    const template = await fetch(`${ctx.server.url}/api/v1/imports/template?format=xlsx&lang=en`,
      { headers: { cookie: u.quality.cookieHeader() } });
    assert.equal(template.status, 200);
    const xlsx = await u.quality.post('/api/v1/survey-agency-imports?filename=t.xlsx', undefined, {
      body: Buffer.from(await template.arrayBuffer()),
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    assert.equal(xlsx.status, 400, xlsx.text);
    assert.equal(xlsx.body.error.errors[0].line, 1);
    assert.equal(xlsx.body.error.errors[0].key, 'agency.unknown_column');
    await nothingLeft('an XLSX file');

    const refused = await upload(u.quality, `${header}A,2026-03-05,DESK,4\n`, 'a/b.csv');
    assert.equal(refused.status, 400, refused.text);
    assert.equal(refused.body.error.field, 'filename');
    assert.equal(refused.body.error.key, 'agency.bad_filename');
    await nothingLeft('an upload refused after its body');

    // Cut off half-way: while it arrives it is in a private file without a name, not in memory;
    // when the connection drops the file goes with it.
    const c = await connect();
    c.socket.write(['POST /api/v1/survey-agency-imports?filename=cut.csv HTTP/1.1', 'Host: x',
      'Content-Type: text/csv', `Content-Length: ${8 << 20}`, `Cookie: ${u.quality.cookieHeader()}`,
      `X-CSRF-Token: ${u.quality.csrf}`, '', ''].join('\r\n'));
    c.socket.write(Buffer.alloc(1 << 20, 'x'));
    let open = [];
    for (let i = 0; i < 100 && open.length === 0; ++i) {
      await sleep(50);
      open = uploadFds();
    }
    assert.ok(open.length > 0, 'the body is written to a file as it arrives');
    assert.match(open[0].target, / \(deleted\)$/, 'the file has no name');
    assert.equal(statSync(`/proc/${ctx.server.pid}/fd/${open[0].fd}`).mode & 0o777, 0o600);
    assert.deepEqual(readdirSync(uploads), []);
    c.socket.destroy();
    await nothingLeft('a cut upload');
  });
});

describe('open text', () => {
  test('topics are tagged at read and counted; an edited dictionary applies at once', async () => {
    const topics = await u.manager.get('/api/v1/survey-topics');
    assert.equal(topics.status, 200, topics.text);
    const keys = topics.body.topics.map((t) => t.key);
    for (const k of ['attitude', 'speed', 'expertise', 'fees', 'environment']) assert.ok(keys.includes(k), k);

    const summary = await u.quality.get('/api/v1/survey-texts/summary?source=agency');
    assert.equal(summary.status, 200, summary.text);
    const count = (s, key) => s.body.topics.find((t) => t.key === key).count;
    assert.ok(count(summary, 'attitude') >= 1);
    assert.ok(count(summary, 'fees') >= 1);
    assert.ok(summary.body.words.some((w) => w.word === '态度' && w.keyword));

    const edited = topics.body.topics.concat([{ key: 'discount', label: { zh: '优惠', en: 'Discount' }, keywords: ['off', '优惠'] }]);
    const saved = await u.quality.put('/api/v1/survey-topics', { topics: edited });
    assert.equal(saved.status, 200, saved.text);
    const again = await u.quality.get('/api/v1/survey-texts/summary?source=agency');
    assert.ok(count(again, 'discount') >= 1, 'the new topic tags old answers');
    const tagged = await u.quality.get('/api/v1/survey-texts?topic=discount');
    assert.ok(tagged.body.items.every((t) => t.topics.includes('discount')));
    assert.ok(tagged.body.items.length >= 1);

    const badDict = await u.quality.put('/api/v1/survey-topics', {
      topics: [{ key: 'Bad Key', label: { zh: '', en: 'x' }, keywords: [] }],
    });
    assert.equal(badDict.status, 400);
    const fields = badDict.body.error.errors.map((e) => e.field);
    assert.deepEqual(fields, ['topics[0].key', 'topics[0].label.zh', 'topics[0].keywords']);
    const byManager = await u.manager.put('/api/v1/survey-topics', { topics: edited });
    assert.equal(byManager.status, 403);
    await u.quality.put('/api/v1/survey-topics', { topics: topics.body.topics });
  });

  test('search finds answers, escapes % and _, and returns text as written', async () => {
    const found = await u.quality.get(`/api/v1/survey-texts?q=${encodeURIComponent(marker)}`);
    assert.equal(found.status, 200, found.text);
    assert.equal(found.body.items.length, 1);
    assert.equal(found.body.items[0].source, 'agency');
    assert.equal(found.body.items[0].agency, agency);
    assert.equal(found.body.items[0].ticket_number, ticket.number);
    assert.ok(found.body.items[0].topics.includes('attitude'));

    const percent = await u.quality.get(`/api/v1/survey-texts?q=${encodeURIComponent('100%_off')}`);
    assert.equal(percent.body.items.length, 1);
    assert.equal(percent.body.items[0].text, '收费太贵 100%_off <b>x</b>', 'stored and returned as written');
    // % and _ match themselves only: "0%_o" is in it, "1_0" (a wildcard _) is not.
    const wildcard = await u.quality.get(`/api/v1/survey-texts?q=${encodeURIComponent('1_0')}`);
    assert.equal(wildcard.body.items.length, 0);
    const everything = await u.quality.get(`/api/v1/survey-texts?q=${encodeURIComponent('%')}`);
    assert.ok(everything.body.items.every((t) => t.text.includes('%')));

    const unknownTopic = await u.quality.get('/api/v1/survey-texts?topic=nope');
    assert.equal(unknownTopic.status, 400);
    assert.equal(unknownTopic.body.error.field, 'topic');
    const callback = await u.quality.get('/api/v1/survey-texts?source=callback');
    assert.equal(callback.status, 400);
    const agent = await u.agent.get('/api/v1/survey-texts');
    assert.equal(agent.status, 403);
  });
});
