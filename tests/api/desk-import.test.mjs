// Ticket import over HTTP: the file job (POST /api/v1/tickets/imports, polled) and the bulk NDJSON
// route. Rejected rows are reported with their line, column, English reason and the reason's
// message key and args (translated by the web UI from web/src/i18n/reasons/import.*.json).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';

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
async function importFile(body, { contentType = 'text/csv', filename = 'tickets.csv', client = admin,
  timeoutMs = 10_000 } = {}) {
  const started = await client.post(`/api/v1/tickets/imports?filename=${encodeURIComponent(filename)}`, undefined,
    { body, contentType });
  assert.equal(started.status, 202, started.text);
  assert.equal(started.headers.get('location'), `/api/v1/tickets/imports/${started.body.id}`);
  for (const end = Date.now() + timeoutMs; Date.now() < end;) {
    const r = await client.get(`/api/v1/tickets/imports/${started.body.id}`);
    assert.equal(r.status, 200, r.text);
    if (r.body.status === 'done' || r.body.status === 'failed') return r.body;
    await sleep(50);
  }
  throw new Error(`the import did not finish within ${timeoutMs} ms`);
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

// GET as `client`, the body as bytes (the Client reads bodies as text).
function download(client, urlPath) {
  return fetch(client.baseUrl + urlPath, { headers: { cookie: client.cookieHeader() } });
}

describe('the import template (issue 14, item 8)', () => {
  test('CSV and XLSX, in either language, import back as they are', async () => {
    for (const [format, lang, first] of [['csv', 'en', 'type,channel,priority,title'], ['csv', 'zh-CN', '类型,渠道,优先级,标题'],
      ['xlsx', 'en', null], ['xlsx', 'zh-CN', null]]) {
      const r = await download(admin, `/api/v1/imports/template?format=${format}&lang=${lang}`);
      assert.equal(r.status, 200, `${format} ${lang}`);
      assert.match(r.headers.get('content-disposition'),
        new RegExp(`^attachment; filename="ticket-import-template-${lang}-\\d{8}\\.${format}"$`));
      const body = Buffer.from(await r.arrayBuffer());
      if (format === 'csv') {
        assert.match(r.headers.get('content-type'), /^text\/csv/);
        const lines = body.toString('utf8').replace(/^\uFEFF/, '').split('\r\n').filter(Boolean);
        assert.equal(lines.length, 2, 'the header and one example row');
        assert.ok(lines[0].startsWith(first), lines[0]);
      } else {
        assert.equal(r.headers.get('content-type'), XLSX);
        assert.equal(body.subarray(0, 2).toString('latin1'), 'PK');
      }
      const job = await importFile(body, format === 'csv' ? {} : { contentType: XLSX, filename: 'template.xlsx' });
      assert.equal(job.status, 'done', `${format} ${lang}: ${JSON.stringify(job.errors)}`);
      assert.equal(job.created_tickets, 1);
    }
  });

  test('it needs the permission of the import, and says what a bad parameter is', async () => {
    const anonymous = await fetch(`${server.url}/api/v1/imports/template?format=csv`);
    assert.equal(anonymous.status, 401);
    const evaluator = await loginAs(server, 'evaluator');
    assert.equal((await evaluator.get('/api/v1/imports/template?format=csv')).status, 403);
    const agent = await loginAs(server, 'agent');
    assert.equal((await download(agent, '/api/v1/imports/template?format=xlsx&lang=en')).status, 200);
    const bad = await admin.get('/api/v1/imports/template?format=pdf');
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.field, 'format');
    assert.equal(bad.body.error.key, 'import.format_csv_or_xlsx');
    const lang = await admin.get('/api/v1/imports/template?lang=fr');
    assert.equal(lang.status, 400);
    assert.equal(lang.body.error.field, 'lang');
  });
});

// A zip archive of `parts` ([name, Buffer]), each entry deflated: enough of the format for libzip.
function crc32(buf, crc = 0) {
  crc32.table ??= Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xEDB88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  crc = ~crc >>> 0;
  for (let i = 0; i < buf.length; i++) crc = crc32.table[(crc ^ buf[i]) & 0xFF] ^ (crc >>> 8);
  return ~crc >>> 0;
}

function zip(parts) {
  const locals = [];
  const central = [];
  let offset = 0;
  for (const [name, data] of parts) {
    const nameBuf = Buffer.from(name);
    const packed = zlib.deflateRawSync(data, { level: 9 });
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14); local.writeUInt32LE(packed.length, 18); local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0); entry.writeUInt16LE(20, 4); entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(8, 10); entry.writeUInt32LE(crc, 16); entry.writeUInt32LE(packed.length, 20);
    entry.writeUInt32LE(data.length, 24); entry.writeUInt16LE(nameBuf.length, 28); entry.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, packed);
    central.push(entry, nameBuf);
    offset += local.length + nameBuf.length + packed.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(parts.length, 8); end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(dir.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

// The server's resident memory and its peak so far, in MiB (Linux).
function memoryOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)[1]);
  return { rss: kib('VmRSS') / 1024, peak: kib('VmHWM') / 1024 };
}

