// Assessment: the indicator library, schemes and versions, a period from plan to lock with its
// verify, results by scope (the evaluator sees nothing, a manager his subtree, an assessee only
// their own), manual inputs, appeals and adjustments, CSV and XLSX exports; every refusal a 4xx
// naming the field.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { demoIds, loginAs, startServer, uniqueName } from './lib/server.mjs';

const A = '/api/v1/assessment';
let server;
const as = {};
let ids;

before(async () => {
  server = await startServer();
  for (const role of ['admin', 'quality', 'executive', 'manager', 'agent', 'engineer', 'evaluator', 'customer']) {
    as[role] = await loginAs(server, role);
  }
  ids = await demoIds(as.admin);
});

after(async () => {
  await server?.stop();
});

// A new account (as admin) in DESK with `roles`, signed in.
async function createAccount(roles, password = 'Initial-pass-2026') {
  const username = uniqueName('arch').replace(/[^A-Za-z0-9._-]/g, '').slice(0, 60);
  const r = await as.admin.post('/api/v1/staff', {
    username, display_name: `Test ${username}`, department_id: ids.departments.DESK, roles, password,
  });
  assert.equal(r.status, 201, r.text);
  const client = await loginAs(server, username, password);
  client.id = r.body.id;
  return client;
}

function assertRefused(r, status, field) {
  assert.equal(r.status, status, r.text);
  if (field) assert.equal(r.body.error.field, field, r.text);
  assert.doesNotMatch(r.text, /NaN|Infinity/);
}

function document(team, kb) {
  return {
    tree: {
      code: 'total', max_points: 100, children: [
        { code: 'team', name: { zh: '团队协作', en: 'Teamwork' }, max_points: 60,
          indicator: { code: team, rule: { kind: 'linear', floor: 0, target: 10 } } },
        { code: 'kb', name: { zh: '知识库维护', en: 'Knowledge base' }, max_points: 40,
          indicator: { code: kb, rule: { kind: 'bands', bands: [{ bound: 5, points: 40 }, { bound: 2, points: 20 }], otherwise: 0 } } },
      ],
    },
    rounding: { decimals: 2, what: 'total' },
    grades: [{ code: 'excellent', min: 90 }, { code: 'good', min: 80 }, { code: 'pass', min: 60 }, { code: 'fail', min: 0 }],
    coefficients: { excellent: 1.2, good: 1.0, pass: 0.8, fail: 0.6 },
    red_list: 1, black_list: 1, appeal_days: 5,
  };
}

