// The inspection pages' pure helpers: scale values, the running score's preview body, a
// decision's changed answers, and the scoring form's draft kept on the device.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  answerForKey,
  changedAnswers,
  clearDraft,
  loadDraft,
  newSection,
  progress,
  runningPreview,
  saveDraft,
  validLocation,
  scaleValues,
  type DraftStore,
} from '../../src/pages/inspection/card';

type Item = { code: string; scale: 'yes_no' | 'five_point' | 'points'; max_points: number; na_allowed?: boolean };
const card: { method: 'total_points'; pass_mark: number; sections: { code: string; items: Item[] }[] } = {
  method: 'total_points',
  pass_mark: 60,
  sections: [
    { code: 's1', items: [{ code: 'q1', scale: 'yes_no', max_points: 2 }, { code: 'q2', scale: 'five_point', max_points: 4, na_allowed: false }] },
    { code: 's2', items: [{ code: 'q3', scale: 'points', max_points: 10 }] },
  ],
};

function memoryStore(): DraftStore & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v), removeItem: (k) => void map.delete(k) };
}

test('each scale offers its values, best first; points are typed', () => {
  assert.deepEqual(scaleValues('yes_no'), [1, 0]);
  assert.deepEqual(scaleValues('four_point'), [4, 3, 2, 1]);
  assert.deepEqual(scaleValues('points'), []);
});

test('the running score counts unanswered items as N/A, even where the card forbids N/A', () => {
  const body = runningPreview(card, { q1: 1 });
  assert.deepEqual(body.answers, { q1: 1, q2: 'na', q3: 'na' });
  assert.equal(body.definition.sections[0].items[1].na_allowed, true);
  // An answered item keeps what the card says.
  const answered = runningPreview(card, { q2: 3 });
  assert.equal(answered.definition.sections[0].items[1].na_allowed, false);
  assert.equal(card.sections[0].items[1].na_allowed, false, 'the card itself is not changed');
  assert.deepEqual(progress(card, { q1: 1, q3: 'na' }), { answered: 2, total: 3 });
  // A stored card's own fields are not sent (the preview refuses unknown fields).
  const stored = { ...card, id: 3, name: '门店检查', version: 2, latest_version: 2, active: true, created_at: '', updated_at: '' };
  assert.deepEqual(Object.keys(runningPreview(stored, {}).definition).sort(), ['method', 'pass_mark', 'sections']);
});

test("a decision sends only the answers it changes", () => {
  assert.deepEqual(changedAnswers({ q1: 1, q2: 3, q3: 'na' }, { q1: 1, q2: 5, q3: 7 }), { q2: 5, q3: 7 });
  assert.deepEqual(changedAnswers({ q1: 1 }, { q1: 1 }), {});
});

test('a draft survives a reload of the page until it is cleared, and bad stored values are dropped', () => {
  const store = memoryStore();
  assert.equal(loadDraft(store, 7), null);
  saveDraft(store, 7, { answers: { q1: 0, q3: 'na' }, notes: '柜台不整洁', at: '2026-12-04T09:00:00.000Z' });
  assert.deepEqual(loadDraft(store, 7), { answers: { q1: 0, q3: 'na' }, notes: '柜台不整洁', at: '2026-12-04T09:00:00.000Z' });
  assert.equal(loadDraft(store, 8), null, 'drafts are per inspection');
  store.map.set('sqm.inspection.draft.9', JSON.stringify({ answers: { q1: 'yes', q2: 3 }, notes: 5 }));
  assert.deepEqual(loadDraft(store, 9), { answers: { q2: 3 }, notes: '', at: '' });
  store.map.set('sqm.inspection.draft.10', '{not json');
  assert.equal(loadDraft(store, 10), null);
  clearDraft(store, 7);
  assert.equal(loadDraft(store, 7), null);
});

test('a draft keeps when and where the check was made; a position out of range is dropped', () => {
  const store = memoryStore();
  const site = { checked_at: '2026-12-04T09:00:00.000Z', location: { latitude: 31.2304, longitude: 121.4737, accuracy_m: 15 } };
  saveDraft(store, 11, { answers: { q1: 1 }, notes: '', at: '2026-12-04T09:01:00.000Z', site });
  assert.deepEqual(loadDraft(store, 11)?.site, site);
  store.map.set('sqm.inspection.draft.12', JSON.stringify({ answers: {}, site: { checked_at: 'soon', location: { latitude: 95, longitude: 0 } } }));
  assert.equal(loadDraft(store, 12)?.site, undefined);
  assert.deepEqual(validLocation({ latitude: -90, longitude: 180 }), { latitude: -90, longitude: 180, accuracy_m: null });
  assert.equal(validLocation({ latitude: '31', longitude: 121 }), undefined);
});

test('a new section and its first item take codes not yet used', () => {
  const s = newSection(card);
  assert.equal(s.code, 's3');
  assert.equal(s.items[0].code, 'q4');
});

test('keyboard scoring: 1–5 on the scale, y / n on yes-no, a for N/A where allowed', () => {
  const yesNo = { code: 'q1', name: '', scale: 'yes_no' as const, max_points: 1 };
  assert.equal(answerForKey(yesNo, 'y'), 1);
  assert.equal(answerForKey(yesNo, 'N'), 0);
  assert.equal(answerForKey(yesNo, '1'), 1);
  assert.equal(answerForKey(yesNo, '3'), undefined);
  assert.equal(answerForKey(yesNo, 'a'), 'na');
  const three = { code: 'q2', name: '', scale: 'three_point' as const, max_points: 2, na_allowed: false };
  assert.equal(answerForKey(three, '3'), 3);
  assert.equal(answerForKey(three, '4'), undefined);
  assert.equal(answerForKey(three, 'a'), undefined, 'N/A only where the item allows it');
  assert.equal(answerForKey(three, 'y'), undefined);
  const points = { code: 'q3', name: '', scale: 'points' as const, max_points: 5 };
  assert.equal(answerForKey(points, '5'), 5);
  assert.equal(answerForKey(points, '6'), undefined);
  assert.equal(answerForKey(points, 'ArrowDown'), undefined);
});
