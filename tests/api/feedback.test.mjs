// Surveys over HTTP: templates (validation naming each field, versions), dispatch on resolution,
// the single-use public link (guessing, reuse), answers with open text kept as written, results
// with sample sizes and Wilson intervals, follow-ups of low scores, permissions, the rate limit.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { actOk, assertError, register, startDeskServer } from './lib/desk.mjs';
import { Client, uniqueName } from './lib/server.mjs';

let ctx;
let u;
let publicClient;
let templateId;

before(async () => {
  ctx = await startDeskServer(['admin', 'quality', 'manager', 'agent', 'customer']);
  u = ctx.users;
  publicClient = new Client(ctx.server.url);
});

after(async () => {
  await ctx?.server.stop();
});

const text = (zh, en) => ({ zh, en });

function template(extra = {}) {
  return {
    name: uniqueName('survey'),
    title: text('服务满意度调查', 'Service satisfaction'),
    intro: text('感谢您的反馈', 'Thank you for your feedback'),
    questions: [
      { id: 'csat', kind: 'csat', text: text('您对本次服务满意吗？', 'How satisfied are you?'), required: true },
      { id: 'nps', kind: 'nps', text: text('您愿意推荐吗？', 'Would you recommend us?') },
      { id: 'ces', kind: 'ces', text: text('办理容易吗？', 'Was it easy?') },
      { id: 'pick', kind: 'single', text: text('联系方式', 'Contact'), options: [text('电话', 'Phone'), text('邮件', 'E-mail')] },
      { id: 'why', kind: 'text', text: text('还有什么建议？', 'Anything else?') },
    ],
    ...extra,
  };
}

// Resolves a fresh phone incident of a demo customer; returns the ticket.
async function resolvedTicket(i) {
  const t = await register(u.agent, {
    customer_id: ctx.desk.otherCustomers[i % ctx.desk.otherCustomers.length].id,
    category_id: ctx.desk.leaves[0].id,
  });
  await actOk(u.agent, t.id, 'accept');
  return actOk(u.agent, t.id, 'resolve', { note: 'done' }, 'resolved');
}

async function invitationOf(ticketId) {
  const r = await u.agent.get(`/api/v1/survey-invitations?ticket_id=${ticketId}`);
  assert.equal(r.status, 200, r.text);
  return r.body.items;
}

async function linkFor(ticketId) {
  const [inv] = await invitationOf(ticketId);
  assert.ok(inv, `ticket ${ticketId} has a survey invitation`);
  const r = await u.agent.post(`/api/v1/survey-invitations/${inv.id}/link`);
  assert.equal(r.status, 200, r.text);
  return r.body;
}

describe('templates', () => {
  test('a template is created, read and versioned on change', async () => {
    const r = await u.quality.post('/api/v1/survey-templates', template());
    assert.equal(r.status, 201, r.text);
    templateId = r.body.id;
    assert.equal(r.body.version, 1);
    assert.equal(r.body.questions.length, 5);
    assert.deepEqual(r.body.questions[0].text, text('您对本次服务满意吗？', 'How satisfied are you?'));
    const same = await u.quality.put(`/api/v1/survey-templates/${templateId}`, { ...template(), name: r.body.name });
    assert.equal(same.status, 200, same.text);
    assert.equal(same.body.version, 1, 'an unchanged definition keeps its version');
    const changed = template({ name: r.body.name });
    changed.questions[4].text = text('其他建议', 'Other suggestions');
    const v2 = await u.quality.put(`/api/v1/survey-templates/${templateId}`, changed);
    assert.equal(v2.body.version, 2, v2.text);
    const v1 = await u.quality.get(`/api/v1/survey-templates/${templateId}?version=1`);
    assert.equal(v1.body.questions[4].text.en, 'Anything else?');
    const list = await u.quality.get('/api/v1/survey-templates');
    assert.ok(list.body.items.some((t) => t.id === templateId));
  });

  test('every problem is reported at once, naming its field', async () => {
    const bad = template({ name: '' });
    bad.questions[2] = { id: 'pick2', kind: 'single', text: text('选', 'Pick'), options: [text('一', 'One')] };
    bad.questions[3].text = { zh: '联系方式' };
    bad.questions.push({ id: 'csat', kind: 'stars', text: text('x', 'x') });
    const r = await u.quality.post('/api/v1/survey-templates', bad);
    assertError(r, 400);
    const fields = r.body.error.errors.map((e) => e.field);
    for (const f of ['name', 'questions[2].options', 'questions[3].text.en', 'questions[5].kind']) {
      assert.ok(fields.includes(f), `${f} in ${JSON.stringify(fields)}`);
    }
    const taken = await u.quality.post('/api/v1/survey-templates', template({ name: (await u.quality.get(`/api/v1/survey-templates/${templateId}`)).body.name }));
    assertError(taken, 409, 'name');
  });

  test('only feedback.manage holders manage templates and rules', async () => {
    assertError(await u.agent.post('/api/v1/survey-templates', template()), 403);
    assertError(await u.manager.get('/api/v1/survey-rules'), 403);
    assertError(await u.customer.get('/api/v1/survey-results'), 403);
  });
});

