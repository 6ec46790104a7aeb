// Measures, fact sources, values, the drill-down to facts and exclusions (剔除) over HTTP
// (issue 10; docs/assessment.md): every role (evaluators see nothing, managers only their
// subtree, agents get 403 on the read routes), hand-checkable values, "no data" as null,
// exclusions with evidence leaving every measure and marked in the facts.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { actOk, assertError, register, startDeskServer } from './lib/desk.mjs';
import { uniqueName } from './lib/server.mjs';

let ctx;
let u;
const A = '/api/v1/assessment';
const ALL_TIME = 'from=2000-01-01&to=2100-01-01';

before(async () => {
  ctx = await startDeskServer();
  u = ctx.users;
});

after(async () => {
  await ctx?.server.stop();
});

// The department ids of `code`'s subtree.
function subtree(code) {
  const root = ctx.ids.departments[code];
  const out = new Set([root]);
  for (let grew = true; grew;) {
    grew = false;
    for (const d of ctx.ids.departmentList) {
      if (d.parent_id != null && out.has(d.parent_id) && !out.has(d.id)) {
        out.add(d.id);
        grew = true;
      }
    }
  }
  return out;
}

async function allFacts(client, code, kind, subject, window = ALL_TIME) {
  const items = [];
  let after = 0;
  for (;;) {
    const r = await client.get(`${A}/measures/${code}/facts?kind=${kind}&subject_id=${subject}&${window}&after=${after}&limit=500`);
    assert.equal(r.status, 200, r.text);
    items.push(...r.body.items);
    if (r.body.next_after == null) return items;
    after = r.body.next_after;
  }
}

describe('who may see measures', () => {
  const readRoutes = () => [
    `${A}/measures`, `${A}/measures/closure_rate`, `${A}/fact-sources`,
    `${A}/measures/closure_rate/values?kind=department&${ALL_TIME}`,
    `${A}/measures/closure_rate/facts?kind=department&subject_id=${ctx.ids.departments['TECH-L1']}&${ALL_TIME}`,
    `${A}/exclusions`,
  ];

  test('quality, executive, admin and manager read; agent, engineer, evaluator and customer get 403', async () => {
    for (const role of ['admin', 'quality', 'executive', 'manager']) {
      for (const p of readRoutes()) assert.equal((await u[role].get(p)).status, 200, `${role} GET ${p}`);
    }
    for (const role of ['agent', 'engineer', 'evaluator', 'customer']) {
      for (const p of readRoutes()) assertError(await u[role].get(p), 403, undefined, `${role} GET ${p}`);
    }
  });

  test('exclusion reasons: a list of settings for every staff member, not customers', async () => {
    for (const role of ['admin', 'quality', 'executive', 'manager', 'agent', 'engineer', 'evaluator']) {
      const r = await u[role].get(`${A}/exclusion-reasons`);
      assert.equal(r.status, 200, `${role}: ${r.text}`);
      assert.ok(r.body.items.some((x) => x.code === 'outside_duties' && x.name.zh && x.name.en));
    }
    assertError(await u.customer.get(`${A}/exclusion-reasons`), 403, undefined, 'customer');
  });

  test('a manager sees only the subjects of their subtree, and no facts outside it', async () => {
    const tech = subtree('TECH');
    const all = await u.admin.get(`${A}/measures/tickets_registered/values?kind=department&${ALL_TIME}`);
    const mine = await u.manager.get(`${A}/measures/tickets_registered/values?kind=department&${ALL_TIME}`);
    assert.equal(mine.status, 200, mine.text);
    assert.ok(mine.body.items.length > 0, 'TECH has tickets in the demo');
    assert.ok(mine.body.items.every((x) => tech.has(x.subject_id)), 'only TECH departments');
    assert.ok(all.body.items.some((x) => !tech.has(x.subject_id)), 'the admin sees others too');

    const staffAll = await u.admin.get(`${A}/measures/tickets_registered/values?kind=staff&${ALL_TIME}`);
    const staffMine = await u.manager.get(`${A}/measures/tickets_registered/values?kind=staff&${ALL_TIME}`);
    const deptOf = new Map(ctx.ids.staffList.map((s) => [s.id, s.department_id]));
    assert.ok(staffMine.body.items.every((x) => tech.has(deptOf.get(x.subject_id))));
    const outside = staffAll.body.items.find((x) => !tech.has(deptOf.get(x.subject_id)));
    assert.ok(outside, 'someone outside TECH has tickets');
    assertError(await u.manager.get(`${A}/measures/tickets_registered/facts?kind=staff&subject_id=${outside.subject_id}&${ALL_TIME}`),
      403, undefined, 'manager drills into a subject outside TECH');
    assertError(await u.manager.get(`${A}/measures/tickets_registered/facts?kind=department&subject_id=${ctx.ids.departments.DESK}&${ALL_TIME}`),
      403, undefined, 'manager drills into DESK');
  });
});

