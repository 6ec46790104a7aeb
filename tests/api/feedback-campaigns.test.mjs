// Survey campaigns over HTTP: the preview agrees with the sample-size calculator, the campaign
// invites a stratified sample drawn reproducibly from its seed, progress per stratum carries Wilson
// intervals, every problem of a draft is named, and only feedback.manage (quality, admin) may run one.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { assertError, startDeskServer } from './lib/desk.mjs';
import { Client, uniqueName } from './lib/server.mjs';

const ROLES = ['admin', 'quality', 'executive', 'manager', 'agent', 'engineer', 'evaluator', 'customer'];
const DAY = 24 * 3600 * 1000;

let ctx;
let u;
let templateId;

before(async () => {
  ctx = await startDeskServer(ROLES);
  u = ctx.users;
  const text = (zh, en) => ({ zh, en });
  const r = await u.quality.post('/api/v1/survey-templates', {
    name: uniqueName('yearly'),
    title: text('年度满意度调查', 'Yearly satisfaction survey'),
    intro: text('感谢您的反馈', 'Thank you'),
    questions: [{ id: 'csat', kind: 'csat', text: text('总体满意吗？', 'Overall satisfied?'), required: true }],
  });
  assert.equal(r.status, 201, r.text);
  templateId = r.body.id;
});

after(async () => {
  await ctx?.server.stop();
});

// The demo's tickets of the last days: a month back to tomorrow.
function draft(extra = {}) {
  const now = Date.now();
  return {
    template_id: templateId,
    from: new Date(now - 30 * DAY).toISOString(),
    to: new Date(now + DAY).toISOString(),
    stratify_by: 'tier',
    margin: 0.1,
    confidence: 0.95,
    seed: 20261204,
    ...extra,
  };
}

async function invitedCustomers(campaignId) {
  const r = await u.quality.get(`/api/v1/survey-invitations?campaign_id=${campaignId}&limit=200`);
  assert.equal(r.status, 200, r.text);
  for (const i of r.body.items) assert.equal(i.campaign_id, campaignId);
  return r.body.items.map((i) => i.customer_id).sort((a, b) => a - b);
}

