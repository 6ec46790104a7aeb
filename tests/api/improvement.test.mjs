// Improvement actions (整改 / CAPA) over HTTP: root-cause categories, an action raised from a
// complaint, completed by its owner with evidence and verified by quality; who sees and changes
// what for every demo role; staff suggestions and their triage; audits whose findings raise
// actions; the overdue list; the fact source for assessment. docs/improvement.md.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { assertError } from './lib/desk.mjs';
import { DEMO_USERS, demoIds, loginAs, startServer, uniqueName } from './lib/server.mjs';

let server;
let ids;
const u = {};

before(async () => {
  server = await startServer();
  for (const role of DEMO_USERS) u[role] = await loginAs(server, role);
  ids = await demoIds(u.admin);
});

after(async () => {
  await server?.stop();
});

const A = '/api/v1/improvement';

function isoDay(offset) {
  return new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
}

async function complaintId() {
  const r = await u.quality.get('/api/v1/tickets?type=complaint&limit=1');
  assert.equal(r.status, 200, r.text);
  assert.ok(r.body.items.length > 0, 'the demo has complaints');
  return r.body.items[0].id;
}

async function raiseRaw(fields = {}) {
  return u.quality.post(`${A}/actions`, {
    source: 'complaint',
    source_id: await complaintId(),
    title: uniqueName('整改'),
    owner_id: ids.staff.agent,
    due_date: isoDay(7),
    ...fields,
  });
}

async function raise(fields = {}) {
  const r = await raiseRaw(fields);
  assert.equal(r.status, 201, r.text);
  return r.body;
}

describe('root-cause categories', () => {
  test('are seeded in both languages and editable by quality only', async () => {
    const list = await u.agent.get(`${A}/root-causes`);
    assert.equal(list.status, 200, list.text);
    const codes = list.body.items.map((c) => c.code);
    for (const code of ['people', 'process', 'method', 'equipment', 'environment', 'materials']) assert.ok(codes.includes(code), code);
    assert.equal(list.body.items.find((c) => c.code === 'people').name_zh, '人员');
    assertError(await u.evaluator.get(`${A}/root-causes`), 403);
    const code = uniqueName('rc').toLowerCase().slice(0, 30);
    const made = await u.quality.post(`${A}/root-causes`, { code, name_zh: '测量', name_en: 'Measurement', position: 7 });
    assert.equal(made.status, 201, made.text);
    assertError(await u.quality.post(`${A}/root-causes`, { code, name_zh: '重复', name_en: 'Again' }), 409, 'code');
    assertError(await u.agent.post(`${A}/root-causes`, { code: 'x', name_zh: 'x', name_en: 'x' }), 403);
    const retired = await u.quality.put(`${A}/root-causes/${made.body.id}`, { code, name_zh: '测量', name_en: 'Measurement', active: false });
    assert.equal(retired.status, 200, retired.text);
    assert.equal(retired.body.active, false);
  });
});