describe('measures and values', () => {
  test('the default library, in both languages, with its reference SQL and its source\'s fields', async () => {
    const r = await u.quality.get(`${A}/measures`);
    const codes = r.body.items.map((m) => m.code);
    for (const c of ['first_response_attainment', 'sign_for_on_time', 'resolution_attainment', 'on_time_closure', 'closure_rate',
      'mean_first_response_minutes', 'p90_first_response_minutes', 'callback_within_24h', 'satisfaction_rate',
      'one_time_resolution', 'reopen_rate', 'sendback_rate', 'complaints_per_1000_tickets', 'complaints_on_time',
      'substantiated_complaints']) {
      assert.ok(codes.includes(c), c);
    }
    for (const m of r.body.items) {
      assert.ok(m.name.zh && m.name.en && m.definition.zh && m.definition.en, m.code);
      assert.equal(m.builtin, true);
    }
    const d = await u.quality.get(`${A}/measures/satisfaction_rate`);
    assert.equal(d.status, 200, d.text);
    assert.equal(d.body.source, 'callbacks');
    assert.equal(d.body.aggregation.kind, 'ratio');
    assert.equal(d.body.aggregation.numerator_filter, 'satisfied = true');
    assert.match(d.body.reference_sql, /FROM \(SELECT .* FROM callbacks c\) f WHERE f\.at >= \? AND f\.at < \?/);
    assert.ok(!d.body.reference_sql.includes("'satisfied'") || d.body.reference_sql.includes("IN ('satisfied'"),
      'filter values are bound, never pasted');
    assert.match(d.body.reference_sql_department, /WITH RECURSIVE tree/);
    assert.ok(d.body.fields.some((f) => f.name === 'satisfied' && f.type === 'boolean'));
    assertError(await u.quality.get(`${A}/measures/nope`), 404, undefined, 'unknown measure');
    const sources = await u.quality.get(`${A}/fact-sources`);
    assert.deepEqual(sources.body.items.map((s) => s.name), ['tickets', 'sla_timers', 'callbacks', 'complaints', 'transfers', 'reopens', 'survey_invitations', 'survey_answers', 'satisfaction', 'inspections', 'improvement_actions']);
  });

  test('ratio values carry numerator and denominator; no data is null with no_data, never 0', async () => {
    const r = await u.admin.get(`${A}/measures/closure_rate/values?kind=department&${ALL_TIME}`);
    assert.equal(r.status, 200, r.text);
    assert.ok(r.body.items.length > 0);
    for (const x of r.body.items) {
      assert.equal(typeof x.subject_name, 'string');
      assert.equal(x.sample, x.denominator);
      if (x.denominator === 0) {
        assert.equal(x.value, null);
        assert.equal(x.no_data, true);
      } else {
        assert.equal(x.no_data, false);
        assert.ok(Math.abs(x.value - (100 * x.numerator) / x.denominator) < 1e-9, JSON.stringify(x));
      }
    }
    // The organisation (the root) counts every department's facts.
    const root = ctx.ids.departmentList.find((d) => d.parent_id == null);
    const org = r.body.items.find((x) => x.subject_id === root.id);
    assert.ok(org, 'the root has a value');
    assert.ok(r.body.items.every((x) => x.denominator <= org.denominator));
  });

  test('the facts behind a value add up to it', async () => {
    const r = await u.admin.get(`${A}/measures/first_response_attainment/values?kind=staff&${ALL_TIME}`);
    const v = r.body.items.find((x) => x.denominator > 0);
    assert.ok(v, 'someone has first-response timers');
    const facts = await allFacts(u.admin, 'first_response_attainment', 'staff', v.subject_id);
    const live = facts.filter((f) => !f.excluded);
    assert.equal(live.length, v.denominator);
    assert.equal(live.filter((f) => f.counted).length, v.numerator);
    for (const f of facts) {
      assert.equal(f.staff_id, v.subject_id);
      assert.match(f.ticket_number, /^T\d{6}$/);
      assert.match(f.at, /^\d{4}-\d\d-\d\dT/);
    }
  });

  test('bad queries are 400s naming the field', async () => {
    assertError(await u.quality.get(`${A}/measures/closure_rate/values?kind=team&${ALL_TIME}`), 400, 'kind');
    assertError(await u.quality.get(`${A}/measures/closure_rate/values?kind=staff&to=2026-01-01`), 400, 'from');
    assertError(await u.quality.get(`${A}/measures/closure_rate/values?kind=staff&from=2026-02-01&to=2026-01-01`), 400, 'to');
    assertError(await u.quality.get(`${A}/measures/closure_rate/values?kind=staff&from=yesterday&to=2026-01-01`), 400, 'from');
    assertError(await u.quality.get(`${A}/measures/closure_rate/facts?kind=staff&${ALL_TIME}`), 400, 'subject_id');
  });

  test('an organisation defines its own measure: checked whole, bound filters, 201', async () => {
    const code = uniqueName('vip_closure').replace(/[^a-z0-9_]/g, '_').toLowerCase();
    const body = {
      code,
      name: { zh: '优先工单办结率', en: 'Urgent closure' },
      definition: { zh: 'P1/P2 工单的办结率', en: 'Closure rate of P1 and P2 tickets' },
      source: 'tickets',
      aggregation: { kind: 'ratio', numerator_filter: 'resolved = true' },
      filter: "cancelled = false and priority <= 2 and type in ('incident', 'request')",
      unit: 'percent',
      direction: 'higher',
    };
    assertError(await u.manager.post(`${A}/measures`, body), 403, undefined, 'manager defines a measure');
    const r = await u.quality.post(`${A}/measures`, body);
    assert.equal(r.status, 201, r.text);
    assert.equal(r.body.builtin, false);
    assertError(await u.quality.post(`${A}/measures`, body), 409, 'code', 'the code again');
    const bad = await u.quality.post(`${A}/measures`, { ...body, code: 'Bad', filter: "colour = 'red'", unit: 'x',
      aggregation: { kind: 'percentile', field: 'type', p: 120 } });
    assertError(bad, 400, 'code');
    const fields = [bad.body.error.field, ...bad.body.error.errors.map((e) => e.field)];
    for (const f of ['code', 'unit', 'filter', 'aggregation.field', 'aggregation.p']) assert.ok(fields.includes(f), `${f} in ${fields}`);
    assertError(await u.quality.post(`${A}/measures`, { ...body, code: 'x2', aggregation: { kind: 'median' } }), 400, 'aggregation.kind');
    const values = await u.quality.get(`${A}/measures/${code}/values?kind=department&${ALL_TIME}`);
    assert.equal(values.status, 200, values.text);
    const detail = await u.quality.get(`${A}/measures/${code}`);
    assert.ok(!detail.body.reference_sql.includes("'incident'"), 'the filter\'s values are bound');
    assert.ok((await u.quality.get(`${A}/measures`)).body.items.some((m) => m.code === code && !m.builtin));
  });
});

