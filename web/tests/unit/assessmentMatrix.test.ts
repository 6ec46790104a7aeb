// The calculators' pure helpers: Saaty judgements and their reciprocals, and pasted tables.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { judgementText, normalise, onScale, parseTable, resizeMatrix, setJudgement, identityMatrix } from '../../src/pages/assessment/matrix';

test('a judgement sets its mirror to the reciprocal and reads as Saaty writes it', () => {
  const m = setJudgement(identityMatrix(3), 0, 2, 1 / 3);
  assert.equal(m[2][0], 3);
  assert.deepEqual([m[0][2], m[2][0], m[1][1]].map(judgementText), ['1/3', '3', '1']);
  assert.equal(onScale(0.34), 1 / 3);
  assert.equal(onScale(7.2), 7);
});

test('resizing keeps the judgements of the criteria that remain', () => {
  const m = setJudgement(identityMatrix(3), 0, 1, 5);
  assert.deepEqual(resizeMatrix(m, 2), [[1, 5], [0.2, 1]]);
  assert.deepEqual(resizeMatrix(m, 4)[3], [1, 1, 1, 1]);
});

test('a pasted table: header row and name column recognised, tabs, commas or spaces', () => {
  assert.deepEqual(parseTable('name\tx\ty\nA\t1\t2\nB\t3\t4\n'), { columns: ['x', 'y'], rows: ['A', 'B'], matrix: [[1, 2], [3, 4]] });
  assert.deepEqual(parseTable('1,2\n3,4'), { columns: ['C1', 'C2'], rows: ['1', '2'], matrix: [[1, 2], [3, 4]] });
  assert.deepEqual(parseTable('A 1 2\nB 3 4'), { columns: ['C1', 'C2'], rows: ['A', 'B'], matrix: [[1, 2], [3, 4]] });
});

test('a pasted table that is wrong says where', () => {
  assert.deepEqual(parseTable('A\t1\t2\nB\t3\tx'), { line: 2, column: 3, kind: 'notNumber', text: 'x' });
  assert.deepEqual(parseTable('1\t2\n3'), { line: 2, kind: 'ragged', text: '2' });
  assert.deepEqual(parseTable('  \n'), { line: 1, kind: 'empty' });
});

test('weights are scaled to add up to 1, equal when none is given', () => {
  assert.deepEqual(normalise([2, 2, 4]), [0.25, 0.25, 0.5]);
  assert.deepEqual(normalise([0, 0]), [0.5, 0.5]);
});