describe('dispatch, the link and answers', () => {
  let ticket;
  let link;

  test('a dispatch rule sends a survey when a ticket is resolved', async () => {
    const bad = await u.quality.post('/api/v1/survey-rules', { template_id: templateId, trigger: 'later', channel: 'fax', valid_days: 0 });
    assertError(bad, 400);
    const rule = await u.quality.post('/api/v1/survey-rules', { template_id: templateId, trigger: 'resolved', ticket_type: 'incident', channel: 'phone', quiet_days: 0, valid_days: 14 });
    assert.equal(rule.status, 201, rule.text);
    ticket = await resolvedTicket(0);
    const [inv] = await invitationOf(ticket.id);
    assert.equal(inv.version, 2, 'the newest version is sent');
    assert.equal(inv.state, 'open');
    assert.equal(inv.has_link, false);
    assert.equal(inv.attribution.channel, 'phone');
  });

  test('the link carries an unguessable token shown once', async () => {
    link = await linkFor(ticket.id);
    assert.match(link.token, /^[A-Za-z0-9_-]{32}$/);
    assert.equal(link.path, `/answer.html#t=${link.token}`);
    const page = await publicClient.get(`/api/v1/public/surveys/${link.token}`);
    assert.equal(page.status, 200, page.text);
    assert.equal(page.body.state, 'open');
    assert.equal(page.body.ticket_number, ticket.number);
    assert.equal(page.body.questions.length, 5);
    assert.equal(page.body.questions[4].text.en, 'Other suggestions');
  });

  test('guessed and malformed tokens are unknown', async () => {
    for (const t of ['A'.repeat(32), 'short', 'x'.repeat(200), '..%2F..']) {
      const r = await publicClient.get(`/api/v1/public/surveys/${encodeURIComponent(t)}`);
      assert.equal(r.status, 404, `${t}: ${r.text}`);
      assert.equal(r.body.error.key, 'survey.unknown_link');
    }
  });

  test('answers are checked; open text is kept as written; a second answer is refused politely', async () => {
    const url = `/api/v1/public/surveys/${link.token}`;
    const missing = await publicClient.post(url, { answers: { nps: 11, pick: 5 } });
    assertError(missing, 400);
    const fields = missing.body.error.errors.map((e) => e.field);
    assert.deepEqual(fields.sort(), ['answers.csat', 'answers.nps', 'answers.pick']);
    const xss = '<img src=x onerror=alert(1)><script>alert(2)</script>';
    const ok = await publicClient.post(url, { answers: { csat: 2, nps: 3, ces: 6, pick: 1, why: xss } });
    assert.equal(ok.status, 204, ok.text);
    const again = await publicClient.post(url, { answers: { csat: 5 } });
    assertError(again, 409);
    assert.equal(again.body.error.key, 'survey.already_answered');
    const page = await publicClient.get(url);
    assert.equal(page.body.state, 'answered');
    assert.equal(page.body.questions, undefined);

    const results = await u.quality.get(`/api/v1/survey-results?template_id=${templateId}`);
    assert.equal(results.status, 200, results.text);
    const why = results.body.questions.find((q) => q.id === 'why');
    assert.ok(why.texts.includes(xss), 'the text is stored as written (the pages show it escaped)');
    assert.match(results.headers.get('content-type'), /application\/json/);
  });

  test('a low score opens a follow-up that is worked to an outcome', async () => {
    const list = await u.quality.get('/api/v1/survey-followups');
    assert.equal(list.status, 200, list.text);
    const f = list.body.items.find((x) => x.ticket_id === ticket.id);
    assert.ok(f, JSON.stringify(list.body.items));
    assert.equal(f.reason, 'csat=2');
    assertError(await u.quality.patch(`/api/v1/survey-followups/${f.id}`, { outcome: 'forgotten' }), 400, 'outcome');
    const done = await u.quality.patch(`/api/v1/survey-followups/${f.id}`, { outcome: 'recontacted', note: '已回电致歉' });
    assert.equal(done.status, 200, done.text);
    assert.ok(done.body.closed_at);
    const open = await u.quality.get('/api/v1/survey-followups?state=open');
    assert.ok(!open.body.items.some((x) => x.id === f.id));
  });
});