describe('exclusions', () => {
  let ticket;
  const window = () => {
    const now = Date.now();
    return `from=${new Date(now - 86400000).toISOString()}&to=${new Date(now + 86400000).toISOString()}`;
  };

  before(async () => {
    // A ticket the agent answers and resolves now: charged to the agent and DESK.
    ticket = await register(u.agent, { customer_id: ctx.desk.otherCustomers[0].id, category_id: ctx.desk.leaves[0].id });
    await actOk(u.agent, ticket.id, 'respond', { note: '已收到' });
    await actOk(u.agent, ticket.id, 'resolve', { note: '已解决' });
  });

  async function agentClosure() {
    const r = await u.quality.get(`${A}/measures/closure_rate/values?kind=staff&${window()}`);
    assert.equal(r.status, 200, r.text);
    return r.body.items.find((x) => x.subject_id === ctx.ids.staff.agent);
  }

  test('requested with evidence by the unit, approved by quality; the ticket leaves every measure and is marked', async () => {
    const before = await agentClosure();
    assert.ok(before && before.denominator >= 1, JSON.stringify(before));

    const missing = await u.agent.post(`${A}/exclusions`, { ticket_id: ticket.id, reason_code: 'nope', evidence: '' });
    assertError(missing, 400, undefined, 'no evidence, unknown reason');
    const fields = [missing.body.error.field, ...(missing.body.error.errors ?? []).map((e) => e.field)];
    assert.ok(fields.includes('evidence') && fields.includes('reason_code'), fields.join());
    assertError(await u.evaluator.post(`${A}/exclusions`, { ticket_id: ticket.id, reason_code: 'duplicate', evidence: 'x' }), 403);
    assertError(await u.agent.post(`${A}/exclusions`, { ticket_id: 99999999, reason_code: 'duplicate', evidence: 'x' }), 400, 'ticket_id');

    const req = await u.agent.post(`${A}/exclusions`, { ticket_id: ticket.id, reason_code: 'duplicate', evidence: '与另一工单重复，见通话录音' });
    assert.equal(req.status, 201, req.text);
    assert.equal(req.body.status, 'requested');
    assert.equal(req.body.ticket_number, ticket.number);
    assertError(await u.agent.post(`${A}/exclusions`, { ticket_id: ticket.id, reason_code: 'duplicate', evidence: 'again' }), 409, 'ticket_id');
    assert.deepEqual(await agentClosure(), before, 'a request alone changes nothing');

    assertError(await u.agent.post(`${A}/exclusions/${req.body.id}/approve`, { note: '' }), 403, undefined, 'agent approves');
    assertError(await u.manager.post(`${A}/exclusions/${req.body.id}/approve`, { note: '' }), 403, undefined, 'manager approves');
    assertError(await u.quality.post(`${A}/exclusions/${req.body.id}/reject`, { note: '' }), 400, 'note');
    const ok = await u.quality.post(`${A}/exclusions/${req.body.id}/approve`, { note: '核实重复' });
    assert.equal(ok.status, 200, ok.text);
    assert.equal(ok.body.status, 'approved');
    assert.equal(ok.body.decided_by, ctx.ids.staff.quality);
    assertError(await u.quality.post(`${A}/exclusions/${req.body.id}/reject`, { note: '再议' }), 409, 'status');

    const afterValue = await agentClosure();
    assert.equal((afterValue?.denominator ?? 0), before.denominator - 1, 'the ticket left closure_rate');
    const facts = await allFacts(u.quality, 'closure_rate', 'staff', ctx.ids.staff.agent, window());
    const mine = facts.find((f) => f.ticket_id === ticket.id);
    assert.ok(mine, 'still listed in the drill-down');
    assert.equal(mine.excluded, true);
    assert.equal(mine.counted, false);
    assert.equal(mine.exclusion_reason, 'duplicate');

    const listed = await u.quality.get(`${A}/exclusions?status=approved`);
    assert.ok(listed.body.items.some((e) => e.id === req.body.id));
    assertError(await u.quality.get(`${A}/exclusions?status=maybe`), 400, 'status');
    // The manager of TECH does not see DESK's exclusion.
    const managers = await u.manager.get(`${A}/exclusions`);
    assert.ok(!managers.body.items.some((e) => e.id === req.body.id));
  });

  test('the reasons are an editable list', async () => {
    const code = `r_${Date.now() % 100000}`;
    assertError(await u.manager.post(`${A}/exclusion-reasons`, { code, name: { zh: '测试', en: 'Test' } }), 403);
    const r = await u.quality.post(`${A}/exclusion-reasons`, { code, name: { zh: '测试原因', en: 'Test reason' } });
    assert.equal(r.status, 201, r.text);
    assertError(await u.quality.post(`${A}/exclusion-reasons`, { code, name: { zh: '测试', en: 'Test' } }), 409, 'code');
    assertError(await u.quality.post(`${A}/exclusion-reasons`, { code: 'x y', name: { zh: '', en: 'Test' } }), 400);
    const off = await u.quality.patch(`${A}/exclusion-reasons/${code}`, { active: false });
    assert.equal(off.status, 200, off.text);
    assert.equal(off.body.active, false);
    const t = await register(u.agent, { customer_id: ctx.desk.otherCustomers[0].id, category_id: ctx.desk.leaves[0].id });
    assertError(await u.agent.post(`${A}/exclusions`, { ticket_id: t.id, reason_code: code, evidence: 'x' }), 400, 'reason_code');
    assertError(await u.quality.patch(`${A}/exclusion-reasons/nope`, { active: false }), 404);
  });
});