describe('survey campaigns', () => {
  test('the preview sizes the sample with the calculator and allocates it to the strata', async () => {
    const r = await u.quality.post('/api/v1/survey-campaigns/preview', draft());
    assert.equal(r.status, 200, r.text);
    assert.ok(r.body.population >= 3, `the demo has customers with tickets (${r.body.population})`);
    const calc = await u.quality.get(`/api/v1/surveys/sample-size?margin=0.1&confidence=0.95&population=${r.body.population}`);
    assert.equal(calc.status, 200, calc.text);
    assert.equal(r.body.sample_size, Math.min(calc.body.n, r.body.population));
    assert.equal(r.body.seed, 20261204);
    const strata = r.body.strata;
    assert.ok(strata.length >= 1);
    assert.equal(strata.reduce((s, x) => s + x.population, 0), r.body.population);
    assert.equal(strata.reduce((s, x) => s + x.sample, 0), r.body.drawn);
    for (const s of strata) {
      assert.ok(s.sample >= 1 && s.sample <= s.population, JSON.stringify(s));
      assert.ok(Math.abs(s.sample - (r.body.sample_size * s.population) / r.body.population) < 1 + 1e-9, JSON.stringify(s));
    }
    assert.ok(r.body.drawn - r.body.sample_size <= strata.length);
    // The form as it is, name included, previews the same plan.
    const named = await u.quality.post('/api/v1/survey-campaigns/preview', draft({ name: 'draft' }));
    assert.equal(named.status, 200, named.text);
    assert.deepEqual(named.body, r.body);
    // The published example, through the calculator the page uses: N = 10,000, 95 %, +-5 % -> 370.
    const published = await u.agent.get('/api/v1/surveys/sample-size?margin=0.05&confidence=0.95&population=10000&proportion=0.5');
    assert.equal(published.status, 200, published.text);
    assert.equal(published.body.n, 370);
  });

  test('a campaign invites its sample, reproducibly from the recorded seed, and reports progress', async () => {
    const name = uniqueName('年度满意度');
    const r = await u.quality.post('/api/v1/survey-campaigns', draft({ name }));
    assert.equal(r.status, 201, r.text);
    const c = r.body;
    assert.equal(c.name, name);
    assert.equal(c.seed, 20261204);
    assert.equal(c.stratify_by, 'tier');
    assert.equal(c.version, 1);
    const drawn = c.strata.reduce((s, x) => s + x.sample, 0);
    const first = await invitedCustomers(c.id);
    assert.equal(first.length, drawn);
    assert.equal(new Set(first).size, drawn, 'each customer once');

    const again = await u.admin.post('/api/v1/survey-campaigns', draft({ name: uniqueName('复核') }));
    assert.equal(again.status, 201, again.text);
    assert.deepEqual(await invitedCustomers(again.body.id), first, 'the same seed draws the same customers');

    const list = await u.quality.get('/api/v1/survey-campaigns');
    assert.equal(list.status, 200, list.text);
    assert.ok(list.body.items.some((x) => x.id === c.id));

    // Answer one invitation through its link; progress counts it in its stratum.
    const invs = await u.quality.get(`/api/v1/survey-invitations?campaign_id=${c.id}&limit=200`);
    const inv = invs.body.items[0];
    const link = await u.quality.post(`/api/v1/survey-invitations/${inv.id}/link`);
    assert.equal(link.status, 200, link.text);
    const pub = new Client(ctx.server.url);
    const answered = await pub.post(`/api/v1/public/surveys/${link.body.token}`, { answers: { csat: 5 } });
    assert.equal(answered.status, 204, answered.text);

    const p = await u.quality.get(`/api/v1/survey-campaigns/${c.id}`);
    assert.equal(p.status, 200, p.text);
    const { total, strata } = p.body.progress;
    assert.equal(total.key, '*');
    assert.equal(total.invited, drawn);
    assert.equal(total.answered, 1);
    assert.ok(total.sent >= 1);
    assert.equal(total.response_rate.n, drawn);
    assert.equal(total.response_rate.successes, 1);
    assert.ok(total.response_rate.low < 1 / drawn && total.response_rate.high > 1 / drawn);
    const mine = strata.find((s) => s.key === inv.stratum);
    assert.ok(mine, `a stratum ${inv.stratum}`);
    assert.equal(mine.answered, 1);
    assert.equal(strata.reduce((s, x) => s + x.invited, 0), drawn);
  });

  test('every problem of a draft is named at once; names are unique; unknown campaigns are 404', async () => {
    // `to` equal to `from` (one draft: a second draft() a millisecond later would move `from`).
    const base = draft({ name: uniqueName('bad') });
    const bad = await u.quality.post('/api/v1/survey-campaigns', {
      ...base,
      template_id: 999999,
      to: base.from,
      margin: 0,
      department_ids: [999999],
    });
    assertError(bad, 400);
    const fields = bad.body.error.errors.map((e) => e.field);
    for (const f of ['department_ids[0]', 'margin', 'template_id', 'to']) assert.ok(fields.includes(f), `${f} in ${fields}`);
    assertError(await u.quality.post('/api/v1/survey-campaigns', draft({ name: uniqueName('x'), stratify_by: 'age' })), 400, 'stratify_by');
    assertError(await u.quality.post('/api/v1/survey-campaigns', draft()), 400, 'name');
    assertError(await u.quality.post('/api/v1/survey-campaigns/preview', draft({ tiers: ['no-such-tier'] })), 400, 'population');
    const name = uniqueName('once');
    assert.equal((await u.quality.post('/api/v1/survey-campaigns', draft({ name }))).status, 201);
    assertError(await u.quality.post('/api/v1/survey-campaigns', draft({ name })), 409, 'name');
    assertError(await u.quality.get('/api/v1/survey-campaigns/999999'), 404);
  });

  test('only feedback.manage runs campaigns: every role tried', async () => {
    for (const role of ROLES) {
      const allowed = role === 'admin' || role === 'quality';
      const list = await u[role].get('/api/v1/survey-campaigns');
      const preview = await u[role].post('/api/v1/survey-campaigns/preview', draft());
      const create = await u[role].post('/api/v1/survey-campaigns', draft({ name: uniqueName(role) }));
      if (allowed) {
        assert.equal(list.status, 200, `${role} list: ${list.text}`);
        assert.equal(preview.status, 200, `${role} preview: ${preview.text}`);
        assert.equal(create.status, 201, `${role} create: ${create.text}`);
        assert.equal((await u[role].get(`/api/v1/survey-campaigns/${create.body.id}`)).status, 200);
      } else {
        assertError(list, 403, undefined, `${role} list`);
        assertError(preview, 403, undefined, `${role} preview`);
        assertError(create, 403, undefined, `${role} create`);
        assertError(await u[role].get('/api/v1/survey-campaigns/1'), 403, undefined, `${role} progress`);
      }
    }
    const anonymous = new Client(ctx.server.url);
    assertError(await anonymous.get('/api/v1/survey-campaigns'), 401);
  });
});