describe('indicators, schemes, a period', () => {
  const team = uniqueName('team').replaceAll('-', '_');
  const kb = uniqueName('kb').replaceAll('-', '_');
  let scheme;
  let period;

  test('indicators: manual ones, and a formula naming an unknown measure is a 400 naming it', async () => {
    for (const code of [team, kb]) {
      const r = await as.quality.post(`${A}/indicators`, {
        code, name: { zh: code, en: code }, unit: 'points', direction: 'higher', kind: 'manual', formula: '',
      });
      assert.equal(r.status, 201, r.text);
    }
    const bad = await as.quality.post(`${A}/indicators`, {
      code: uniqueName('bad').replaceAll('-', '_'), name: { zh: '坏', en: 'Bad' }, unit: 'percent', kind: 'computed',
      formula: 'no_such_measure / 2',
    });
    assertRefused(bad, 400, 'formula');
    assert.match(bad.body.error.message, /no_such_measure/);
    assertRefused(await as.manager.post(`${A}/indicators`, { code: 'x' }), 403);
    const list = await as.manager.get(`${A}/indicators`);
    assert.equal(list.status, 200);
    assert.ok(list.body.items.some((i) => i.code === team));
    assertRefused(await as.evaluator.get(`${A}/indicators`), 403);
  });

  test('schemes: validation names the node; the author never approves; an approved version never changes', async () => {
    const created = await as.quality.post(`${A}/schemes`, {
      code: uniqueName('staff'), name: { zh: '员工考核', en: 'Staff assessment' }, subject_kind: 'staff',
    });
    assert.equal(created.status, 201, created.text);
    scheme = created.body.id;
    const wrong = document(team, kb);
    wrong.tree.children[1].max_points = 41;
    const refused = await as.quality.post(`${A}/schemes/${scheme}/versions`, { document: wrong });
    assertRefused(refused, 400, 'tree.children');
    const check = await as.manager.post(`${A}/schemes/${scheme}/versions/1/check`, { document: wrong });
    assert.equal(check.status, 200, check.text);
    assert.equal(check.body.ok, false);
    assert.equal(check.body.errors[0].field, 'tree.children');
    const unknown = document(team, 'nope');
    assertRefused(await as.quality.post(`${A}/schemes/${scheme}/versions`, { document: unknown }), 400,
      'tree.children[1].indicator.code');

    const v = await as.quality.post(`${A}/schemes/${scheme}/versions`, { document: document(team, kb) });
    assert.equal(v.status, 201, v.text);
    assert.equal(v.body.status, 'draft');
    assertRefused(await as.quality.post(`${A}/schemes/${scheme}/versions/1/approve`, { effective_from: '2020-01-01' }), 403);
    const ok = await as.executive.post(`${A}/schemes/${scheme}/versions/1/approve`, { effective_from: '2020-01-01' });
    assert.equal(ok.status, 200, ok.text);
    assertRefused(await as.quality.put(`${A}/schemes/${scheme}/versions/1`, { document: document(team, kb) }), 409, 'status');
    const exported = await as.manager.get(`${A}/schemes/${scheme}/versions/1/export`);
    assert.equal(exported.status, 200);
    assert.deepEqual(exported.body.tree.children[0].indicator.code, team);
    const imported = await as.quality.post(`${A}/schemes/import`, {
      code: uniqueName('imported'), name: { zh: '导入', en: 'Imported' }, subject_kind: 'staff', document: exported.body,
    });
    assert.equal(imported.status, 201, imported.text);
    const schemes = await as.manager.get(`${A}/schemes`);
    assert.equal(schemes.body.items.find((s) => s.id === scheme).current_version, 1);
  });

  test('a period: plan, collect (live), inputs, evaluate, publish, appeal, adjust, lock, verify', async () => {
    const p = await as.quality.post(`${A}/periods`, {
      name: '2026-11', scheme_id: scheme, kind: 'month', from: '2026-11-01', to: '2026-12-01',
    });
    assert.equal(p.status, 201, p.text);
    assert.equal(p.body.status, 'planned');
    period = p.body.id;
    assertRefused(await as.quality.post(`${A}/periods/${period}/evaluate`), 409, 'status');
    assert.equal((await as.quality.post(`${A}/periods/${period}/collect`)).status, 200);

    const agentId = ids.staff.agent;
    const engineerId = ids.staff.engineer;
    for (const [who, t, k] of [[agentId, 10, 6], [engineerId, 5, 3]]) {
      assert.equal((await as.quality.put(`${A}/periods/${period}/inputs/${who}/${team}`, { value: t, evidence: '组长评分表' })).status, 200);
      assert.equal((await as.quality.put(`${A}/periods/${period}/inputs/${who}/${kb}`, { value: k, evidence: '知识库记录' })).status, 200);
    }
    assertRefused(await as.quality.put(`${A}/periods/${period}/inputs/${agentId}/${team}`, { value: 1 }), 400, 'evidence');
    // Every problem at once: a rating above its scale (linear 0 -> 10: 0 to 10) and no evidence;
    // no value and no evidence.
    const both = await as.quality.put(`${A}/periods/${period}/inputs/${agentId}/${team}`, { value: 11, evidence: '' });
    assertRefused(both, 400, 'value');
    assert.deepEqual(both.body.error.errors.map((e) => e.field), ['value', 'evidence']);
    assert.equal(both.body.error.errors[0].key, 'input.range');
    const none = await as.quality.put(`${A}/periods/${period}/inputs/${agentId}/${team}`, {});
    assert.deepEqual(none.body.error.errors.map((e) => e.field), ['value', 'evidence']);

    // The sheet: the manual fields with their ranges, the assessees in scope, who entered what.
    const sheet = await as.quality.get(`${A}/periods/${period}/inputs`);
    assert.equal(sheet.status, 200, sheet.text);
    assert.equal(sheet.body.editable, true);
    assert.deepEqual(sheet.body.fields.map((f) => [f.code, f.kind, f.min, f.max]), [[team, 'indicator', 0, 10], [kb, 'indicator', 0, null]]);
    assert.equal(sheet.body.fields[0].node_name.en, 'Teamwork');
    const entered = sheet.body.items.find((i) => i.assessee_id === agentId && i.indicator_code === team);
    assert.equal(entered.value, 10);
    assert.equal(entered.evidence, '组长评分表');
    assert.ok(entered.entered_by_name);
    assert.match(entered.entered_at, /^\d{4}-\d\d-\d\dT/);
    const managerSheet = await as.manager.get(`${A}/periods/${period}/inputs`);
    assert.ok(managerSheet.body.assessees.some((a) => a.id === engineerId));
    assert.ok(!managerSheet.body.assessees.some((a) => a.id === agentId), 'the agent is outside the manager\'s subtree');
    assert.ok(!managerSheet.body.items.some((i) => i.assessee_id === agentId));
    assertRefused(await as.evaluator.get(`${A}/periods/${period}/inputs`), 403);

    const live = await as.quality.get(`${A}/periods/${period}/results`);
    assert.equal(live.status, 200, live.text);
    assert.equal(live.body.live, true);
    const agentRow = live.body.items.find((i) => i.assessee_id === agentId);
    assert.equal(agentRow.total, 100);
    assert.equal(agentRow.rank, 1);
    const nobody = live.body.items.find((i) => i.assessee_id !== agentId && i.assessee_id !== engineerId);
    assert.equal(nobody.total, null);
    assert.equal(nobody.no_data, true);

    const evaluated = await as.quality.post(`${A}/periods/${period}/evaluate`);
    assert.equal(evaluated.status, 200, evaluated.text);
    assert.match(evaluated.body.snapshot_sha256, /^[0-9a-f]{64}$/);
    assertRefused(await as.quality.put(`${A}/periods/${period}/inputs/${agentId}/${team}`, { value: 1, evidence: 'x' }), 409, 'status');
    assert.equal((await as.quality.get(`${A}/periods/${period}/inputs`)).body.editable, false);

    // Scope: the evaluator sees nothing; the manager his subtree; an assessee only their own, once
    // published (outside one's scope reads as not found).
    assertRefused(await as.evaluator.get(`${A}/periods/${period}/results`), 403);
    const scoped = await as.manager.get(`${A}/periods/${period}/results`);
    assert.equal(scoped.status, 200);
    assert.ok(scoped.body.items.some((i) => i.assessee_id === engineerId));
    assert.ok(!scoped.body.items.some((i) => i.assessee_id === agentId), 'the agent is outside the manager\'s subtree');
    assertRefused(await as.agent.get(`${A}/periods/${period}/results/${agentId}`), 404);

    // The assessor's comments: quality writes them once evaluated (overall and per indicator,
    // bounded); nobody else may; the assessee reads them with the published result.
    const C = `${A}/periods/${period}/results/${engineerId}/comment`;
    const overall = await as.quality.put(C, { text: '整体表现稳定' });
    assert.equal(overall.status, 200, overall.text);
    assert.equal(overall.body.indicator_code, null);
    assert.ok(overall.body.author);
    assert.equal((await as.quality.put(C, { indicator_code: kb, text: '知识库条目偏少，低于目标' })).status, 200);
    assertRefused(await as.quality.put(C, { indicator_code: 'nope', text: 'x' }), 400, 'indicator_code');
    assertRefused(await as.quality.put(C, { text: 'x'.repeat(2001) }), 400, 'text');
    assertRefused(await as.quality.put(C, { text: '' }), 400, 'text');
    for (const role of ['manager', 'engineer', 'agent', 'executive', 'evaluator']) {
      assertRefused(await as[role].put(C, { text: 'x' }), 403);
    }

    const published = await as.quality.post(`${A}/periods/${period}/publish`);
    assert.equal(published.status, 200);
    assert.ok(published.body.appeal_deadline);
    const own = await as.engineer.get(`${A}/periods/${period}/results/${engineerId}`);
    assert.equal(own.status, 200, own.text);
    assert.equal(own.body.total, 50 * 0.6 + 20);  // team 5 of 10 -> 30; kb 3 -> 20
    assert.equal(own.body.nodes[1].code, 'team');
    assert.equal(own.body.nodes[1].rule, 'linear');
    assert.deepEqual(own.body.comments.map((c) => [c.indicator_code, c.text]), [[null, '整体表现稳定'], [kb, '知识库条目偏少，低于目标']]);
    assertRefused(await as.engineer.get(`${A}/periods/${period}/results/${agentId}`), 404);
    assertRefused(await as.evaluator.get(`${A}/periods/${period}/results/${engineerId}`), 403);
    const mine = await as.engineer.get(`${A}/me/results`);
    assert.equal(mine.status, 200);
    assert.ok(mine.body.items.some((i) => i.period.id === period));
    assert.equal(mine.body.items.find((i) => i.period.id === period).comments.length, 2);
    assertRefused(await as.engineer.get(`${A}/archive/${agentId}`), 404);
    assert.equal((await as.manager.get(`${A}/archive/${engineerId}`)).status, 200);

    // An appeal, reviewed by someone else than the evaluator, and an adjustment confirmed by an approver.
    const appeal = await as.engineer.post(`${A}/periods/${period}/appeals`, {
      assessee_id: engineerId, indicator_code: kb, reason: '知识库条目漏记 2 条', evidence: 'KB-101, KB-102',
    });
    assert.equal(appeal.status, 201, appeal.text);
    assertRefused(await as.agent.post(`${A}/periods/${period}/appeals`, { assessee_id: engineerId, reason: 'x' }), 404);
    assertRefused(await as.quality.post(`${A}/appeals/${appeal.body.id}/decide`, { outcome: 'upheld', reason: '属实', adjustment: { points: 2 } }), 403);
    assertRefused(await as.admin.post(`${A}/appeals/${appeal.body.id}/decide`, { outcome: 'upheld' }), 400, 'reason');
    const decided = await as.admin.post(`${A}/appeals/${appeal.body.id}/decide`, { outcome: 'partly_upheld', reason: '部分属实', adjustment: { points: 2 } });
    assert.equal(decided.status, 200, decided.text);
    assertRefused(await as.quality.post(`${A}/periods/${period}/lock`), 409, 'adjustments');
    const approved = await as.executive.post(`${A}/adjustments/${decided.body.adjustment.id}/approve`);
    assert.equal(approved.status, 200, approved.text);
    assert.equal((await as.engineer.get(`${A}/periods/${period}/results/${engineerId}`)).body.total, 52);
    const inbox = await as.manager.get(`${A}/appeals`);
    const listed = inbox.body.items.find((a) => a.id === appeal.body.id);
    assert.ok(listed);
    // The inbox names the assessee and the period, not only their ids.
    assert.equal(listed.period_name, '2026-11');
    assert.equal(listed.assessee_name, own.body.name);
    assert.equal(appeal.body.assessee_name, own.body.name);
    assert.equal(decided.body.period_name, '2026-11');
    assert.equal(listed.adjustment.status, 'approved');

    // A second appeal: its proposer withdraws the proposed adjustment before approval (nobody else
    // may); withdrawn, it is never approved and moves nothing, and the appeal is back in review:
    // open, to be decided again before the period locks.
    const second = await as.engineer.post(`${A}/periods/${period}/appeals`, {
      assessee_id: engineerId, indicator_code: team, reason: '组长评分漏算一次协作', evidence: '周报 W47',
    });
    assert.equal(second.status, 201, second.text);
    const proposed = await as.admin.post(`${A}/appeals/${second.body.id}/decide`, { outcome: 'upheld', reason: '属实', adjustment: { points: 1 } });
    assert.equal(proposed.status, 200, proposed.text);
    const adjustment = proposed.body.adjustment;
    assert.equal(adjustment.status, 'proposed');
    for (const role of ['quality', 'executive', 'manager', 'agent', 'engineer', 'evaluator', 'customer']) {
      assertRefused(await as[role].post(`${A}/adjustments/${adjustment.id}/withdraw`), 403);
    }
    assertRefused(await as.admin.post(`${A}/adjustments/${decided.body.adjustment.id}/withdraw`), 409, 'status');  // approved already
    assertRefused(await as.admin.post(`${A}/adjustments/99999999/withdraw`), 404);
    const withdrawn = await as.admin.post(`${A}/adjustments/${adjustment.id}/withdraw`);
    assert.equal(withdrawn.status, 200, withdrawn.text);
    assert.equal(withdrawn.body.status, 'withdrawn');
    assert.equal(withdrawn.body.proposed_by, adjustment.proposed_by);
    assertRefused(await as.admin.post(`${A}/adjustments/${adjustment.id}/withdraw`), 409, 'status');
    const late = await as.executive.post(`${A}/adjustments/${adjustment.id}/approve`);
    assertRefused(late, 409, 'status');
    assert.equal(late.body.error.key, 'adjustment.withdrawn');
    assert.equal((await as.engineer.get(`${A}/periods/${period}/results/${engineerId}`)).body.total, 52);
    const after = (await as.quality.get(`${A}/appeals?status=open`)).body.items.find((a) => a.id === second.body.id);
    assert.ok(after, 'the appeal is open again');
    assert.equal(after.adjustment.status, 'withdrawn');
    assert.equal(after.decided_by, null);
    assert.equal(after.decision_reason, '');
    assert.ok(!(await as.quality.get(`${A}/appeals?status=upheld`)).body.items.some((a) => a.id === second.body.id));
    const reopened = await as.quality.get('/api/v1/events?entity=assessment_period&type=assessment.appeal_reopened&limit=200');
    assert.ok(reopened.body.items.some((e) => e.entity_id === String(period) && e.data.appeal_id === second.body.id), reopened.text);
    assertRefused(await as.quality.post(`${A}/periods/${period}/lock`), 409, 'appeals');
    const redecided = await as.admin.post(`${A}/appeals/${second.body.id}/decide`, { outcome: 'rejected', reason: '复核后不属实' });
    assert.equal(redecided.status, 200, redecided.text);
    const events = await as.quality.get('/api/v1/events?entity=assessment_period&type=assessment.adjustment_withdrawn&limit=200');
    assert.equal(events.status, 200, events.text);
    const event = events.body.items.find((e) => e.entity_id === String(period));
    assert.ok(event, events.text);
    assert.equal(event.data.adjustment_id, adjustment.id);

    const csv = await as.quality.get(`${A}/periods/${period}/results.csv`);
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get('content-type'), /text\/csv/);
    assert.match(csv.text, /rank,assessee_id,name/);
    const xlsx = await as.quality.get(`${A}/periods/${period}/results.xlsx`);
    assert.equal(xlsx.status, 200);
    assert.match(xlsx.headers.get('content-type'), /spreadsheetml/);

    const locked = await as.quality.post(`${A}/periods/${period}/lock`);
    assert.equal(locked.status, 200, locked.text);
    const verify = await as.manager.post(`${A}/periods/${period}/verify`);
    assert.equal(verify.status, 200);
    assert.equal(verify.body.identical, true);
    assert.equal(verify.body.sha256, locked.body.snapshot_sha256);
    // Locked: every write is a 409 naming the status.
    assertRefused(await as.quality.put(`${A}/periods/${period}/inputs/${engineerId}/${team}`, { value: 1, evidence: 'x' }), 409, 'status');
    assertRefused(await as.quality.put(C, { text: '锁定后' }), 409, 'status');
    assert.equal((await as.engineer.get(`${A}/periods/${period}/results/${engineerId}`)).body.comments[0].text, '整体表现稳定');

    // A correction after locking: a new record beside the locked result, approved by someone
    // other than its proposer; the pay columns of the export use it; verify stays identical.
    const K = `${A}/periods/${period}/corrections`;
    const missing = await as.quality.post(K, { assessee_id: engineerId });
    assertRefused(missing, 400);
    assert.deepEqual(missing.body.error.errors.map((e) => e.field).sort(), ['evidence', 'reason', 'total']);
    for (const role of ['manager', 'engineer', 'executive', 'evaluator']) {
      assertRefused(await as[role].post(K, { assessee_id: engineerId, total: 60, reason: 'x', evidence: 'y' }), 403);
    }
    const correction = await as.quality.post(K, { assessee_id: engineerId, total: 61, reason: '知识库条目统计口径错误', evidence: 'KB 导出 2026-12-03' });
    assert.equal(correction.status, 201, correction.text);
    assert.equal(correction.body.status, 'proposed');
    assert.equal(correction.body.original_total, 52);
    assert.equal(correction.body.grade, 'pass');
    assert.equal(correction.body.coefficient, 0.8);
    assertRefused(await as.quality.post(K, { assessee_id: engineerId, total: 62, reason: 'x', evidence: 'y' }), 409, 'assessee_id');
    assertRefused(await as.quality.post(`${A}/corrections/${correction.body.id}/approve`), 403);
    const approvedCorrection = await as.executive.post(`${A}/corrections/${correction.body.id}/approve`);
    assert.equal(approvedCorrection.status, 200, approvedCorrection.text);
    assert.equal(approvedCorrection.body.status, 'approved');
    assertRefused(await as.executive.post(`${A}/corrections/${correction.body.id}/approve`), 409, 'status');
    const corrected = await as.engineer.get(`${A}/periods/${period}/results/${engineerId}`);
    assert.equal(corrected.body.total, 52, 'the locked result never changes');
    assert.equal(corrected.body.correction.corrected_total, 61);
    assert.equal(corrected.body.corrections.length, 1);
    const correctionList = await as.manager.get(K);
    assert.equal(correctionList.status, 200, correctionList.text);
    assert.ok(correctionList.body.items.some((c) => c.id === correction.body.id));
    const payCsv = await as.quality.get(`${A}/periods/${period}/results.csv`);
    const [header, ...lines] = payCsv.text.replace(/^\uFEFF/, '').trim().split('\r\n');
    const cols = header.split(',');
    assert.deepEqual(cols.slice(-4), ['corrected_total', 'pay_total', 'pay_grade', 'pay_coefficient']);
    const engineerLine = lines.map((l) => l.split(',')).find((cells) => cells[1] === String(engineerId));
    assert.deepEqual(engineerLine.slice(-4), ['61', '61', 'pass', '0.8']);
    const agentLine = lines.map((l) => l.split(',')).find((cells) => cells[1] === String(agentId));
    assert.equal(agentLine[cols.indexOf('corrected_total')], '');
    assert.equal(agentLine[cols.indexOf('pay_total')], agentLine[cols.indexOf('total')]);
    const reverify = await as.manager.post(`${A}/periods/${period}/verify`);
    assert.equal(reverify.body.identical, true);
    assert.equal(reverify.body.sha256, locked.body.snapshot_sha256);

    // Rejected: an approver other than the proposer, with a reason (1-500 characters); a rejected
    // correction changes nothing (the locked result, the correction in force and verify stay).
    const beforeReject = await as.engineer.get(`${A}/periods/${period}/results/${engineerId}`);
    const doubtful = await as.quality.post(K, { assessee_id: engineerId, total: 95, reason: '再次核对', evidence: '口头说明' });
    assert.equal(doubtful.status, 201, doubtful.text);
    const RJ = `${A}/corrections/${doubtful.body.id}/reject`;
    assertRefused(await as.executive.post(RJ, {}), 400, 'reason');
    assertRefused(await as.executive.post(RJ, { reason: '' }), 400, 'reason');
    assertRefused(await as.executive.post(RJ, { reason: '证'.repeat(501) }), 400, 'reason');
    assertRefused(await as.quality.post(RJ, { reason: '驳回' }), 403);  // quality does not hold assessment.approve
    // Someone who holds both may propose and approve, but never settle their own proposal.
    const dualRole = await createAccount(['quality', 'executive']);
    const selfProposed = await dualRole.post(K, { assessee_id: agentId, total: 1, reason: '自提', evidence: '自证' });
    assert.equal(selfProposed.status, 201, selfProposed.text);
    assertRefused(await dualRole.post(`${A}/corrections/${selfProposed.body.id}/reject`, { reason: '自己驳回' }), 403);
    assertRefused(await dualRole.post(`${A}/corrections/${selfProposed.body.id}/approve`), 403);
    assert.equal((await dualRole.post(`${A}/corrections/${selfProposed.body.id}/withdraw`)).status, 200);
    assertRefused(await as.executive.post(`${A}/corrections/99999999/reject`, { reason: 'x' }), 404);
    for (const role of ['manager', 'engineer', 'agent', 'evaluator', 'customer']) {
      assertRefused(await as[role].post(RJ, { reason: 'x' }), 403);
    }
    const rejectedCorrection = await as.executive.post(RJ, { reason: '证'.repeat(500) });
    assert.equal(rejectedCorrection.status, 200, rejectedCorrection.text);
    assert.equal(rejectedCorrection.body.status, 'rejected');
    assert.equal(rejectedCorrection.body.rejection_reason, '证'.repeat(500));
    assert.ok(rejectedCorrection.body.rejected_at);
    assert.equal(rejectedCorrection.body.approved_by, null);
    assertRefused(await as.executive.post(RJ, { reason: '再驳回一次' }), 409, 'status');
    assertRefused(await as.executive.post(`${A}/corrections/${doubtful.body.id}/approve`), 409, 'status');
    const afterRejectResult = await as.engineer.get(`${A}/periods/${period}/results/${engineerId}`);
    assert.equal(afterRejectResult.body.total, beforeReject.body.total);
    assert.deepEqual(afterRejectResult.body.correction, beforeReject.body.correction, 'the correction in force stays');
    assert.equal(afterRejectResult.body.corrections.find((c) => c.id === doubtful.body.id).rejection_reason, '证'.repeat(500));
    const afterReject = await as.manager.post(`${A}/periods/${period}/verify`);
    assert.equal(afterReject.body.identical, true);
    assert.equal(afterReject.body.sha256, locked.body.snapshot_sha256);
    const rejectionEvents = await as.quality.get('/api/v1/events?entity=assessment_period&type=assessment.correction_rejected&limit=200');
    const rejectionEvent = rejectionEvents.body.items.find((e) => e.entity_id === String(period));
    assert.ok(rejectionEvent, rejectionEvents.text);
    assert.equal(rejectionEvent.data.correction_id, doubtful.body.id);
    assertRefused(await as.engineer.post(`${A}/periods/${period}/appeals`, { assessee_id: engineerId, reason: 'again' }), 409, 'status');
    assertRefused(await as.quality.post(`${A}/periods/${period}/lock`), 409, 'status');
    const detail = await as.manager.get(`${A}/periods/${period}`);
    assert.equal(detail.body.status, 'locked');
    assert.ok(detail.body.counts.assessees >= 2);
  });

  test('publishing tells a yellow card to the assessee, once, in the bell', async () => {
    const ycScheme = await as.quality.post(`${A}/schemes`, { code: uniqueName('yc'), name: { zh: '黄牌', en: 'Yellow card' }, subject_kind: 'staff' });
    assert.equal(ycScheme.status, 201, ycScheme.text);
    const doc = { ...document(team, kb), yellow_card: true, assessees: { roles: ['agent', 'engineer'] } };
    assert.equal((await as.quality.post(`${A}/schemes/${ycScheme.body.id}/versions`, { document: doc })).status, 201);
    assert.equal((await as.executive.post(`${A}/schemes/${ycScheme.body.id}/versions/1/approve`, { effective_from: '2020-01-01' })).status, 200);
    const p = await as.quality.post(`${A}/periods`, { name: uniqueName('yc'), scheme_id: ycScheme.body.id, kind: 'month', from: '2026-10-01', to: '2026-11-01' });
    const id = p.body.id;
    assert.equal((await as.quality.post(`${A}/periods/${id}/collect`)).status, 200);
    // The engineer fails at the bottom (team 1 of 10, no knowledge-base entries: 6 points); the agent leads.
    for (const [who, t, k] of [[ids.staff.agent, 10, 6], [ids.staff.engineer, 1, 0]]) {
      assert.equal((await as.quality.put(`${A}/periods/${id}/inputs/${who}/${team}`, { value: t, evidence: '评分表' })).status, 200);
      assert.equal((await as.quality.put(`${A}/periods/${id}/inputs/${who}/${kb}`, { value: k, evidence: '记录' })).status, 200);
    }
    assert.equal((await as.quality.post(`${A}/periods/${id}/evaluate`)).status, 200);
    const mineFor = async () => (await as.engineer.get('/api/v1/notifications?limit=200')).body.items
      .filter((n) => n.kind === 'assessment_yellow_card' && n.args.period_id === String(id));
    assert.equal((await mineFor()).length, 0);
    const published = await as.quality.post(`${A}/periods/${id}/publish`);
    assert.equal(published.status, 200, published.text);
    const told = await mineFor();
    assert.equal(told.length, 1);
    assert.equal(told[0].key, 'notification.assessment_yellow_card');
    assert.equal(told[0].args.assessee_id, String(ids.staff.engineer));
    assert.equal(told[0].ticket_id, null);
    const row = (await as.quality.get(`${A}/periods/${id}/results`)).body.items.find((i) => i.assessee_id === ids.staff.engineer);
    assert.equal(row.yellow_card, true);
    const events = await as.quality.get('/api/v1/events?entity=assessment_period&type=assessment.period_publish&limit=200');
    const event = events.body.items.find((e) => e.entity_id === String(id));
    assert.ok(event, events.text);
    assert.deepEqual(event.data.yellow_cards, [ids.staff.engineer]);
    // Once: a second publish is refused and tells nobody.
    assertRefused(await as.quality.post(`${A}/periods/${id}/publish`), 409, 'status');
    assert.equal((await mineFor()).length, 1);
  });

  test('customers and evaluators see nothing of assessment', async () => {
    for (const path of [`${A}/periods`, `${A}/schemes`, `${A}/appeals`]) {
      assertRefused(await as.evaluator.get(path), 403);
      assertRefused(await as.customer.get(path), 403);
    }
    // Evaluators are never assessed: no assessment.own, so no own results, archive or appeal.
    assertRefused(await as.evaluator.get(`${A}/me/results`), 403);
    assertRefused(await as.customer.get(`${A}/me/results`), 403);
  });
});