// The analytics engine (issue 13): rebuilt on start, then following the event log. Its gauges are
// on /metrics once it is ready, and a value read right after a write includes it (the engine
// answers once it has caught up, else the SQL does).
describe('the analytics engine', () => {
  // The gauges of /metrics, by name.
  async function gauges() {
    const r = await u.admin.get('/metrics');
    assert.equal(r.status, 200);
    const out = {};
    for (const line of r.text.split('\n')) {
      const m = /^(sqm_analytics_[a-z_]+) ([0-9.e+-]+)$/.exec(line);
      if (m) out[m[1]] = Number(m[2]);
    }
    return out;
  }

  test('/metrics shows the engine once ready, and it follows what is written', async () => {
    let g = {};
    for (let i = 0; i < 100 && g.sqm_analytics_ready !== 1; i++) {
      g = await gauges();
      if (g.sqm_analytics_ready !== 1) await new Promise((r) => setTimeout(r, 100));
    }
    assert.equal(g.sqm_analytics_ready, 1, JSON.stringify(g));
    for (const name of ['subjects', 'partials', 'bytes', 'facts_tracked', 'bytes_per_fact', 'last_sequence',
      'events_applied_total', 'rebuilds_total', 'fallback_rebuilds_total', 'rebuild_seconds']) {
      assert.ok(`sqm_analytics_${name}` in g, name);
    }
    assert.ok(g.sqm_analytics_subjects > 0 && g.sqm_analytics_facts_tracked > 0, JSON.stringify(g));
    assert.ok(g.sqm_analytics_rebuilds_total >= 1);

    // The root department counts every ticket of the centre.
    const root = ctx.ids.departmentList.find((d) => d.parent_id == null);
    const registered = async () => {
      const r = await u.admin.get(`${A}/measures/tickets_registered/values?kind=department&${ALL_TIME}`);
      assert.equal(r.status, 200, r.text);
      return r.body.items.find((x) => x.subject_id === root.id)?.value ?? 0;
    };
    const before = await registered();
    await register(u.agent, { customer_id: ctx.desk.otherCustomers[0].id, category_id: ctx.desk.leaves[0].id });
    assert.equal(await registered(), before + 1);
    const after = await gauges();
    assert.ok(after.sqm_analytics_last_sequence > g.sqm_analytics_last_sequence, JSON.stringify(after));
    assert.ok(after.sqm_analytics_events_applied_total > g.sqm_analytics_events_applied_total);
  });
});
