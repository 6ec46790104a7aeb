// Sampling plans over HTTP: a bad plan names every field; a run is reproducible from its seed (a dry
// run and a run with the same seed draw the same tickets), assigns each ticket an inspection round
// robin, never to the ticket's own agent, and records an audit event; a second run of the cycle
// never draws a ticket again; only inspection.manage holders reach the routes.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { actOk, assertError, register, startDeskServer } from './lib/desk.mjs';
import { uniqueName } from './lib/server.mjs';

let ctx;
let u;
let cardId;

before(async () => {
  ctx = await startDeskServer();
  u = ctx.users;
  const card = await u.quality.post('/api/v1/scorecards', {
    name: uniqueName('抽检评分表'),
    pass_mark: 60,
    sections: [{ code: 's0', name: '服务', items: [{ code: 'i0', name: '礼貌用语', scale: 'yes_no', max_points: 1 }] }],
  });
  assert.equal(card.status, 201, card.text);
  cardId = card.body.id;
});

after(async () => {
  await ctx?.server.stop();
});

function plan(fields = {}) {
  return {
    name: uniqueName('客服部每周抽检'),
    cycle: 'week',
    department_ids: [ctx.ids.departments.DESK],
    quota: 'per_agent',
    amount: 1,
    complaints: false,
    scorecard_id: cardId,
    inspector_ids: [ctx.ids.staff.quality, ctx.ids.staff.evaluator],
    ...fields,
  };
}

