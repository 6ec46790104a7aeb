// Scorecards over HTTP: the builder's preview reproduces the published examples, every
// problem of a card is named at once, versions are kept (an old one stays readable), and each
// route answers every demo role by the permission it names.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { assertError } from './lib/desk.mjs';
import { DEMO_USERS, demoIds, loginAs, startServer, uniqueName } from './lib/server.mjs';

let server;
const u = {};

before(async () => {
  server = await startServer();
  for (const role of DEMO_USERS) u[role] = await loginAs(server, role);
});

after(async () => {
  await server?.stop();
});

// One points item per section, so a section earns what its item earns.
function card(points, { weights, method = 'total_points', passMark = 60 } = {}) {
  return {
    method,
    pass_mark: passMark,
    sections: points.map((p, s) => ({
      code: `s${s}`,
      name: `部分 ${s + 1}`,
      ...(weights ? { weight: weights[s] } : {}),
      items: [{ code: `i${s}`, name: `第 ${s + 1} 项`, guidance: '按规范评分', scale: 'points', max_points: p }],
    })),
  };
}

function answers(values) {
  return Object.fromEntries(values.map((v, s) => [`i${s}`, v]));
}

async function preview(body) {
  const r = await u.agent.post('/api/v1/scorecards/preview', body);
  assert.equal(r.status, 200, r.text);
  return r.body;
}

describe('the preview', () => {
  test('reproduces the published examples', async () => {
    const total = await preview({ ...card([5, 10, 15, 5]), answers: answers([3, 5, 8, 5]) });
    assert.ok(Math.abs(total.percent - 60) < 1e-9, JSON.stringify(total));
    assert.equal(total.earned, 21);
    assert.equal(total.possible, 35);
    assert.equal(total.passed, true);

    const na = await preview({ ...card([5, 10, 15, 5]), answers: answers([3, 5, 8, 'na']) });
    assert.ok(Math.abs(na.percent - 1600 / 30) < 1e-9, JSON.stringify(na));
    assert.equal(na.sections[3].percent, null);
    assert.equal(na.passed, false);

    const weighted = card([3, 10, 5, 2], { method: 'section_weights', weights: [10, 30, 50, 10] });
    const w = await preview({ ...weighted, answers: answers([3, 5, 4, 1]) });
    assert.ok(Math.abs(w.percent - 70) < 1e-9, JSON.stringify(w));
    const byPoints = await preview({ ...weighted, method: 'total_points', answers: answers([3, 5, 4, 1]) });
    assert.ok(Math.abs(byPoints.percent - 65) < 1e-9, JSON.stringify(byPoints));
  });

  test('a failed critical item scores the card 0 % and says what it would have been', async () => {
    const c = card([5, 5]);
    c.sections[1].items.push({ code: 'rude', name: '服务忌语', scale: 'yes_no', max_points: 1, critical: 'card' });
    const r = await preview({ ...c, answers: { i0: 5, i1: 5, rude: 0 } });
    assert.equal(r.percent, 0);
    assert.ok(Math.abs(r.percent_before_failure - 10 / 11 * 100) < 1e-9);
    assert.equal(r.failed, true);
    assert.deepEqual(r.critical_failures, ['rude']);
  });

  test('names every problem of the card and the answers at once', async () => {
    const c = card([3, 10, 5, 2], { method: 'section_weights', weights: [10, 30, 50, 15] });
    c.sections[1].items[0].scale = 'ten_point';
    c.sections[2].items[0].max_points = 0;
    const r = await u.agent.post('/api/v1/scorecards/preview', { ...c, answers: { i0: 'yes' } });
    assertError(r, 400);
    const fields = r.body.error.errors.map((e) => e.field);
    for (const f of ['sections[1].items[0].scale', 'sections[2].items[0].max_points', 'sections', 'answers.i0']) {
      assert.ok(fields.includes(f), `${f} in ${JSON.stringify(fields)}`);
    }
    assert.ok(r.body.error.errors.some((e) => e.field === 'sections' && e.key === 'scorecard.weights_sum'), r.text);
    const missing = await u.agent.post('/api/v1/scorecards/preview', { ...card([5]), answers: {} });
    assertError(missing, 400, 'answers.i0');
    const out = await u.agent.post('/api/v1/scorecards/preview', { ...card([5]), answers: { i0: 6 } });
    assertError(out, 400, 'answers.i0');
  });
});