describe('an action', () => {
  test('reports every problem of the draft at once', async () => {
    const r = await u.quality.post(`${A}/actions`, { source: 'audit_finding', title: '', due_date: 'tomorrow', direction: 'up' });
    assertError(r, 400);
    const fields = new Set([r.body.error.field, ...(r.body.error.errors ?? []).map((e) => e.field)]);
    for (const f of ['title']) assert.ok(fields.has(f), `${f} in ${r.text}`);
    const r2 = await u.quality.post(`${A}/actions`, { source: 'audit_finding', title: 'x', due_date: 'tomorrow', direction: 'up' });
    assertError(r2, 400);
    const fields2 = new Set([r2.body.error.field, ...(r2.body.error.errors ?? []).map((e) => e.field)]);
    for (const f of ['source_id', 'owner_id', 'due_date', 'measure_code', 'value_before']) assert.ok(fields2.has(f), `${f} in ${r2.text}`);
    assertError(await u.quality.post(`${A}/actions`, { source: 'complaint', source_id: 999999, title: 'x', owner_id: ids.staff.agent, due_date: isoDay(3) }), 400, 'source_id');
    assertError(await u.quality.post(`${A}/actions`, { source: 'other', title: 'x', owner_id: ids.staff.evaluator, due_date: isoDay(3) }), 400, 'owner_id');
  });

  test('raised from a complaint is completed by its owner with evidence and verified by quality', async () => {
    const a = await raise({ measure_code: 'complaint_rate', direction: 'down', value_before: 8, value_before_source: '上月考核' });
    assert.equal(a.status, 'open');
    assert.equal(a.owner_id, ids.staff.agent);
    assert.equal(a.department_id, ids.departments.DESK);
    const t = `${A}/actions/${a.id}/transitions`;
    assertError(await u.engineer.post(t, { op: 'start' }), 404);
    assert.equal((await u.agent.post(t, { op: 'start' })).status, 200);
    assertError(await u.agent.post(t, { op: 'complete' }), 400, 'evidence');
    const done = await u.agent.post(t, { op: 'complete', evidence: '已补充投诉处理话术' });
    assert.equal(done.status, 200, done.text);
    assert.equal(done.body.status, 'done');
    assertError(await u.agent.post(t, { op: 'verify', value_after: 3 }), 403);
    assertError(await u.quality.post(t, { op: 'verify' }), 400, 'value_after');
    const verified = await u.quality.post(t, { op: 'verify', value_after: 3, note: '投诉率下降' });
    assert.equal(verified.status, 200, verified.text);
    assert.equal(verified.body.status, 'verified');
    assertError(await u.quality.post(t, { op: 'cancel', reason: 'x' }), 409, 'status');
    assertError(await u.quality.post(t, { op: 'fly' }), 400, 'op');

    const detail = await u.agent.get(`${A}/actions/${a.id}`);
    assert.equal(detail.status, 200, detail.text);
    assert.deepEqual(detail.body.timeline.map((e) => e.type), ['improvement.created', 'improvement.start', 'improvement.complete', 'improvement.verify']);
    assert.equal(detail.body.timeline[2].data.evidence, '已补充投诉处理话术');
  });

  test('reads its value before from the measure for its subject, and refuses to verify before the window after ends', async () => {
    assertError(await u.quality.post(`${A}/actions`, {
      source: 'other', title: 'x', owner_id: ids.staff.agent, due_date: isoDay(7),
      measure_code: 'no_such_measure', direction: 'down', subject_kind: 'department', subject_id: ids.departments.DESK, value_before: 1,
    }), 400, 'measure_code');
    assertError(await raiseRaw({ measure_code: 'tickets_registered', direction: 'down', subject_id: ids.departments.DESK }), 400, 'subject_kind');
    assertError(await raiseRaw({ measure_code: 'tickets_registered', direction: 'down', subject_kind: 'team', subject_id: 1 }), 400, 'subject_kind');

    // A window the user picks: the value before is the measure's over those days, as assessment answers it.
    const a = await raise({
      measure_code: 'tickets_registered', direction: 'down', subject_kind: 'department', subject_id: ids.departments.DESK,
      before_from: isoDay(-60), before_to: isoDay(-1),
    });
    assert.equal(a.value_before_source, 'measure:tickets_registered');
    assert.equal(a.subject_kind, 'department');
    assert.equal(a.subject_name.length > 0, true);
    const values = await u.quality.get(`/api/v1/assessment/measures/tickets_registered/values?kind=department&from=${encodeURIComponent(a.before_from)}&to=${encodeURIComponent(a.before_to)}`);
    assert.equal(values.status, 200, values.text);
    const desk = values.body.items.find((x) => x.subject_id === ids.departments.DESK);
    assert.equal(a.value_before, desk ? desk.value : null);
    assert.equal(Date.parse(a.before_to) - Date.parse(a.before_from), 60 * 86_400_000);

    // The 30 days before the opening by default; someone without tickets has no data: null, never 0.
    const none = await raise({ measure_code: 'tickets_registered', direction: 'up', subject_kind: 'staff', subject_id: ids.staff.evaluator });
    assert.equal(none.value_before, null);
    assert.equal(Date.parse(none.before_to) - Date.parse(none.before_from), 30 * 86_400_000);
    assert.ok(Math.abs(Date.parse(none.before_to) - Date.parse(none.created_at)) < 60_000);

    const t = `${A}/actions/${none.id}/transitions`;
    assert.equal((await u.agent.post(t, { op: 'complete', evidence: '已培训' })).status, 200);
    assertError(await u.quality.post(t, { op: 'verify', effective: true }), 409, 'verify_after_days');
    const page = await u.agent.get(`${A}/actions/${none.id}`);
    assert.equal(page.body.value_after, null);
    assert.equal(page.body.after_from, null);
  });

  test('is seen by quality, its owner and the managers above it, and by no one else', async () => {
    const a = await raise(); // DESK, owned by agent
    const seen = {};
    for (const role of DEMO_USERS) seen[role] = (await u[role].get(`${A}/actions/${a.id}`)).status;
    assert.deepEqual(seen, { admin: 200, quality: 200, executive: 200, manager: 404, agent: 200, engineer: 404, evaluator: 403, customer: 403 });
    const listed = {};
    for (const role of DEMO_USERS) {
      const r = await u[role].get(`${A}/actions?limit=500`);
      listed[role] = r.status === 200 ? r.body.items.some((x) => x.id === a.id) : r.status;
    }
    assert.deepEqual(listed, { admin: true, quality: true, executive: true, manager: false, agent: true, engineer: false, evaluator: 403, customer: 403 });
    // The TECH manager sees a TECH action; editing is quality's.
    const tech = await raise({ owner_id: ids.staff.engineer });
    assert.equal((await u.manager.get(`${A}/actions/${tech.id}`)).status, 200);
    assertError(await u.manager.post(`${A}/actions/${tech.id}/transitions`, { op: 'cancel', reason: 'x' }), 403);
    assertError(await u.engineer.post(`${A}/actions/${tech.id}/transitions`, { op: 'cancel', reason: 'x' }), 403);
    assertError(await u.manager.put(`${A}/actions/${tech.id}`, { source: 'other', title: 'x', owner_id: ids.staff.engineer, due_date: isoDay(3) }), 403);
    const edited = await u.quality.put(`${A}/actions/${tech.id}`, { source: 'other', title: '改期', owner_id: ids.staff.engineer, due_date: isoDay(9) });
    assert.equal(edited.status, 200, edited.text);
    assert.equal(edited.body.due_date, isoDay(9));
    assertError(await u.agent.post(`${A}/actions`, { source: 'other', title: 'x', owner_id: ids.staff.agent, due_date: isoDay(3) }), 403);
  });
});