describe('sampling plans', () => {
  test('a bad plan names every problem and writes nothing; a taken name is a conflict', async () => {
    const before = (await u.quality.get('/api/v1/sampling-plans')).body.items.length;
    const r = await u.quality.post('/api/v1/sampling-plans', plan({ name: '', quota: 'percent', amount: 150, department_ids: [999999], inspector_ids: [ctx.ids.staff.agent] }));
    assertError(r, 400, 'name');
    const shape = await u.quality.post('/api/v1/sampling-plans', plan({ quota: 'percent', amount: 101, department_ids: [999999], inspector_ids: [ctx.ids.staff.agent] }));
    assertError(shape, 400);
    const fields = shape.body.error.errors.map((e) => e.field);
    for (const f of ['amount', 'department_ids[0]', 'inspector_ids[0]']) assert.ok(fields.includes(f), `${f} in ${JSON.stringify(fields)}`);
    assertError(await u.quality.post('/api/v1/sampling-plans', plan({ cycle: 'day' })), 400, 'cycle');
    assert.equal((await u.quality.get('/api/v1/sampling-plans')).body.items.length, before);
    const p = plan();
    assert.equal((await u.quality.post('/api/v1/sampling-plans', p)).status, 201);
    assertError(await u.quality.post('/api/v1/sampling-plans', p), 409, 'name');
  });

  test('a run draws reproducibly, assigns round robin and never draws a ticket twice in the cycle', async () => {
    // Two tickets the agent resolves now, in DESK.
    const tickets = [];
    for (let k = 0; k < 2; k++) {
      const t = await register(u.agent, { customer_id: ctx.desk.otherCustomers[0].id, category_id: ctx.desk.leaves[0].id });
      await actOk(u.agent, t.id, 'respond', { note: '已收到' });
      await actOk(u.agent, t.id, 'resolve', { note: '已解决' });
      tickets.push(t.id);
    }
    const made = await u.quality.post('/api/v1/sampling-plans', plan());
    assert.equal(made.status, 201, made.text);
    const id = made.body.id;
    assert.equal((await u.quality.get(`/api/v1/sampling-plans/${id}`)).body.amount, 1);

    const dry = await u.quality.post(`/api/v1/sampling-plans/${id}/runs`, { seed: 4242, dry_run: true });
    assert.equal(dry.status, 200, dry.text);
    assert.equal(dry.body.id, null);
    assert.ok(dry.body.tickets.every((t) => t.inspection_id === null));
    const run = await u.quality.post(`/api/v1/sampling-plans/${id}/runs`, { seed: 4242 });
    assert.equal(run.status, 201, run.text);
    assert.equal(run.body.seed, 4242);
    assert.deepEqual(run.body.tickets.map((t) => t.ticket_id), dry.body.tickets.map((t) => t.ticket_id), 'the same seed draws the same tickets');

    // The agent's quota of one: exactly one of the two new tickets (or an older one of the cycle).
    const mine = run.body.tickets.filter((t) => t.agent_id === ctx.ids.staff.agent);
    assert.equal(mine.length, 1, JSON.stringify(run.body.tickets));
    const agentCoverage = run.body.coverage.find((c) => c.agent_id === ctx.ids.staff.agent);
    assert.ok(agentCoverage.tickets >= 2, JSON.stringify(agentCoverage));
    assert.equal(agentCoverage.drawn, 1);
    assert.equal(agentCoverage.shortfall, null);

    // Every ticket has an assigned inspection, round robin, never the agent's own.
    const inspectors = run.body.tickets.map((t) => t.inspector_id);
    inspectors.forEach((who, k) => {
      assert.notEqual(who, run.body.tickets[k].agent_id);
      assert.ok([ctx.ids.staff.quality, ctx.ids.staff.evaluator].includes(who));
    });
    if (inspectors.length >= 2 && !run.body.tickets.slice(0, 2).some((t) => [ctx.ids.staff.quality, ctx.ids.staff.evaluator].includes(t.agent_id))) {
      assert.notEqual(inspectors[0], inspectors[1], 'dealt in turn');
    }
    const first = run.body.tickets[0];
    const inspection = await u.quality.get(`/api/v1/inspections/${first.inspection_id}`);
    assert.equal(inspection.status, 200, inspection.text);
    assert.equal(inspection.body.state, 'assigned');
    assert.equal(inspection.body.ticket_id, first.ticket_id);
    assert.equal(inspection.body.inspector_id, first.inspector_id);

    // The audit trail records the seed and the tickets.
    const events = await u.admin.get(`/api/v1/events?entity=sampling_plan&entity_id=${id}&type=sampling.sample_drawn`);
    assert.equal(events.status, 200, events.text);
    assert.equal(events.body.items.length, 1, events.text);
    assert.equal(events.body.items[0].data.seed, 4242);
    assert.deepEqual(events.body.items[0].data.ticket_ids, run.body.tickets.map((t) => t.ticket_id));

    // Another run of the cycle, another seed: every quota is met, nothing is drawn again.
    const again = await u.quality.post(`/api/v1/sampling-plans/${id}/runs`, { seed: 7 });
    assert.equal(again.status, 201, again.text);
    assert.equal(again.body.drawn, 0, JSON.stringify(again.body.tickets));
    assert.equal(again.body.coverage.find((c) => c.agent_id === ctx.ids.staff.agent).earlier, 1);
    const runs = await u.quality.get(`/api/v1/sampling-plans/${id}/runs`);
    assert.equal(runs.status, 200, runs.text);
    assert.deepEqual(runs.body.items.map((r) => r.seed), [7, 4242]);
  });

  test('a plan is edited and deactivated: one event per change, an inactive plan draws nothing, past draws stay', async () => {
    const t = await register(u.agent, { customer_id: ctx.desk.otherCustomers[0].id, category_id: ctx.desk.leaves[0].id });
    await actOk(u.agent, t.id, 'respond', { note: '已收到' });
    await actOk(u.agent, t.id, 'resolve', { note: '已解决' });
    const made = await u.quality.post('/api/v1/sampling-plans', plan());
    assert.equal(made.status, 201, made.text);
    const id = made.body.id;
    const run = await u.quality.post(`/api/v1/sampling-plans/${id}/runs`, { seed: 11 });
    assert.equal(run.status, 201, run.text);

    // Every problem at once, nothing written; the scope is not editable; a taken name is a conflict.
    const bad = await u.quality.patch(`/api/v1/sampling-plans/${id}`, { name: '', quota: 'percent', amount: 150 });
    assertError(bad, 400);
    const taken = (await u.quality.get('/api/v1/sampling-plans')).body.items.find((p) => p.id !== id).name;
    assertError(await u.quality.patch(`/api/v1/sampling-plans/${id}`, { quota: 'percent', amount: 101 }), 400, 'amount');
    assertError(await u.quality.patch(`/api/v1/sampling-plans/${id}`, { cycle: 'month' }), 400, 'cycle');
    assertError(await u.quality.patch(`/api/v1/sampling-plans/${id}`, { name: taken }), 409, 'name');
    assertError(await u.quality.patch('/api/v1/sampling-plans/999999', { active: false }), 404);
    assert.equal((await u.evaluator.patch(`/api/v1/sampling-plans/${id}`, { active: false })).status, 403);
    assert.equal((await u.quality.get(`/api/v1/sampling-plans/${id}`)).body.name, made.body.name);

    const name = uniqueName('改名后的计划');
    const edited = await u.quality.patch(`/api/v1/sampling-plans/${id}`, { name, quota: 'percent', amount: 50, by_type: false, breaches: true });
    assert.equal(edited.status, 200, edited.text);
    assert.equal(edited.body.name, name);
    assert.equal(edited.body.quota, 'percent');
    assert.equal(edited.body.by_type, false);
    assert.equal(edited.body.by_channel, true, 'a field not sent stays');
    const off = await u.quality.patch(`/api/v1/sampling-plans/${id}`, { active: false });
    assert.equal(off.body.active, false);
    const listed = (await u.quality.get('/api/v1/sampling-plans')).body.items.find((p) => p.id === id);
    assert.equal(listed.active, false);
    const events = await u.admin.get(`/api/v1/events?entity=sampling_plan&entity_id=${id}&type=sampling.plan_updated`);
    assert.equal(events.body.items.length, 2, events.text);
    assert.ok(events.body.items.some((e) => e.data.active === false && Object.keys(e.data).length === 1), events.text);

    // Inactive: no draw, not even a preview; the earlier run and its inspections stay as they were.
    assertError(await u.quality.post(`/api/v1/sampling-plans/${id}/runs`, { seed: 12 }), 409, 'plan');
    assertError(await u.quality.post(`/api/v1/sampling-plans/${id}/runs`, { seed: 12, dry_run: true }), 409, 'plan');
    const runs = (await u.quality.get(`/api/v1/sampling-plans/${id}/runs`)).body.items;
    assert.deepEqual(runs.map((r) => [r.seed, r.drawn]), [[11, run.body.drawn]]);
    for (const ticket of run.body.tickets) {
      assert.equal((await u.quality.get(`/api/v1/inspections/${ticket.inspection_id}`)).status, 200);
    }
  });

  test('a bad run names its field; plans are for inspection.manage only', async () => {
    const made = await u.quality.post('/api/v1/sampling-plans', plan());
    const id = made.body.id;
    assertError(await u.quality.post(`/api/v1/sampling-plans/${id}/runs`, { seed: 2 ** 53 }), 400, 'seed');
    assertError(await u.quality.post(`/api/v1/sampling-plans/${id}/runs`, { at: 'tomorrow' }), 400, 'at');
    assertError(await u.quality.post('/api/v1/sampling-plans/999999/runs', {}), 404);
    assert.equal((await u.agent.get('/api/v1/sampling-plans')).status, 403);
    assert.equal((await u.evaluator.post(`/api/v1/sampling-plans/${id}/runs`, {})).status, 403);
    assert.equal((await u.manager.get(`/api/v1/sampling-plans/${id}`)).status, 403);
  });
});