describe('stored scorecards', () => {
  let id;
  let name;

  test('are created, listed and read by those who inspect', async () => {
    name = uniqueName('质检评分表');
    const r = await u.quality.post('/api/v1/scorecards', { name, ...card([5, 10, 15, 5]) });
    assert.equal(r.status, 201, r.text);
    assert.equal(r.body.version, 1);
    assert.equal(r.body.sections[0].items[0].guidance, '按规范评分');
    id = r.body.id;
    const list = await u.evaluator.get('/api/v1/scorecards');
    assert.equal(list.status, 200, list.text);
    assert.ok(list.body.items.some((c) => c.id === id));
    const one = await u.evaluator.get(`/api/v1/scorecards/${id}`);
    assert.equal(one.status, 200, one.text);
    assert.equal(one.body.name, name);
  });

  test('a changed definition is the next version; the old one stays readable', async () => {
    const same = await u.quality.put(`/api/v1/scorecards/${id}`, { name, ...card([5, 10, 15, 5]) });
    assert.equal(same.status, 200, same.text);
    assert.equal(same.body.version, 1, 'an unchanged definition makes no version');
    const changed = card([5, 10, 15, 5], { passMark: 80 });
    const r = await u.quality.put(`/api/v1/scorecards/${id}`, { name, active: false, ...changed });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.version, 2);
    assert.equal(r.body.active, false);
    const v1 = await u.quality.get(`/api/v1/scorecards/${id}?version=1`);
    assert.equal(v1.status, 200, v1.text);
    assert.equal(v1.body.pass_mark, 60);
    assert.equal(v1.body.latest_version, 2);
    assertError(await u.quality.get(`/api/v1/scorecards/${id}?version=3`), 400, 'version');
    assertError(await u.quality.get('/api/v1/scorecards/999999'), 404);
  });

  test('bad cards name every field and write nothing; a taken name is a conflict', async () => {
    const before = (await u.quality.get('/api/v1/scorecards')).body.items.length;
    const bad = card([3, 10], { method: 'section_weights', weights: [50, 40] });
    bad.sections[0].items.push({ code: 'i1', name: 'dup', scale: 'yes_no', max_points: 1 });
    bad.sections[1].items[0].guidance = 'x'.repeat(2001);
    bad.colour = 'red';
    const r = await u.quality.post('/api/v1/scorecards', { name: '', ...bad });
    assertError(r, 400);
    const fields = r.body.error.errors.map((e) => e.field);
    for (const f of ['colour', 'name', 'sections[1].items[0].code', 'sections[1].items[0].guidance', 'sections']) {
      assert.ok(fields.includes(f), `${f} in ${JSON.stringify(fields)}`);
    }
    assert.equal((await u.quality.get('/api/v1/scorecards')).body.items.length, before);
    assertError(await u.quality.post('/api/v1/scorecards', { name: name.toUpperCase(), ...card([5]) }), 409, 'name');
  });

  test('each route answers every role by its permission', async () => {
    const manage = new Set(['admin', 'quality']);
    const perform = new Set(['admin', 'quality', 'evaluator']);
    for (const role of DEMO_USERS) {
      const list = await u[role].get('/api/v1/scorecards');
      assert.equal(list.status, perform.has(role) ? 200 : 403, `${role} GET list`);
      const one = await u[role].get(`/api/v1/scorecards/${id}`);
      assert.equal(one.status, perform.has(role) ? 200 : 403, `${role} GET one`);
      const made = await u[role].post('/api/v1/scorecards', { name: uniqueName(role), ...card([5]) });
      assert.equal(made.status, manage.has(role) ? 201 : 403, `${role} POST`);
      const put = await u[role].put(`/api/v1/scorecards/${id}`, { name, ...card([5, 10, 15, 5], { passMark: 80 }) });
      assert.equal(put.status, manage.has(role) ? 200 : 403, `${role} PUT`);
      const pre = await u[role].post('/api/v1/scorecards/preview', { ...card([5]), answers: { i0: 5 } });
      assert.equal(pre.status, role === 'customer' ? 403 : 200, `${role} preview`);
    }
  });
});

