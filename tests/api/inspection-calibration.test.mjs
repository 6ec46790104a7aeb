// Calibration sessions over HTTP: bad input names its field and writes nothing; scoring is blind
// while the session is open (another participant's answers are refused, also to the quality
// department); closing waits for two reviewers and the expert and reveals the per-item table and
// the agreement (the published kappa example); nothing is scored after closing; third-party
// evaluators who do not take part and roles without inspection.perform get 403; no inspection is
// made.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { actOk, assertError, register, startDeskServer } from './lib/desk.mjs';
import { loginAs, uniqueName } from './lib/server.mjs';

let ctx;
let u;
let cardId;
let ticketId;
let outsider; // a second evaluator engaged for DESK who takes no part
let outsiderId;

const ratings = (r) => Object.fromEntries(r.map((v, k) => [`q${k + 1}`, v]));
const deadline = () => new Date(Date.now() + 3 * 86_400_000).toISOString();

before(async () => {
  ctx = await startDeskServer();
  u = ctx.users;
  const card = await u.quality.post('/api/v1/scorecards', {
    name: uniqueName('校准评分表'),
    method: 'total_points',
    pass_mark: 60,
    sections: [{
      code: 's1',
      name: '服务规范',
      items: Array.from({ length: 8 }, (_, k) => ({ code: `q${k + 1}`, name: `第 ${k + 1} 项`, scale: 'three_point', max_points: 2 })),
    }],
  });
  assert.equal(card.status, 201, card.text);
  cardId = card.body.id;
  const t = await register(u.agent, { customer_id: ctx.desk.otherCustomers[0].id, category_id: ctx.desk.leaves[0].id });
  await actOk(u.agent, t.id, 'respond', { note: '已收到' });
  await actOk(u.agent, t.id, 'resolve', { note: '已解决' });
  ticketId = t.id;
  const username = uniqueName('eval').replace(/[^A-Za-z0-9._-]/g, '').slice(0, 60);
  const made = await u.admin.post('/api/v1/staff', {
    username, display_name: `Evaluator ${username}`, roles: ['evaluator'], password: 'Initial-pass-2026',
    scope_department_ids: [ctx.ids.departments.DESK],
  });
  assert.equal(made.status, 201, made.text);
  outsiderId = made.body.id;
  outsider = await loginAs(ctx.server, username, 'Initial-pass-2026');
});

after(async () => {
  await ctx?.server.stop();
});

function session(fields = {}) {
  return {
    ticket_id: ticketId,
    scorecard_id: cardId,
    reviewer_ids: [ctx.ids.staff.quality, ctx.ids.staff.evaluator],
    expert_id: ctx.ids.staff.admin,
    deadline: deadline(),
    ...fields,
  };
}