describe('charts', () => {
  const day = 86400000;
  const range = () => `from=${new Date(Date.now() - day).toISOString()}&to=${new Date(Date.now() + day).toISOString()}`;

  test('a published inspection shows in the score trend and its failed item in the Pareto', async () => {
    const assigned = await u.quality.post('/api/v1/inspections', {
      kind: 'routine_check', scorecard_id: cardId, department_id: ctx.ids.departments.DESK,
      agent_id: ctx.ids.staff.agent, inspector_id: ctx.ids.staff.evaluator,
    });
    assert.equal(assigned.status, 201, assigned.text);
    const id = assigned.body.id;
    const sub = await u.evaluator.post(`/api/v1/inspections/${id}/submit`, { answers: { i0: 0 } });
    assert.equal(sub.status, 200, sub.text);
    const pub = await u.quality.post(`/api/v1/inspections/${id}/publish`, {});
    assert.equal(pub.status, 200, pub.text);

    const pareto = await u.quality.get(`/api/v1/inspection-reports/pareto?${range()}`);
    assert.equal(pareto.status, 200, pareto.text);
    const bar = pareto.body.items.find((b) => b.code === 'i0');
    assert.ok(bar && bar.failed >= 1 && bar.name === '礼貌用语', pareto.text);
    assert.equal(pareto.body.items.at(-1).cumulative, 100);

    const trend = await u.quality.get(`/api/v1/inspection-reports/trend?by=agent&period=week&${range()}`);
    assert.equal(trend.status, 200, trend.text);
    const point = trend.body.items.find((p) => p.key === ctx.ids.staff.agent);
    assert.ok(point && point.count >= 1, trend.text);
    const byDept = await u.quality.get(`/api/v1/inspection-reports/trend?by=department&period=month&${range()}`);
    assert.ok(byDept.body.items.some((p) => p.key === ctx.ids.departments.DESK), byDept.text);
    // The agent sees their own published inspection in the charts too.
    const own = await u.agent.get(`/api/v1/inspection-reports/pareto?${range()}`);
    assert.equal(own.status, 200, own.text);
    assert.ok(own.body.items.some((b) => b.code === 'i0'), own.text);
  });

  test('a bad range or grouping names its field', async () => {
    assertError(await u.quality.get('/api/v1/inspection-reports/pareto'), 400, 'from');
    assertError(await u.quality.get('/api/v1/inspection-reports/pareto?from=2026-02-01&to=2026-01-01'), 400, 'to');
    assertError(await u.quality.get('/api/v1/inspection-reports/pareto?from=2020-01-01&to=2026-01-01'), 400, 'to');
    assertError(await u.quality.get(`/api/v1/inspection-reports/trend?by=team&${range()}`), 400, 'by');
    assertError(await u.quality.get(`/api/v1/inspection-reports/trend?period=day&${range()}`), 400, 'period');
  });
});