describe('suggestions', () => {
  test('any staff member suggests; quality accepts or declines with a reason', async () => {
    assertError(await u.evaluator.post(`${A}/suggestions`, { title: 'x', description: 'y' }), 403);
    assertError(await u.engineer.post(`${A}/suggestions`, {}), 400);
    const s = await u.engineer.post(`${A}/suggestions`, { title: uniqueName('建议'), description: '远程工具卡顿' });
    assert.equal(s.status, 201, s.text);
    assert.equal(s.body.status, 'proposed');
    assert.equal(s.body.source, 'suggestion');
    assert.equal(s.body.proposed_by, ids.staff.engineer);
    assert.equal((await u.engineer.get(`${A}/actions/${s.body.id}`)).status, 200);
    const triage = `${A}/actions/${s.body.id}/triage`;
    assertError(await u.agent.post(triage, { decision: 'decline', reason: 'x' }), 403);
    assertError(await u.quality.post(triage, { decision: 'decline' }), 400, 'reason');
    const incomplete = await u.quality.post(triage, { decision: 'accept' });
    assertError(incomplete, 400);
    assert.deepEqual(new Set(incomplete.body.error.errors.map((e) => e.field)), new Set(['owner_id', 'due_date']));
    const accepted = await u.quality.post(triage, { decision: 'accept', owner_id: ids.staff.engineer, due_date: isoDay(14) });
    assert.equal(accepted.status, 200, accepted.text);
    assert.equal(accepted.body.status, 'open');
    assertError(await u.quality.post(triage, { decision: 'decline', reason: 'x' }), 409, 'status');
  });
});

describe('audits and management reviews', () => {
  test('record findings that raise actions linked back', async () => {
    const bad = await u.quality.post(`${A}/audits`, { kind: 'internal_audit', held_on: 'soon', title: '' });
    assertError(bad, 400);
    assertError(await u.agent.post(`${A}/audits`, { kind: 'internal_audit', held_on: isoDay(0), title: 'x' }), 403);
    const made = await u.quality.post(`${A}/audits`, {
      kind: 'management_review',
      held_on: isoDay(-1),
      title: uniqueName('管理评审'),
      participants: '总经理、质量管理部',
      findings: ['服务目标未分解到班组'],
    });
    assert.equal(made.status, 201, made.text);
    const more = await u.quality.post(`${A}/audits/${made.body.id}/findings`, { text: '客户满意度调查样本不足' });
    assert.equal(more.status, 201, more.text);
    assert.equal(more.body.findings.length, 2);
    const finding = more.body.findings[1];
    const action = await raise({ source: 'audit_finding', source_id: finding.id });
    const read = await u.manager.get(`${A}/audits/${made.body.id}`);
    assert.equal(read.status, 200, read.text);
    assert.deepEqual(read.body.findings[1].action_ids, [action.id]);
    assertError(await u.evaluator.get(`${A}/audits`), 403);
    assertError(await u.quality.get(`${A}/audits/999999`), 404);
  });
});

describe('the overdue list and the fact source', () => {
  test('lists the demo overdue action and registers improvement_actions', async () => {
    const overdue = await u.quality.get(`${A}/actions?overdue=true`);
    assert.equal(overdue.status, 200, overdue.text);
    assert.ok(overdue.body.items.length >= 1, overdue.text);
    for (const a of overdue.body.items) {
      assert.ok(['open', 'in_progress', 'reopened'].includes(a.status), JSON.stringify(a));
      assert.ok(new Date(a.due_at) <= new Date(), JSON.stringify(a));
    }
    const sources = await u.quality.get('/api/v1/assessment/fact-sources');
    assert.equal(sources.status, 200, sources.text);
    const mine = sources.body.items.find((s) => s.name === 'improvement_actions');
    assert.ok(mine, 'improvement_actions is registered');
    assert.ok(mine.fields.some((f) => f.name === 'on_time'));
    assertError(await u.quality.get(`${A}/actions?status=closed`), 400, 'status');
  });
});
