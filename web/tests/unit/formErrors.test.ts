// Where the server's field problems land on a form, and which ones a change clears.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { changedPaths, fieldPath, placeProblems, related } from '../../src/lib/formErrors';

test('fieldPath reads dotted names and list indexes', () => {
  assert.deepEqual(fieldPath('complaint.category'), ['complaint', 'category']);
  assert.deepEqual(fieldPath('targets[1].kind'), ['targets', 1, 'kind']);
  assert.deepEqual(fieldPath('exceptions[3].hours[0].end'), ['exceptions', 3, 'hours', 0, 'end']);
});

test('every problem lands on its field at once; the rest go to the banner', () => {
  const form = [['username'], ['password'], ['roles'], ['department_id']];
  const { onFields, elsewhere } = placeProblems(
    [
      { field: 'username', message: 'taken' },
      { field: 'password', message: 'too short' },
      { field: 'password', message: 'no digit' },
      { field: 'roles[0]', message: 'unknown role' },
      { field: 'scope_department_ids', message: 'no such department' },
      { message: 'the whole request' },
    ],
    form,
  );
  assert.deepEqual(
    [...onFields.values()].map(({ path, problems }) => [path, problems.map((p) => p.message)]),
    [
      [['username'], ['taken']],
      [['password'], ['too short', 'no digit']],
      [['roles'], ['unknown role']],
    ],
  );
  assert.deepEqual(
    elsewhere.map((p) => p.message),
    ['no such department', 'the whole request'],
  );
});

test('a form maps server fields onto its own paths, or keeps them off the form', () => {
  const { onFields, elsewhere } = placeProblems(
    [
      { field: 'targets[0].business_minutes', message: 'too long' },
      { field: 'name', message: 'taken' },
    ],
    [['targets', 'resolution', 'business_minutes']],
    (field) => (field.startsWith('targets') ? ['targets', 'resolution', 'business_minutes'] : null),
  );
  assert.deepEqual([...onFields.values()].map((f) => f.path), [['targets', 'resolution', 'business_minutes']]);
  assert.deepEqual(elsewhere.map((p) => p.message), ['taken']);
});

test('a change clears the problems of the fields it touched, nested or in lists', () => {
  assert.deepEqual(changedPaths({ complaint: { category: 'other' } }), [['complaint', 'category']]);
  assert.deepEqual(changedPaths({ roles: ['agent'] }), [['roles']]);
  assert.deepEqual(changedPaths({ department_id: 4, title: 'x' }), [['department_id'], ['title']]);
  assert.deepEqual(changedPaths({ deadline: new Date(0) }), [['deadline']]);
  assert.ok(related(['roles'], ['roles']));
  assert.ok(related(['week', 'mon'], ['week', 'mon', 0, 'end']));
  assert.ok(!related(['week', 'tue'], ['week', 'mon', 0, 'end']));
  assert.ok(!related(['username'], ['password']));
});
