// Survey e-mail over SMTP: the test starts its own SMTP sink (lib/smtp-sink.mjs) and a server that
// mails through it; a resolution sends the invitation mail, the test follows its link and answers;
// a title that would inject a header is refused.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { actOk, assertError, register, startDeskServer } from './lib/desk.mjs';
import { Client, uniqueName } from './lib/server.mjs';
import { startSmtpSink } from './lib/smtp-sink.mjs';

let sink;
let ctx;
let u;

before(async () => {
  sink = await startSmtpSink();
  ctx = await startDeskServer(['quality', 'agent'], {
    serveArgs: ['--smtp-host', '127.0.0.1', '--smtp-port', String(sink.port), '--smtp-from', 'surveys@sqm.test',
      '--smtp-from-name', '服务质量中心', '--smtp-interval', '1', '--public-url', 'http://sqm.test/'],
  });
  u = ctx.users;
});

after(async () => {
  await ctx?.server.stop();
  await sink?.close();
});

const text = (zh, en) => ({ zh, en });

describe('survey e-mail', () => {
  test('a resolution mails the survey; its link answers it once', async () => {
    const title = uniqueName('邮件调查');
    const tmpl = await u.quality.post('/api/v1/survey-templates', {
      name: uniqueName('mail'),
      title: text(title, `Mail survey ${title}`),
      intro: text('感谢您的反馈', 'Thank you'),
      questions: [{ id: 'csat', kind: 'csat', text: text('满意吗？', 'Satisfied?'), required: true }],
    });
    assert.equal(tmpl.status, 201, tmpl.text);
    const rule = await u.quality.post('/api/v1/survey-rules', { template_id: tmpl.body.id, trigger: 'resolved', quiet_days: 0 });
    assert.equal(rule.status, 201, rule.text);
    const email = `${uniqueName('kehu').toLowerCase()}@example.org`;
    const customer = await u.agent.post('/api/v1/customers', { name: uniqueName('邮件客户'), phone: '13800000099', email });
    assert.equal(customer.status, 201, customer.text);

    const t = await register(u.agent, { customer_id: customer.body.id, category_id: ctx.desk.leaves[0].id });
    await actOk(u.agent, t.id, 'accept');
    await actOk(u.agent, t.id, 'resolve', { note: 'done' }, 'resolved');

    const mail = await sink.waitFor((m) => m.to.includes(email));
    assert.equal(mail.from, 'surveys@sqm.test');
    assert.equal(mail.subject, `${title} / Mail survey ${title}`);
    assert.match(mail.headers.from, /^=\?UTF-8\?B\?[^?]+\?= <surveys@sqm\.test>$/);
    const link = /http:\/\/sqm\.test\/answer\.html#t=([A-Za-z0-9_-]{32})/.exec(mail.body);
    assert.ok(link, mail.body);
    assert.match(mail.body, /感谢您的反馈/);
    assert.match(mail.body, /Thank you/);

    const publicClient = new Client(ctx.server.url);
    const url = `/api/v1/public/surveys/${link[1]}`;
    const page = await publicClient.get(url);
    assert.equal(page.status, 200, page.text);
    assert.equal(page.body.state, 'open');
    assert.equal(page.body.ticket_number, t.number);
    const answered = await publicClient.post(url, { answers: { csat: 5 } });
    assert.equal(answered.status, 204, answered.text);
    assert.equal((await publicClient.get(url)).body.state, 'answered');
    const again = await publicClient.post(url, { answers: { csat: 1 } });
    assertError(again, 409);
    assert.equal(again.body.error.key, 'survey.already_answered');
    // Mailed once: no second invitation mail for it.
    assert.equal(sink.mails.filter((m) => m.to.includes(email)).length, 1);
  });

  test('a title with a line break is refused: it would add a header to the mail', async () => {
    const r = await u.quality.post('/api/v1/survey-templates', {
      name: uniqueName('inject'),
      title: text('调查\r\nBcc: evil@example.org', 'Survey\nBcc: evil@example.org'),
      questions: [{ id: 'csat', kind: 'csat', text: text('满意吗？', 'Satisfied?') }],
    });
    assertError(r, 400);
    const fields = r.body.error.errors.map((e) => e.field).sort();
    assert.deepEqual(fields, ['title.en', 'title.zh']);
    assert.equal(r.body.error.errors[0].key, 'survey.title_one_line');
  });

  test('the reminder delay is a setting, checked', async () => {
    const bad = await u.quality.put('/api/v1/survey-settings', { reminder_days: 31 });
    assertError(bad, 400);
    assert.equal(bad.body.error.field, 'reminder_days');
    const ok = await u.quality.put('/api/v1/survey-settings', { reminder_days: 5 });
    assert.equal(ok.status, 200, ok.text);
    assert.equal(ok.body.reminder_days, 5);
  });
});
