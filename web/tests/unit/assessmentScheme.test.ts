// The scheme editor's tree: paths as the server names them, immutable edits, points shared by weights.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addChild, fieldOf, nodeAt, ownProblems, removeNode, sharePoints, updateNode } from '../../src/pages/assessment/schemeTree';

const tree = { code: 'root', max_points: 100, children: [{ code: 'a', max_points: 60 }, { code: 'b', max_points: 40, children: [{ code: 'b1' }] }] };

test('a node path reads as the server names it', () => {
  assert.equal(fieldOf([]), 'tree');
  assert.equal(fieldOf([1, 0]), 'tree.children[1].children[0]');
  assert.equal(nodeAt(tree, [1, 0]).code, 'b1');
});

test('edits leave the original tree alone', () => {
  const changed = updateNode(tree, [0], (n) => ({ ...n, max_points: 50 }));
  assert.equal(nodeAt(changed, [0]).max_points, 50);
  assert.equal(tree.children[0].max_points, 60);
  assert.deepEqual(removeNode(tree, [0]).children?.map((n) => n.code), ['b']);
  assert.deepEqual(addChild(tree, [1], { code: 'b2' }).children?.[1].children?.map((n) => n.code), ['b1', 'b2']);
});

test('points shared by weights add up to the total exactly', () => {
  const parts = sharePoints(100, [0.1602, 0.4174, 0.2634, 0.0615, 0.0975]);
  assert.deepEqual(parts, [16.02, 41.74, 26.34, 6.15, 9.75]);
  const thirds = sharePoints(10, [1 / 3, 1 / 3, 1 / 3]);
  assert.equal(Math.round(thirds.reduce((a, b) => a + b, 0) * 100), 1000);
});

test('a node shows its own problems, not its children\'s', () => {
  const problems = [{ field: 'tree.children[1].max_points' }, { field: 'tree.children[1].children[0].indicator.code' }, { field: 'tree.children[1]' }];
  assert.deepEqual(ownProblems(problems, [1]).map((p) => p.field), ['tree.children[1].max_points', 'tree.children[1]']);
  assert.deepEqual(ownProblems(problems, [1, 0]).map((p) => p.field), ['tree.children[1].children[0].indicator.code']);
});