describe('results', () => {
  test('rates come with their sample size, Wilson interval and a small-sample warning', async () => {
    // Four more answers: CSAT 5, 4, 3, 5 (with the 2 above: 3 of 5 are 4-5).
    const scores = [[5, 10], [4, 9], [3, 7], [5, 10]];
    for (let i = 0; i < scores.length; i++) {
      const t = await resolvedTicket(i + 1);
      const l = await linkFor(t.id);
      const r = await publicClient.post(`/api/v1/public/surveys/${l.token}`, { answers: { csat: scores[i][0], nps: scores[i][1] } });
      assert.equal(r.status, 204, r.text);
    }
    const r = await u.quality.get(`/api/v1/survey-results?template_id=${templateId}`);
    const b = r.body;
    assert.equal(b.csat.n, 5);
    assert.equal(b.csat.successes, 3);
    assert.equal(b.csat.small_sample, true);
    assert.ok(b.csat.low < 0.6 && b.csat.high > 0.6 && b.csat.low >= 0 && b.csat.high <= 1);
    // NPS 3, 10, 9, 7, 10: promoters 3, passives 1, detractors 1 of 5 -> 60 % - 20 % = +40.
    assert.equal(b.nps.promoters, 3);
    assert.equal(b.nps.passives, 1);
    assert.equal(b.nps.detractors, 1);
    assert.ok(Math.abs(b.nps.score - 40) < 1e-9);
    assert.equal(b.ces.n, 1);
    assert.equal(b.ces.mean, 6);
    assert.equal(b.response_rate.n, 5);
    assert.equal(b.response_rate.successes, 5);
    const csatQ = b.questions.find((q) => q.id === 'csat');
    assert.deepEqual(csatQ.distribution.map((d) => d.count), [0, 1, 1, 1, 2]);
    assert.ok(b.by_channel.some((g) => g.key === 'phone' && g.csat.n === 5));
    assert.ok(b.by_staff.length >= 1);
  });

  test('callback ratings count through the mapping', async () => {
    const t = await resolvedTicket(9);
    await actOk(u.agent, t.id, 'callback', { reached: true, resolved: 'resolved', satisfaction: 'basically_satisfied' });
    const before = (await u.quality.get('/api/v1/survey-results')).body;
    assert.ok(before.callback.n >= 1);
    const off = await u.quality.put('/api/v1/survey-settings', { basically_satisfied_counts: false });
    assert.equal(off.status, 200, off.text);
    const afterOff = (await u.quality.get('/api/v1/survey-results')).body;
    assert.equal(afterOff.callback.n, before.callback.n);
    assert.ok(afterOff.callback.successes < before.callback.successes);
    assertError(await u.quality.put('/api/v1/survey-settings', { csat_low: 9, follow_up_days: 0 }), 400);
    await u.quality.put('/api/v1/survey-settings', { basically_satisfied_counts: true });
  });

  test('a manager sees only their departments', async () => {
    const r = await u.manager.get('/api/v1/survey-results');
    assert.equal(r.status, 200, r.text);
    const all = (await u.quality.get('/api/v1/survey-results')).body;
    assert.ok(r.body.invitations <= all.invitations);
  });
});

describe('rate limit', () => {
  test('the public pages answer 429 past 60 requests a minute from one address', async () => {
    let limited = null;
    for (let i = 0; i < 70 && !limited; i++) {
      const r = await publicClient.get(`/api/v1/public/surveys/${'B'.repeat(32)}`);
      if (r.status === 429) limited = r;
      else assert.equal(r.status, 404, r.text);
    }
    assert.ok(limited, 'limited within 70 requests');
    assert.ok(Number(limited.headers.get('retry-after')) >= 1);
  });
});