describe('a zip bomb (issue 9, item 1)', () => {
  test('one 300 MiB shared string is refused fast, with bounded memory, and quoted nowhere', async () => {
    const cell = 300 << 20;
    const sst = Buffer.alloc(cell + 40, 'x');
    sst.write('<sst><si><t>', 0);
    sst.write('</t></si></sst>', cell + 12);
    const sheet = '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c>'
      + '<c r="B1" t="inlineStr"><is><t>渠道</t></is></c></row></sheetData></worksheet>';
    const bomb = zip([
      ['xl/workbook.xml', Buffer.from('<workbook xmlns:r="r"><sheets><sheet r:id="rId1"/></sheets></workbook>')],
      ['xl/sharedStrings.xml', sst.subarray(0, cell + 27)],
      ['xl/worksheets/sheet1.xml', Buffer.from(sheet)],
    ]);
    assert.ok(bomb.length < 1 << 20, `the bomb is ${bomb.length} bytes`);
    const before = memoryOf(server.pid);
    const started = Date.now();
    const job = await importFile(bomb, { contentType: XLSX, filename: 'bomb.xlsx', timeoutMs: 60_000 });
    const took = Date.now() - started;
    const after = memoryOf(server.pid);
    console.log(`zip bomb: ${bomb.length} bytes, refused in ${took} ms; server RSS ${before.rss.toFixed(0)} MiB `
      + `before, peak ${before.peak.toFixed(0)} -> ${after.peak.toFixed(0)} MiB`);
    assert.equal(job.status, 'failed');
    const e = job.errors.find((x) => x.key === 'import.header_cell_too_long');
    assert.ok(e, JSON.stringify(job.errors).slice(0, 2000));
    assert.equal(e.line, 1);
    assert.deepEqual(e.args, { position: '1' });
    assert.ok(JSON.stringify(job).length < 10_000, 'no part of the cell is in the job');
    assert.ok(after.peak - Math.max(before.peak, before.rss) < 100, `the peak grew ${after.peak - before.peak} MiB`);
    assert.ok(took < 30_000, `took ${took} ms`);
    const ev = await admin.get('/api/v1/events?type=import.failed&limit=1');
    assert.equal(ev.status, 200, ev.text);
    assert.ok(ev.text.length < 20_000, `the import.failed event is ${ev.text.length} bytes`);
    assert.ok(!ev.text.includes('xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'));
  });
});

describe('the rows of a file are bounded (issue 9)', () => {
  let small;
  let quality;
  before(async () => {
    small = await startServer({ serveArgs: ['--import-max-rows', '50'] });
    quality = await loginAs(small, 'quality');
  });
  after(async () => {
    await small?.stop();
  });
  const rows = (n, tag) => Array.from({ length: n }, (_, i) => `咨询,电话,${tag} ${i},2026-01-05 09:30\n`).join('');

  test('a file at the limit imports; one row more is refused with one keyed error naming the limit', async () => {
    const header = '类型,渠道,标题,创建时间\n';
    const fits = await importFile(header + rows(50, uniqueName('fits')), { client: quality });
    assert.equal(fits.status, 'done', JSON.stringify(fits.errors));
    assert.equal(fits.created_tickets, 50);

    const tag = uniqueName('over');
    const over = await importFile(header + rows(51, tag), { client: quality });
    assert.equal(over.status, 'failed');
    assert.equal(over.created_tickets, 0);
    assert.equal(over.error_count, 1);
    assert.deepEqual(over.errors, [{ line: 0, column: '',
      reason: 'the file has more than 50 rows; import it as several files of at most 50 rows each',
      key: 'import.too_many_rows', args: { limit: '50' } }]);
    const found = await quality.get(`/api/v1/tickets?q=${encodeURIComponent(tag)}`);
    assert.equal(found.status, 200, found.text);
    assert.equal(found.body.items.length, 0, 'nothing of the refused file was imported');
  });

  test('a large file is refused at the row after the limit: its broken end is never read', async () => {
    // 300,000 rows (about 11 MB) and an unterminated quote at the end.
    const body = `类型,渠道,标题,创建时间\n${rows(300_000, 'big')}咨询,电话,"never closed\n`;
    const before = memoryOf(small.pid);
    const started = Date.now();
    const job = await importFile(body, { client: quality, timeoutMs: 60_000 });
    const after = memoryOf(small.pid);
    console.log(`300,000 rows (${(body.length / 1048576).toFixed(1)} MiB) at a limit of 50: refused in ${Date.now() - started} ms; `
      + `server peak RSS ${before.peak.toFixed(0)} -> ${after.peak.toFixed(0)} MiB`);
    assert.equal(job.status, 'failed');
    assert.equal(job.error_count, 1, JSON.stringify(job.errors));
    assert.equal(job.errors[0].key, 'import.too_many_rows');
    assert.equal(job.total, 50, 'rows read before the refusal');
    assert.ok(after.peak - Math.max(before.peak, before.rss) < 100, `the peak grew ${after.peak - before.peak} MiB`);
  });
});