describe('inspections', () => {
  let ids;
  let cardId;
  let id;

  before(async () => {
    ids = await demoIds(u.admin);
    const r = await u.quality.post('/api/v1/scorecards', { name: uniqueName('巡检'), ...card([3, 10, 5, 2], { method: 'section_weights', weights: [10, 30, 50, 10], passMark: 80 }) });
    assert.equal(r.status, 201, r.text);
    cardId = r.body.id;
  });

  test('an assignment names every problem at once', async () => {
    const r = await u.quality.post('/api/v1/inspections', { kind: 'ticket_review', scorecard_id: 999999, inspector_id: ids.staff.agent });
    assertError(r, 400);
    const fields = [r.body.error.field, ...r.body.error.errors.map((e) => e.field)];
    for (const f of ['scorecard_id', 'ticket_id', 'inspector_id']) assert.ok(fields.includes(f), `${f} in ${JSON.stringify(fields)}`);
  });

  test('the evaluator scores a covert check of DESK; the agent sees it only once published', async () => {
    const r = await u.quality.post('/api/v1/inspections', {
      kind: 'surprise_check', covert: true, scorecard_id: cardId, department_id: ids.departments.DESK,
      agent_id: ids.staff.agent, inspector_id: ids.staff.evaluator,
    });
    assert.equal(r.status, 201, r.text);
    assert.equal(r.body.state, 'assigned');
    id = r.body.id;
    assertError(await u.agent.get(`/api/v1/inspections/${id}`), 404);
    assert.equal((await u.evaluator.get('/api/v1/inspections')).body.items.some((i) => i.id === id), true);
    assertError(await u.quality.put(`/api/v1/inspections/${id}/answers`, { answers: { i0: 3 } }), 403);
    const draft = await u.evaluator.put(`/api/v1/inspections/${id}/answers`, { answers: { i0: 3 }, notes: '柜台整洁' });
    assert.equal(draft.status, 200, draft.text);
    assert.equal(draft.body.state, 'in_progress');
    assertError(await u.evaluator.post(`/api/v1/inspections/${id}/submit`, { answers: { i0: 3 } }), 400, 'answers.i1');
    const sub = await u.evaluator.post(`/api/v1/inspections/${id}/submit`, { answers: answers([3, 5, 4, 1]) });
    assert.equal(sub.status, 200, sub.text);
    assert.ok(Math.abs(sub.body.percent - 70) < 1e-9);
    assert.equal(sub.body.passed, false);
    const pub = await u.quality.post(`/api/v1/inspections/${id}/publish`, {});
    assert.equal(pub.status, 200, pub.text);
    assert.equal(pub.body.state, 'published');
    assert.ok(Date.parse(pub.body.appeal_deadline) > Date.parse(pub.body.published_at) + 5 * 86_400_000 - 1);
    assertError(await u.evaluator.put(`/api/v1/inspections/${id}/answers`, { answers: { i0: 1 } }), 409, 'state');
    const seen = await u.agent.get(`/api/v1/inspections/${id}`);
    assert.equal(seen.status, 200, seen.text);
    // The inspected person reads the card version it was scored with (items and guidance) on it.
    assert.equal(seen.body.scorecard.id, cardId);
    assert.equal(seen.body.scorecard.version, seen.body.scorecard_version);
    assert.equal(seen.body.scorecard.sections[0].items[0].guidance, '按规范评分');
    // The queue filters by the department inspected.
    const desk = await u.quality.get(`/api/v1/inspections?department_id=${ids.departments.DESK}`);
    assert.equal(desk.body.items.some((i) => i.id === id), true);
    const tech = await u.quality.get(`/api/v1/inspections?department_id=${ids.departments.TECH}`);
    assert.equal(tech.body.items.some((i) => i.id === id), false);
  });

  test('an appeal is decided by someone other than the inspector, and an upheld one is a new linked record', async () => {
    assertError(await u.engineer.post(`/api/v1/inspections/${id}/appeal`, { reason: '不是我' }), 404);
    assertError(await u.agent.post(`/api/v1/inspections/${id}/appeal`, {}), 400, 'reason');
    const a = await u.agent.post(`/api/v1/inspections/${id}/appeal`, { reason: '第三项已按规范处理' });
    assert.equal(a.status, 200, a.text);
    assert.equal(a.body.state, 'appealed');
    assertError(await u.quality.post(`/api/v1/inspections/${id}/decision`, { outcome: 'maybe', reason: 'x' }), 400, 'outcome');
    const d = await u.quality.post(`/api/v1/inspections/${id}/decision`, { outcome: 'upheld', reason: '改判', answers: { i2: 5 } });
    assert.equal(d.status, 200, d.text);
    assert.equal(d.body.state, 'final');
    assert.ok(Math.abs(d.body.percent - 70) < 1e-9, 'the published record is not edited');
    const fixed = await u.agent.get(`/api/v1/inspections/${d.body.corrected_by_id}`);
    assert.equal(fixed.status, 200, fixed.text);
    assert.equal(fixed.body.corrects_id, id);
    assert.ok(Math.abs(fixed.body.percent - 80) < 1e-9);
    assert.equal(fixed.body.passed, true);
  });
});