// The archive's cards (issue 10: 员工工作质量档案): complaints about the person, their appeals of
// results and of inspections, their published inspections; from the desk's and the inspection's
// evidence, which assessment reads through the composition root. "No data" is null, never 0.
describe('the quality archive', () => {
  let person;

  before(async () => {
    person = await createAccount(['agent']);
  });

  test('an empty archive: counts of nothing, no mean, no appeals', async () => {
    const r = await person.get(`${A}/archive/${person.id}`);
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.staff_id, person.id);
    assert.match(r.body.name, /^Test /);
    assert.deepEqual(r.body.items, []);
    assert.equal(r.body.complaints.count, 0);
    assert.deepEqual(r.body.complaints.by_period, []);
    assert.deepEqual(r.body.complaints.latest, []);
    assert.equal(r.body.inspections.count, 0);
    assert.equal(r.body.inspections.mean_percent, null);
    assert.deepEqual(r.body.appeals, []);
  });

  test('complaints, a published inspection and its appeal; who may read it', async () => {
    const customers = (await as.admin.get('/api/v1/customers?limit=50')).body.items.filter((c) => c.account_id == null);
    const complaint = async (title) => {
      const r = await as.agent.post('/api/v1/tickets', {
        type: 'complaint', channel: 'phone', priority: 'P3', title, description: '态度生硬', customer_id: customers[0].id,
        complaint: { category: 'attitude', about_staff_id: person.id },
      });
      assert.equal(r.status, 201, r.text);
      return r.body;
    };
    const first = await complaint(uniqueName('投诉一'));
    const second = await complaint(uniqueName('投诉二'));
    const found = await as.quality.patch(`/api/v1/tickets/${first.id}/complaint`, {
      substantiated: true, findings: '属实', communicated_at: new Date().toISOString(), communicated_how: '电话',
    });
    assert.equal(found.status, 200, found.text);

    const card = await as.quality.post('/api/v1/scorecards', {
      name: uniqueName('档案'), method: 'total_points', pass_mark: 60,
      sections: [{ code: 's0', name: '服务', items: [{ code: 'i0', name: '礼貌', scale: 'points', max_points: 10 }] }],
    });
    assert.equal(card.status, 201, card.text);
    const assigned = await as.quality.post('/api/v1/inspections', {
      kind: 'surprise_check', scorecard_id: card.body.id, department_id: ids.departments.DESK,
      agent_id: person.id, inspector_id: ids.staff.evaluator,
    });
    assert.equal(assigned.status, 201, assigned.text);
    const inspection = assigned.body.id;
    assert.equal((await as.evaluator.post(`/api/v1/inspections/${inspection}/submit`, { answers: { i0: 7 } })).status, 200);
    // Submitted, not yet published: not in the archive.
    assert.equal((await person.get(`${A}/archive/${person.id}`)).body.inspections.count, 0);
    assert.equal((await as.quality.post(`/api/v1/inspections/${inspection}/publish`, {})).status, 200);
    const appealed = await person.post(`/api/v1/inspections/${inspection}/appeal`, { reason: '第一项已按规范处理' });
    assert.equal(appealed.status, 200, appealed.text);

    const r = await person.get(`${A}/archive/${person.id}`);
    assert.equal(r.status, 200, r.text);
    const c = r.body.complaints;
    assert.equal(c.count, 2);
    assert.equal(c.substantiated, 1);
    assert.equal(c.decided, 1);
    assert.equal(c.answered, 1);
    assert.equal(c.on_time, 1);
    assert.deepEqual(c.latest.map((k) => k.ticket_id), [second.id, first.id]);
    assert.equal(c.latest[0].ticket_number, second.number);
    assert.equal(c.latest[0].substantiated, null, 'no finding yet');
    assert.equal(c.latest[0].on_time, null, 'not answered yet');
    assert.equal(c.latest[1].substantiated, true);
    const i = r.body.inspections;
    assert.equal(i.count, 1);
    assert.ok(Math.abs(i.mean_percent - 70) < 1e-9, r.text);
    assert.equal(i.critical_fails, 0);
    assert.equal(i.passed, 1);
    assert.equal(i.latest[0].id, inspection);
    assert.equal(r.body.appeals.length, 1);
    assert.equal(r.body.appeals[0].kind, 'inspection');
    assert.equal(r.body.appeals[0].inspection_id, inspection);
    assert.equal(r.body.appeals[0].status, 'open');
    assert.equal(r.body.appeals[0].outcome, null);

    // Decided: the appeal shows its outcome.
    const decided = await as.quality.post(`/api/v1/inspections/${inspection}/decision`, { outcome: 'rejected', reason: '证据不足' });
    assert.equal(decided.status, 200, decided.text);
    const decidedArchive = (await as.quality.get(`${A}/archive/${person.id}`)).body;
    assert.equal(decidedArchive.appeals[0].status, 'decided');
    assert.equal(decidedArchive.appeals[0].outcome, 'rejected');
    assert.equal(decidedArchive.appeals[0].decision_reason, '证据不足');

    // Who may read it: the person and quality; another agent and the engineer not (outside their
    // scope, read as absent); evaluators and customers hold no assessment.own.
    for (const role of ['agent', 'engineer']) assertRefused(await as[role].get(`${A}/archive/${person.id}`), 404);
    for (const role of ['evaluator', 'customer']) assertRefused(await as[role].get(`${A}/archive/${person.id}`), 403);
    assert.equal((await as.executive.get(`${A}/archive/${person.id}`)).status, 200);
    // Its own results list stays as it was: no cards there.
    const mine = await person.get(`${A}/me/results`);
    assert.equal(mine.status, 200, mine.text);
    assert.equal(mine.body.complaints, undefined);
  });

  test('an assessment appeal appears with its period, a period row of complaints per period of results', async () => {
    const archive = (await as.quality.get(`${A}/archive/${ids.staff.engineer}`)).body;
    assert.equal(archive.complaints.by_period.length, archive.items.length);
    for (const row of archive.complaints.by_period) assert.ok(archive.items.some((it) => it.period.id === row.period_id));
    const appeals = archive.appeals.filter((a) => a.kind === 'assessment');
    assert.ok(appeals.length >= 1, JSON.stringify(archive.appeals));
    for (const a of appeals) {
      assert.equal(a.assessee_id, ids.staff.engineer);
      assert.ok(a.period_name);
      assert.ok(['open', 'decided'].includes(a.status));
      if (a.status === 'decided') assert.ok(['upheld', 'partly_upheld', 'rejected'].includes(a.outcome));
    }
  });
});