describe('an upload goes to a file without a name, and nothing of it is left behind (issue 9)', () => {
  let up;
  let quality;
  let dir;
  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'sqm-uploads-'));
    up = await startServer({ serveArgs: ['--upload-dir', dir] });
    quality = await loginAs(up, 'quality');
  });
  after(async () => {
    await up?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  // The server's descriptors open on a file in the upload folder (one without a name reads as
  // "<dir>/#12345 (deleted)").
  const uploadFds = () => readdirSync(`/proc/${up.pid}/fd`).map((fd) => {
    try { return { fd, target: readlinkSync(`/proc/${up.pid}/fd/${fd}`) }; } catch { return { fd, target: '' }; }
  }).filter((x) => x.target.startsWith(`${dir}/`));
  const nothingLeft = async (what) => {
    for (let i = 0; i < 100 && uploadFds().length > 0; ++i) await sleep(50);  // a job lets go as it ends
    assert.deepEqual(uploadFds(), [], `${what}: the server still holds an upload`);
    assert.deepEqual(readdirSync(dir), [], `${what}: a file is left in the upload folder`);
  };
  const header = '类型,渠道,标题,创建时间\n';

  test('after a good file, rejected rows, a refused upload and an aborted one', async () => {
    const ok = await importFile(`${header}咨询,电话,${uniqueName('up')},2026-01-05 09:30\n`, { client: quality });
    assert.equal(ok.status, 'done', JSON.stringify(ok.errors));
    await nothingLeft('a good file');

    const template = await download(quality, '/api/v1/imports/template?format=xlsx&lang=en');
    assert.equal(template.status, 200);
    const xlsx = await importFile(Buffer.from(await template.arrayBuffer()), { client: quality, contentType: XLSX,
      filename: 't.xlsx' });
    assert.equal(xlsx.status, 'done', JSON.stringify(xlsx.errors));
    await nothingLeft('an XLSX file');

    const bad = await importFile(`${header}咨询,fax,x,2026-01-05 09:30\n`, { client: quality });
    assert.equal(bad.status, 'failed');
    assert.equal(bad.errors[0].key, 'import.unknown_channel');
    await nothingLeft('rejected rows');

    const refused = await quality.post('/api/v1/tickets/imports?filename=a%2Fb.csv', undefined,
      { body: `${header}咨询,电话,x,2026-01-05 09:30\n`, contentType: 'text/csv' });
    assert.equal(refused.status, 400, refused.text);
    assert.equal(refused.body.error.field, 'filename');
    await nothingLeft('an upload refused after its body');

    // An upload cut off half-way: while it arrives it is in a private file without a name, not in
    // memory; when the connection drops the file goes with it.
    const socket = net.connect(up.port, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.on('error', () => {});
    socket.write(['POST /api/v1/tickets/imports?filename=cut.csv HTTP/1.1', `Host: 127.0.0.1:${up.port}`,
      'Content-Type: text/csv', `Content-Length: ${8 << 20}`, `Cookie: ${quality.cookieHeader()}`,
      `X-CSRF-Token: ${quality.csrf}`, '', ''].join('\r\n'));
    socket.write(Buffer.alloc(1 << 20, 'x'));
    let open = [];
    for (let i = 0; i < 100 && open.length === 0; ++i) {
      await sleep(50);
      open = uploadFds();
    }
    assert.ok(open.length > 0, 'the body is written to a file as it arrives');
    assert.equal(new Set(open.map((x) => x.target)).size, 1, 'one file (the server and its parser each hold it)');
    assert.match(open[0].target, / \(deleted\)$/, 'the file has no name');
    assert.equal(statSync(`/proc/${up.pid}/fd/${open[0].fd}`).mode & 0o777, 0o600);
    assert.deepEqual(readdirSync(dir), []);
    socket.destroy();
    await nothingLeft('an aborted upload');
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