describe('calibration sessions', () => {
  test('bad input names the field and writes nothing', async () => {
    const count = async () => (await u.quality.get('/api/v1/calibrations')).body.items.length;
    const before = await count();
    const staff = ctx.ids.staff;
    assertError(await u.quality.post('/api/v1/calibrations', session({ reviewer_ids: [staff.quality] })), 400, 'reviewer_ids');
    assertError(await u.quality.post('/api/v1/calibrations', session({ expert_id: staff.evaluator })), 400, 'expert_id');
    assertError(await u.quality.post('/api/v1/calibrations', session({ ticket_id: 999999 })), 400, 'ticket_id');
    assertError(await u.quality.post('/api/v1/calibrations', session({ scorecard_id: 999999 })), 400, 'scorecard_id');
    assertError(await u.quality.post('/api/v1/calibrations', session({ inspection_id: 999999, ticket_id: undefined })), 400, 'inspection_id');
    // The ticket's own agent never reviews it (nor does anyone without inspection.perform).
    assertError(await u.quality.post('/api/v1/calibrations', session({ reviewer_ids: [staff.quality, staff.agent] })), 400, 'reviewer_ids[1]');
    assertError(await u.quality.post('/api/v1/calibrations', session({ deadline: '2020-01-01' })), 400, 'deadline');
    assertError(await u.quality.post('/api/v1/calibrations', session({ deadline: 'soon' })), 400, 'deadline');
    const all = await u.quality.post('/api/v1/calibrations', session({ ticket_id: 999999, scorecard_id: 999999, reviewer_ids: [staff.quality], expert_id: staff.quality }));
    assertError(all, 400);
    const fields = [all.body.error.field, ...all.body.error.errors.map((e) => e.field)];
    for (const f of ['ticket_id', 'scorecard_id', 'reviewer_ids', 'expert_id']) assert.ok(fields.includes(f), `${f} in ${JSON.stringify(fields)}`);
    assert.equal(await count(), before);
  });

  test('blind while open; closing reveals the per-item table and the agreement against the expert', async () => {
    const inspections = (await u.quality.get(`/api/v1/inspections?ticket_id=${ticketId}`)).body.items.length;
    const made = await u.quality.post('/api/v1/calibrations', session());
    assert.equal(made.status, 201, made.text);
    const id = made.body.id;
    assert.equal(made.body.state, 'open');
    assert.equal(made.body.scorecard_version, 1);
    assert.deepEqual(made.body.participants.map((p) => p.role), ['reviewer', 'reviewer', 'expert']);
    assert.equal(made.body.results, null);
    const { quality: q, evaluator: e, admin: a } = ctx.ids.staff;

    // Answers must match the pinned card; a draft may be partial.
    assertError(await u.evaluator.post(`/api/v1/calibrations/${id}/submit`, { answers: { zz: 1 } }), 400, 'answers.zz');
    assertError(await u.evaluator.post(`/api/v1/calibrations/${id}/submit`, { answers: ratings([1, 1]) }), 400, 'answers.q3');
    assertError(await u.evaluator.post(`/api/v1/calibrations/${id}/submit`, { answers: ratings([1, 1, 2, 2, 3, 3, 1, 4]) }), 400, 'answers.q8');
    assert.equal((await u.evaluator.put(`/api/v1/calibrations/${id}/answers`, { answers: ratings([1, 1]) })).status, 200);
    const sent = await u.evaluator.post(`/api/v1/calibrations/${id}/submit`, { answers: ratings([1, 1, 2, 2, 3, 3, 1, 3]), notes: '第二项偏严' });
    assert.equal(sent.status, 200, sent.text);
    assert.equal(sent.body.percent, 50);

    // Blind: the other reviewer, and the quality department that runs it, see that the evaluator
    // has submitted, never what.
    const seen = await u.quality.get(`/api/v1/calibrations/${id}`);
    assert.equal(seen.status, 200, seen.text);
    const theirs = seen.body.participants.find((p) => p.staff_id === e);
    assert.equal(theirs.submitted, true);
    assert.equal(theirs.hidden, true);
    assert.equal(theirs.answers, null);
    assert.equal(theirs.percent, null);
    assertError(await u.quality.get(`/api/v1/calibrations/${id}/scores/${e}`), 403);
    assertError(await u.admin.get(`/api/v1/calibrations/${id}/scores/${e}`), 403);
    const own = await u.evaluator.get(`/api/v1/calibrations/${id}/scores/${e}`);
    assert.equal(own.status, 200, own.text);
    assert.equal(own.body.answers.q2, 1);
    assertError(await u.evaluator.get(`/api/v1/calibrations/${id}/scores/${ctx.ids.staff.agent}`), 404);

    // Not taking part: the other evaluator neither reads nor scores it; roles without
    // inspection.perform are refused at the door.
    assertError(await outsider.get(`/api/v1/calibrations/${id}`), 403);
    assertError(await outsider.get(`/api/v1/calibrations/${id}/scores/${e}`), 403);
    assertError(await outsider.post(`/api/v1/calibrations/${id}/submit`, { answers: ratings([1, 1, 1, 1, 1, 1, 1, 1]) }), 403, 'reviewer_ids');
    assert.equal((await outsider.get('/api/v1/calibrations')).body.items.some((s) => s.id === id), false);
    assert.equal(outsiderId > 0, true);
    for (const role of ['agent', 'engineer', 'manager', 'executive', 'customer']) {
      assertError(await u[role].get(`/api/v1/calibrations/${id}`), 403, undefined, role);
      assertError(await u[role].get('/api/v1/calibrations'), 403, undefined, role);
    }
    assertError(await u.evaluator.post(`/api/v1/calibrations/${id}/close`, {}), 403);

    // Closing waits for two reviewers, then for the expert.
    assertError(await u.quality.post(`/api/v1/calibrations/${id}/close`, {}), 409, 'reviewer_ids');
    assert.equal((await u.quality.post(`/api/v1/calibrations/${id}/submit`, { answers: ratings([1, 3, 2, 1, 3, 2, 1, 3]) })).status, 200);
    assertError(await u.quality.post(`/api/v1/calibrations/${id}/close`, {}), 409, 'expert_id');
    assert.equal((await u.admin.post(`/api/v1/calibrations/${id}/submit`, { answers: ratings([1, 3, 2, 1, 3, 2, 1, 3]) })).status, 200);

    const closed = await u.quality.post(`/api/v1/calibrations/${id}/close`, {});
    assert.equal(closed.status, 200, closed.text);
    assert.equal(closed.body.state, 'closed');
    const results = closed.body.results;
    assert.equal(results.against_expert, true);
    assert.equal(results.tolerance, 10);
    const vs = results.agreement.find((x) => x.reviewer_id === e);
    assert.equal(vs.reference_id, a);
    assert.equal(vs.items, 8);
    // The published example [1,1,2,2,3,3,1,3] vs [1,3,2,1,3,2,1,3].
    assert.ok(Math.abs(vs.kappa - 0.4286) < 5e-5, JSON.stringify(vs));
    assert.ok(Math.abs(vs.kappa_linear - 0.4667) < 5e-5, JSON.stringify(vs));
    assert.ok(Math.abs(vs.kappa_quadratic - 0.5) < 1e-9, JSON.stringify(vs));
    assert.equal(vs.share_within, 0.625);
    assert.equal(results.agreement.find((x) => x.reviewer_id === q).kappa, 1);
    // The item the reviewers disagree on most first, with everyone's answer on the 0-100 scale.
    assert.equal(results.items[0].code, 'q2');
    assert.equal(results.items[0].spread, 100);
    const q2 = Object.fromEntries(results.items[0].scores.map((s) => [s.staff_id, s.points]));
    assert.deepEqual(q2, { [q]: 100, [e]: 0, [a]: 100 });
    assert.equal(results.totals.find((t) => t.staff_id === e).percent, 50);

    // Revealed to every participant; nothing is scored or closed again.
    const revealed = await u.quality.get(`/api/v1/calibrations/${id}/scores/${e}`);
    assert.equal(revealed.status, 200, revealed.text);
    assert.equal(revealed.body.notes, '第二项偏严');
    assert.equal((await u.evaluator.get(`/api/v1/calibrations/${id}`)).body.participants.every((p) => !p.hidden), true);
    assertError(await u.evaluator.post(`/api/v1/calibrations/${id}/submit`, { answers: ratings([3, 3, 3, 3, 3, 3, 3, 3]) }), 409, 'state');
    assertError(await u.evaluator.put(`/api/v1/calibrations/${id}/answers`, { answers: ratings([3]) }), 409, 'state');
    assertError(await u.quality.post(`/api/v1/calibrations/${id}/close`, {}), 409, 'state');

    // A calibration is never an inspection.
    assert.equal((await u.quality.get(`/api/v1/inspections?ticket_id=${ticketId}`)).body.items.length, inspections);
  });
});