describe('the demo', () => {
  test('its closed months went as they would have: a locked month was locked after its appeal window closed', async () => {
    const periods = (await as.quality.get(`${A}/periods`)).body.items.filter((p) => ['dept-12345', 'staff-five'].includes(p.scheme.code));
    const now = Date.now();
    const locked = periods.filter((p) => p.status === 'locked');
    assert.ok(locked.length >= 4, `two or three locked months per scheme: ${locked.length}`);
    for (const p of periods.filter((x) => x.status !== 'collecting')) {
      const deadline = Date.parse(p.appeal_deadline);
      assert.ok(Date.parse(p.published_at) >= Date.parse(p.to), `${p.name}: published after the month`);
      assert.ok(Date.parse(p.published_at) < deadline, p.name);
      if (p.status === 'locked') {
        assert.ok(deadline < now, `${p.name}: its appeal window closed (${p.appeal_deadline})`);
        assert.ok(Date.parse(p.locked_at) > deadline, `${p.name}: locked after the window`);
      } else {
        assert.equal(p.status, 'published', p.name);
        assert.ok(deadline > now, `${p.name}: published with its appeal window still open`);
      }
    }
    assert.equal(periods.filter((p) => p.status === 'collecting').length, 2);
  });
});

describe('the drill-down from a result to its facts', () => {
  test('facts of an indicator: the same scoping as the result, counted and excluded marked, from the snapshot', async () => {
    const periods = await as.quality.get(`${A}/periods`);
    assert.equal(periods.status, 200, periods.text);
    const schemes = (await as.quality.get(`${A}/schemes`)).body.items;
    const staffSchemes = new Set(schemes.filter((s) => s.subject_kind === 'staff').map((s) => s.id));
    const agentId = ids.staff.agent;
    // A locked demo month of the staff scheme (response_rate is one of its indicators).
    let locked;
    let node;
    for (const p of periods.body.items.filter((x) => x.status === 'locked' && staffSchemes.has(x.scheme.id))) {
      const r = await as.quality.get(`${A}/periods/${p.id}/results/${agentId}`);
      node = r.status === 200 ? r.body.nodes.find((n) => n.indicator === 'response_rate') : undefined;
      if (node) {
        locked = p;
        break;
      }
    }
    assert.ok(locked, 'the demo has a locked staff period scoring response_rate for the agent');
    const url = (indicator, extra = '') => `${A}/periods/${locked.id}/results/${agentId}/facts?indicator=${indicator}${extra}`;
    const facts = await as.quality.get(url('response_rate', '&limit=500'));
    assert.equal(facts.status, 200, facts.text);
    assert.equal(facts.body.live, false);
    assert.deepEqual(facts.body.measures, ['first_response_attainment']);
    assert.equal(facts.body.measure, 'first_response_attainment');
    assert.equal(facts.body.next_after, null);
    // The facts are exactly those behind the stored numerator and denominator.
    const kept = facts.body.items.filter((f) => !f.excluded);
    assert.equal(kept.length, node.denominator ?? 0);
    assert.equal(kept.filter((f) => f.counted).length, node.numerator ?? 0);
    for (const f of facts.body.items) {
      assert.equal(f.staff_id, agentId);
      if (f.excluded) assert.equal(f.counted, false);
    }
    // Paged by the keyset cursor.
    if (facts.body.items.length > 1) {
      const first = await as.quality.get(url('response_rate', '&limit=1'));
      assert.equal(first.body.items.length, 1);
      assert.equal(first.body.next_after, facts.body.items[0].fact_id);
      const second = await as.quality.get(url('response_rate', `&limit=1&after=${first.body.next_after}`));
      assert.equal(second.body.items[0].fact_id, facts.body.items[1].fact_id);
    }
    // A manual indicator has no facts; bad parameters are 400s naming them.
    const manual = await as.quality.get(url('team_collaboration'));
    assert.equal(manual.status, 200, manual.text);
    assert.deepEqual(manual.body.items, []);
    assert.equal(manual.body.measure, null);
    assertRefused(await as.quality.get(`${A}/periods/${locked.id}/results/${agentId}/facts`), 400, 'indicator');
    assertRefused(await as.quality.get(url('no_such_indicator')), 400, 'indicator');
    assertRefused(await as.quality.get(url('response_rate', '&measure=satisfaction_rate')), 400, 'measure');
    assertRefused(await as.quality.get(`${A}/periods/99999999/results/${agentId}/facts?indicator=response_rate`), 404);
    assertRefused(await as.quality.get(`${A}/periods/${locked.id}/results/99999999/facts?indicator=response_rate`), 404);

    // Every role: the facts answer as the result does (out of scope: 404; evaluator and customers: 403).
    for (const role of ['admin', 'quality', 'executive', 'manager', 'agent', 'engineer', 'evaluator', 'customer']) {
      const own = await as[role].get(`${A}/periods/${locked.id}/results/${agentId}`);
      const drill = await as[role].get(url('response_rate'));
      assert.equal(drill.status, own.status, `${role}: ${drill.text}`);
      assert.doesNotMatch(drill.text, /NaN|Infinity/);
    }
    assert.equal((await as.agent.get(url('response_rate'))).status, 200, 'an assessee drills into their own result');
    assert.equal((await as.evaluator.get(url('response_rate'))).status, 403, 'the evaluator has no assessment.own');
    assert.equal((await as.customer.get(url('response_rate'))).status, 403);

    // A collecting period answers live.
    const collecting = periods.body.items.find((p) => p.status === 'collecting' && staffSchemes.has(p.scheme.id));
    if (collecting) {
      const live = await as.quality.get(`${A}/periods/${collecting.id}/results/${agentId}/facts?indicator=response_rate`);
      assert.equal(live.status, 200, live.text);
      assert.equal(live.body.live, true);
    }
  });
});
