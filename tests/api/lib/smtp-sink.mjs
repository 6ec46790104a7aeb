// A tiny SMTP sink for the API tests (node built-ins only): it accepts every message on a free
// port of 127.0.0.1 and keeps it, decoded (RFC 2047 subject, base64 or plain body), so a test can
// wait for a mail and follow its link. Recipients containing "refuse" are refused (550), to test
// a failed delivery. Replies are one line each; commands and the message are bounded (1 MiB).
// With `dir`, every mail is also written there as one JSON file, for readers in other processes
// (the browser specs: their global set-up starts the sink, the specs run in workers).
import { writeFileSync } from 'node:fs';
import net from 'node:net';
import { join } from 'node:path';

const MAX_MESSAGE = 1 << 20;

function decodeWords(value) {
  return value.replace(/=\?UTF-8\?B\?([A-Za-z0-9+/=]+)\?=/gi, (_, b64) => Buffer.from(b64, 'base64').toString('utf8'));
}

function parse(data) {
  const split = data.indexOf('\r\n\r\n');
  const head = split < 0 ? data : data.slice(0, split);
  const rawBody = split < 0 ? '' : data.slice(split + 4);
  const headers = {};
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  const body = /base64/i.test(headers['content-transfer-encoding'] || '')
    ? Buffer.from(rawBody.replace(/\s+/g, ''), 'base64').toString('utf8')
    : rawBody;
  return { headers, subject: decodeWords(headers.subject || ''), body, raw: data };
}

export async function startSmtpSink({ dir } = {}) {
  const mails = [];
  const waiters = new Set();
  const notify = () => {
    for (const w of [...waiters]) {
      const found = mails.find(w.predicate);
      if (found) {
        waiters.delete(w);
        clearTimeout(w.timer);
        w.resolve(found);
      }
    }
  };
  const server = net.createServer((socket) => {
    socket.setEncoding('utf8');
    let buffer = '';
    let inData = false;
    let envelope = { from: '', to: [] };
    const reply = (line) => socket.write(`${line}\r\n`);
    reply('220 sink.test ESMTP sqm test sink');
    socket.on('data', (chunk) => {
      buffer += chunk;
      if (buffer.length > MAX_MESSAGE) {
        reply('552 too much');
        socket.destroy();
        return;
      }
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          const data = buffer.slice(0, end + 2).replace(/\r\n\.\./g, '\r\n.');
          buffer = buffer.slice(end + 5);
          inData = false;
          const mail = { from: envelope.from, to: envelope.to, ...parse(data) };
          mails.push(mail);
          if (dir) writeFileSync(join(dir, `${String(mails.length).padStart(6, '0')}.json`), JSON.stringify(mail));
          envelope = { from: '', to: [] };
          reply('250 queued');
          notify();
          continue;
        }
        const eol = buffer.indexOf('\r\n');
        if (eol < 0) return;
        const line = buffer.slice(0, eol);
        buffer = buffer.slice(eol + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') {
          reply('250-sink.test');
          reply('250 8BITMIME');
        } else if (verb === 'MAIL') {
          envelope.from = (/<([^>]*)>/.exec(line) || [])[1] || '';
          reply('250 ok');
        } else if (verb === 'RCPT') {
          const to = (/<([^>]*)>/.exec(line) || [])[1] || '';
          if (to.includes('refuse')) {
            reply('550 no such user');
          } else {
            envelope.to.push(to);
            reply('250 ok');
          }
        } else if (verb === 'DATA') {
          inData = true;
          reply('354 go ahead');
        } else if (verb === 'QUIT') {
          reply('221 bye');
          socket.end();
          return;
        } else if (verb === 'RSET' || verb === 'NOOP') {
          reply('250 ok');
        } else {
          reply('502 not implemented');
        }
      }
    });
    socket.on('error', () => {});
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: server.address().port,
    mails,
    // Resolves with the first mail `predicate` accepts, once it arrives (rejects after timeoutMs).
    waitFor(predicate, timeoutMs = 30000) {
      const found = mails.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const w = { predicate, resolve };
        w.timer = setTimeout(() => {
          waiters.delete(w);
          reject(new Error(`no matching mail within ${timeoutMs} ms (${mails.length} received)`));
        }, timeoutMs);
        waiters.add(w);
      });
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
