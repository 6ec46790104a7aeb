// Ticket import over HTTP: the file job (POST /api/v1/tickets/imports, polled) and the bulk NDJSON
// route. Rejected rows are reported with their line, column, English reason and the reason's
// message key and args (translated by the web UI from web/src/i18n/reasons/import.*.json).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { spawnSync } from 'node:child_process';

import { createDatabase, loginAs, ON_POSTGRES, sleep, sqlite3, startServer, uniqueName } from './lib/server.mjs';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let server;
let admin;

before(async () => {
  server = await startServer();
  admin = await loginAs(server, 'admin');
});

after(async () => {
  await server?.stop();
});

// Starts an import and polls it until it has finished: the final job.
async function importFile(body, { contentType = 'text/csv', filename = 'tickets.csv', client = admin } = {}) {
  const started = await client.post(`/api/v1/tickets/imports?filename=${encodeURIComponent(filename)}`, undefined,
    { body, contentType });
  assert.equal(started.status, 202, started.text);
  assert.equal(started.headers.get('location'), `/api/v1/tickets/imports/${started.body.id}`);
  for (let i = 0; i < 200; i++) {
    const r = await client.get(`/api/v1/tickets/imports/${started.body.id}`);
    assert.equal(r.status, 200, r.text);
    if (r.body.status === 'done' || r.body.status === 'failed') return r.body;
    await sleep(50);
  }
  throw new Error('the import did not finish within 10 s');
}

describe('file import', () => {
  test('a good file imports', async () => {
    const job = await importFile(`类型,渠道,标题,创建时间\n咨询,电话,${uniqueName('询问')},2026-01-05 09:30\n`);
    assert.equal(job.status, 'done', JSON.stringify(job.errors));
    assert.equal(job.created_tickets, 1);
    assert.deepEqual(job.errors, []);
  });

  test('a rejected row carries its line, column, reason, key and args', async () => {
    const job = await importFile('类型,渠道,标题,创建时间\n咨询,电话,ok,2026-01-05 09:30\n咨询,fax,x,2026-01-05 09:30\n');
    assert.equal(job.status, 'failed');
    assert.equal(job.created_tickets, 0);
    assert.equal(job.error_count, 1);
    const [e] = job.errors;
    assert.equal(e.line, 3);
    assert.equal(e.column, '渠道');
    assert.match(e.reason, /^unknown channel 'fax'; use phone/);
    assert.equal(e.key, 'import.unknown_channel');
    assert.deepEqual(e.args, { value: 'fax' });
  });

  test('a problem of the whole file has a key too', async () => {
    const job = await importFile('type,title\nincident,x\n', { contentType: XLSX, filename: 'tickets.xlsx' });
    assert.equal(job.status, 'failed');
    const [e] = job.errors;
    assert.equal(e.line, 0);
    assert.equal(e.column, '');
    assert.match(e.reason, /not an XLSX workbook/);
    assert.equal(e.key, 'import.xlsx_not_zip');
    assert.deepEqual(e.args, {});
  });

  test('header problems name the column and carry its names as args', async () => {
    const job = await importFile('类型,标题,创建时间\n咨询,x,2026-01-05 09:30\n');
    assert.equal(job.status, 'failed');
    const e = job.errors.find((x) => x.key === 'import.column_missing');
    assert.ok(e, JSON.stringify(job.errors));
    assert.equal(e.line, 1);
    assert.deepEqual(e.args, { column: 'channel', column_zh: '渠道' });
    assert.equal(e.reason, 'the header has no channel (渠道) column, which is required');
  });
});

describe('bulk NDJSON', () => {
  test('every bad line is reported with its field, key and args', async () => {
    const body = [
      JSON.stringify({ type: 'consultation', channel: 'api', title: 'fine' }),
      JSON.stringify({ type: 'consultation', channel: 'fax', title: 'bad channel' }),
      '[1, 2]',
      JSON.stringify({ type: 'consultation', channel: 'api', title: 'x', colour: 'red' }),
    ].join('\n');
    const r = await admin.post('/api/v1/tickets/bulk', undefined, { body, contentType: 'application/x-ndjson' });
    assert.equal(r.status, 400, r.text);
    assert.equal(r.body.error_count, 3);
    const byLine = Object.fromEntries(r.body.errors.map((e) => [e.line, e]));
    assert.deepEqual(byLine[2], {
      line: 2, field: 'channel', reason: byLine[2].reason, key: 'import.unknown_channel', args: { value: 'fax' },
    });
    assert.match(byLine[2].reason, /^unknown channel 'fax'/);
    assert.equal(byLine[3].key, 'import.not_an_object');
    assert.equal(byLine[3].field, '');
    assert.equal(byLine[4].key, 'import.unknown_field');
    assert.equal(byLine[4].field, 'colour');
  });
});

// One SQL statement on the database of `dbPath` (valid on SQLite and PostgreSQL).
function runSql(dbPath, sql) {
  const r = ON_POSTGRES
    ? spawnSync('psql', [dbPath, '-X', '-q', '-t', '-A', '-v', 'ON_ERROR_STOP=1', '-c', sql], { encoding: 'utf8' })
    : sqlite3(dbPath, sql);
  assert.ok(r, 'the sqlite3 command-line tool is needed');
  assert.equal(r.status ?? r.code, 0, r.stderr);
  return r.stdout.trim();
}

describe('import jobs are rows: any server answers for them', () => {
  test('another server (on SQLite: the next one on the file) answers for a finished job', async () => {
    const db = createDatabase();
    const first = await startServer({ dbPath: db.dbPath });
    let second;
    try {
      const quality = await loginAs(first, 'quality');
      const job = await importFile(`类型,渠道,标题,创建时间\n咨询,电话,${uniqueName('别处')},2026-01-05 09:30\n`,
        { client: quality });
      assert.equal(job.status, 'done', JSON.stringify(job.errors));
      // Two servers on one SQLite file would each keep an event chain of their own: there, the
      // second starts once the first has stopped (a restart no longer forgets the job).
      if (!ON_POSTGRES) await first.stop();
      second = await startServer({ dbPath: db.dbPath });
      const there = await loginAs(second, 'quality');
      const r = await there.get(`/api/v1/tickets/imports/${job.id}`);
      assert.equal(r.status, 200, r.text);
      assert.deepEqual(r.body, job);
      const agent = await loginAs(second, 'agent');
      assert.equal((await agent.get(`/api/v1/tickets/imports/${job.id}`)).status, 404, 'only its starter sees it');
    } finally {
      await second?.stop();
      await first.stop();
      db.cleanup();
    }
  });

  test('a job whose server stopped long ago is failed, with a key', async () => {
    const me = await admin.get('/api/v1/me');
    assert.equal(me.status, 200, me.text);
    const id = 990000000 + Math.floor(Math.random() * 1000000);
    runSql(server.dbPath, `INSERT INTO import_jobs (id, created_by, created_at, updated_at, filename, format, status,
      phase, rows_total, server, heartbeat_at) VALUES (${id}, ${me.body.id}, 1000, 1000, 'lost.csv', 'csv',
      'validating', 'validating', 10, 'gone:1', 1000)`);
    const r = await admin.get(`/api/v1/tickets/imports/${id}`);
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.status, 'failed');
    assert.equal(r.body.filename, 'lost.csv');
    assert.equal(r.body.error_count, 1);
    assert.equal(r.body.errors[0].key, 'import.server_lost');
    assert.deepEqual(r.body.errors[0].args, { server: 'gone:1' });
    assert.match(r.body.errors[0].reason, /nothing was written/);
  });
});
