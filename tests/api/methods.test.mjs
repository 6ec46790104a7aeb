// The calculator API: assessment methods (AHP, entropy, TOPSIS, RSR), survey statistics (sample
// size, Wilson interval) and calibration agreement (Cohen's kappa), with the published figures of
// issues 10, 11 and 12; every bad input a 400 naming the field with a keyed message; numbers as
// people write them; customers refused.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { loginAs, startServer } from './lib/server.mjs';

let server;
let agent;
let customer;

before(async () => {
  server = await startServer();
  agent = await loginAs(server, 'agent');
  customer = await loginAs(server, 'customer');
});

after(async () => {
  await server?.stop();
});

function near(actual, expected, digits = 4, label = '') {
  assert.ok(Math.abs(actual - expected) <= 0.5 * 10 ** -digits, `${label} ${actual} is not ${expected} to ${digits} decimals`);
}

function assertInvalid(r, field, key) {
  assert.equal(r.status, 400, r.text);
  assert.equal(r.body.error.code, 'invalid', r.text);
  assert.equal(r.body.error.field, field, r.text);
  if (key) assert.equal(r.body.error.key, key, r.text);
  assert.equal(typeof r.body.error.message, 'string');
}

// Responses print numbers as people write them: never 1.5E0, never NaN or Infinity.
function assertPlainNumbers(r) {
  assert.doesNotMatch(r.text, /\dE[+-]?\d|NaN|Infinity/, r.text);
}

describe('AHP', () => {
  const five = [[1, 1 / 3, 1 / 2, 3, 2], [3, 1, 2, 5, 4], [2, 1 / 2, 1, 4, 3], [1 / 3, 1 / 5, 1 / 4, 1, 1 / 2], [1 / 2, 1 / 4, 1 / 3, 2, 1]];

  test('the 5x5 example by geometric mean', async () => {
    const r = await agent.post('/api/v1/assessment/methods/ahp', { matrix: five, method: 'geometric_mean' });
    assert.equal(r.status, 200, r.text);
    [0.1602, 0.4174, 0.2634, 0.0615, 0.0975].forEach((w, i) => near(r.body.weights[i], w, 4, `w${i}`));
    near(r.body.lambda_max, 5.068, 3);
    near(r.body.ci, 0.0170, 4);
    near(r.body.cr, 0.0152, 4);
    assert.equal(r.body.ri, 1.12);
    assert.equal(r.body.consistent, true);
    assertPlainNumbers(r);
  });

  test('the eigenvector method is the default', async () => {
    const r = await agent.post('/api/v1/assessment/methods/ahp', { matrix: five });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.method, 'eigenvector');
    near(r.body.weights[1], 0.4185, 4);
    near(r.body.cr, 0.0152, 4);
  });

  test('inconsistent judgements answer consistent: false with the figure', async () => {
    const r = await agent.post('/api/v1/assessment/methods/ahp', { matrix: [[1, 9, 1 / 9], [1 / 9, 1, 9], [9, 1 / 9, 1]] });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.consistent, false);
    assert.ok(r.body.cr >= 0.1);
  });

  test('bad matrices are 400s naming the row or cell', async () => {
    assertInvalid(await agent.post('/api/v1/assessment/methods/ahp', { matrix: [[1, 2, 3], [0.5, 1, 2], [1 / 3, 0.5]] }),
      'matrix[2]', 'matrix.row_length');
    const r = await agent.post('/api/v1/assessment/methods/ahp', { matrix: [[1, 2, 3, 4], [0.5, 1, 2, 3], [1 / 3, 0.5, 1, 2], [0.25, 3, 0.5, 1]] });
    assertInvalid(r, 'matrix[3][1]', 'ahp.not_reciprocal');
    assert.equal(r.body.error.args.cell, 'matrix[1][3]');
    assertInvalid(await agent.post('/api/v1/assessment/methods/ahp', { matrix: [[1, 2], [0.5, 'x']] }), 'matrix[1][1]', 'field.not_number');
    assertInvalid(await agent.post('/api/v1/assessment/methods/ahp', { matrix: [[1, -2], [0.5, 1]] }), 'matrix[0][1]', 'matrix.not_positive');
    assertInvalid(await agent.post('/api/v1/assessment/methods/ahp', { matrix: [[1, 2]] }), 'matrix', 'ahp.not_square');
    assertInvalid(await agent.post('/api/v1/assessment/methods/ahp', {}), 'matrix', 'field.required');
    assertInvalid(await agent.post('/api/v1/assessment/methods/ahp', { matrix: five, method: 'power' }), 'method', 'ahp.method');
    assertInvalid(await agent.post('/api/v1/assessment/methods/ahp', { matrix: five, ri_table: [0, 0, 0.58] }), 'ri_table', 'ahp.no_random_index');
    assertInvalid(await agent.post('/api/v1/assessment/methods/ahp', { matrix: five, weights: [1] }), 'weights', 'field.unknown');
  });

  test('every reciprocal problem of one matrix is listed at once', async () => {
    const r = await agent.post('/api/v1/assessment/methods/ahp', { matrix: [[1, 2, 3], [2, 1, 2], [3, 2, 1]] });
    assert.equal(r.status, 400, r.text);
    assert.deepEqual(r.body.error.errors.map((e) => e.field), ['matrix[1][0]', 'matrix[2][0]', 'matrix[2][1]']);
  });
});

describe('entropy weights', () => {
  test('Xu (2004)', async () => {
    const r = await agent.post('/api/v1/assessment/methods/entropy', { matrix: [[30, 30, 38, 29], [19, 54, 86, 29], [19, 15, 85, 28.9], [68, 70, 60, 29]] });
    assert.equal(r.status, 200, r.text);
    [0.4630, 0.3992, 0.1378, 0.0000].forEach((w, i) => near(r.body.weights[i], w, 4, `w${i}`));
    assertPlainNumbers(r);
  });

  test('a negative value or a single row is refused', async () => {
    assertInvalid(await agent.post('/api/v1/assessment/methods/entropy', { matrix: [[1, 2], [3, -4]] }), 'matrix[1][1]', 'matrix.negative');
    assertInvalid(await agent.post('/api/v1/assessment/methods/entropy', { matrix: [[1, 2]] }), 'matrix', 'entropy.too_few_rows');
  });
});

describe('TOPSIS', () => {
  const rows = [[8, 7, 2, 1], [5, 3, 7, 5], [7, 5, 6, 4], [9, 9, 7, 3], [11, 10, 3, 7], [6, 9, 5, 4]];

  test('Papathanasiou & Ploskas (2018)', async () => {
    const r = await agent.post('/api/v1/assessment/methods/topsis', { matrix: rows, weights: [0.4, 0.3, 0.1, 0.2], benefit: [true, true, true, true] });
    assert.equal(r.status, 200, r.text);
    [0.387, 0.327, 0.391, 0.615, 0.868, 0.493].forEach((c, i) => near(r.body.closeness[i], c, 3, `C${i}`));
    assert.deepEqual(r.body.rank, [5, 6, 4, 2, 1, 3]);
    assert.equal(r.body.ideal.length, 4);
    assert.equal(r.body.anti_ideal.length, 4);
  });

  test('weights must add up to 1 and match the columns', async () => {
    const r = await agent.post('/api/v1/assessment/methods/topsis', { matrix: rows, weights: [0.4, 0.3, 0.1, 0.1] });
    assertInvalid(r, 'weights', 'weights.sum');
    assert.equal(r.body.error.args.sum, '0.9');
    assertInvalid(await agent.post('/api/v1/assessment/methods/topsis', { matrix: rows, weights: [0.5, 0.5] }), 'weights', 'weights.count');
    assertInvalid(await agent.post('/api/v1/assessment/methods/topsis', { matrix: rows }), 'weights', 'field.required');
    assertInvalid(await agent.post('/api/v1/assessment/methods/topsis', { matrix: rows, weights: [0.4, 0.3, 0.1, 0.2], benefit: [true] }),
      'benefit', 'benefit.count');
    assertInvalid(await agent.post('/api/v1/assessment/methods/topsis', { matrix: rows, weights: [0.4, 0.3, 0.1, 0.2], benefit: [true, 1, true, true] }),
      'benefit[1]', 'field.not_boolean');
  });
});

describe('RSR', () => {
  // The table worked by hand in src/assessment/evaluation_test.cpp.
  const units = [[95, 90, 2.0], [88, 92, 3.5], [95, 89, 1.0], [80, 80, 4.0], [91, 95, 2.0], [85, 88, 5.0]];

  test('integer ranks, the distribution table, the regression and three tiers', async () => {
    const r = await agent.post('/api/v1/assessment/methods/rsr', { matrix: units, benefit: [true, true, false], ranks: 'integer', tiers: 3 });
    assert.equal(r.status, 200, r.text);
    [0.7778, 0.6111, 0.8056, 0.2222, 0.8056, 0.2778].forEach((v, i) => near(r.body.rsr[i], v, 4, `RSR${i}`));
    [5.4307, 5, 6.7317, 4.0326, 6.7317, 4.5693].forEach((v, i) => near(r.body.probit[i], v, 4, `probit${i}`));
    near(r.body.regression.a, -0.6710, 4);
    near(r.body.regression.b, 0.2348, 4);
    assert.deepEqual(r.body.tier, [2, 2, 1, 2, 1, 2]);
    assert.equal(r.body.distribution.length, 5);
    near(r.body.distribution[4].percentile, 1 - 1 / 24, 10);
    assert.deepEqual(r.body.probit_cuts, [4, 6]);
    assertPlainNumbers(r);
  });

  test('weighted, non-integer, four tiers', async () => {
    const r = await agent.post('/api/v1/assessment/methods/rsr', { matrix: units, benefit: [true, true, false], weights: [0.3, 0.5, 0.2], tiers: 4 });
    assert.equal(r.status, 200, r.text);
    near(r.body.rsr[0], 0.7583, 4);
    assert.deepEqual(r.body.tier, [2, 2, 2, 3, 1, 3]);
    const n = await agent.post('/api/v1/assessment/methods/rsr', { matrix: units, benefit: [true, true, false], ranks: 'non_integer' });
    assert.equal(n.status, 200, n.text);
    near(n.body.rsr[2], 0.8889, 4);
  });

  test('bad options name the field', async () => {
    assertInvalid(await agent.post('/api/v1/assessment/methods/rsr', { matrix: units, tiers: 7 }), 'tiers', 'field.out_of_range');
    assertInvalid(await agent.post('/api/v1/assessment/methods/rsr', { matrix: units, ranks: 'dense' }), 'ranks', 'rsr.ranks');
    assertInvalid(await agent.post('/api/v1/assessment/methods/rsr', { matrix: [[1, 2], [1, 2]] }), 'matrix', 'rsr.no_spread');
  });
});

describe('survey statistics', () => {
  test('sample sizes of issue 11, rounded up', async () => {
    for (const [query, n] of [['margin=0.05&confidence=0.95', 385], ['margin=0.03&confidence=0.95', 1068],
      ['margin=0.05&confidence=0.95&population=2000', 323], ['margin=0.05', 385], ['margin=0.05&proportion=0.9', 139]]) {
      const r = await agent.get(`/api/v1/surveys/sample-size?${query}`);
      assert.equal(r.status, 200, r.text);
      assert.deepEqual(r.body, { n }, query);
      assert.equal(r.text, `{"n":${n}}`);
    }
  });

  test('the Wilson interval', async () => {
    const r = await agent.get('/api/v1/surveys/interval?successes=81&n=263&confidence=0.95');
    assert.equal(r.status, 200, r.text);
    near(r.body.p, 0.3080, 4);
    near(r.body.low, 0.2553, 4);
    near(r.body.high, 0.3662, 4);
    near(r.body.margin, (0.3662 - 0.2553) / 2, 4);
    const zero = await agent.get('/api/v1/surveys/interval?successes=0&n=20');
    assert.equal(zero.status, 200, zero.text);
    assert.equal(zero.body.low, 0);
    assert.equal(zero.body.p, 0);
    near(zero.body.high, 0.1611, 4);
    assertPlainNumbers(zero);
    assert.match(zero.text, /"low":0[,}]/);
  });

  test('bad parameters are 400s naming the parameter', async () => {
    for (const [url, field, key] of [
      ['/api/v1/surveys/sample-size?margin=0', 'margin', 'stats.open_unit'],
      ['/api/v1/surveys/sample-size?margin=-0.05', 'margin', 'stats.open_unit'],
      ['/api/v1/surveys/sample-size', 'margin', 'field.required'],
      ['/api/v1/surveys/sample-size?margin=abc', 'margin', 'field.not_number'],
      ['/api/v1/surveys/sample-size?margin=0.05&confidence=1.5', 'confidence', 'stats.open_unit'],
      ['/api/v1/surveys/sample-size?margin=0.05&population=0', 'population', 'stats.n_positive'],
      ['/api/v1/surveys/sample-size?margin=0.05&proportion=1', 'proportion', 'stats.open_unit'],
      ['/api/v1/surveys/interval?successes=1&n=0', 'n', 'stats.n_positive'],
      ['/api/v1/surveys/interval?successes=12&n=10', 'successes', 'stats.successes_range'],
      ['/api/v1/surveys/interval?successes=-1&n=10', 'successes', 'stats.successes_range'],
      ['/api/v1/surveys/interval?successes=1&n=10&confidence=1', 'confidence', 'stats.open_unit'],
      ['/api/v1/surveys/interval?successes=1&n=10&confidence=0', 'confidence', 'stats.open_unit'],
      ['/api/v1/surveys/interval?n=10', 'successes', 'field.required'],
      ['/api/v1/surveys/interval?successes=1.5&n=10', 'successes', 'field.not_integer'],
    ]) {
      assertInvalid(await agent.get(url), field, key);
    }
  });

  test('every bad parameter at once', async () => {
    const r = await agent.get('/api/v1/surveys/interval?successes=-1&n=0&confidence=2');
    assert.equal(r.status, 400, r.text);
    assert.deepEqual(r.body.error.errors.map((e) => e.field), ['n', 'successes', 'confidence']);
  });
});

describe('calibration agreement', () => {
  const a = [1, 1, 2, 2, 3, 3, 1, 3];
  const b = [1, 3, 2, 1, 3, 2, 1, 3];

  test('Cohen\'s kappa unweighted, linear and quadratic', async () => {
    for (const [weights, kappa] of [['none', 0.4286], ['linear', 0.4667], ['quadratic', 0.5]]) {
      const r = await agent.post('/api/v1/inspections/agreement', { a, b, weights });
      assert.equal(r.status, 200, r.text);
      near(r.body.kappa, kappa, 4, weights);
      assert.equal(r.body.n, 8);
      assert.equal(typeof r.body.observed, 'number');
      assert.equal(typeof r.body.expected, 'number');
    }
    const quadratic = await agent.post('/api/v1/inspections/agreement', { a, b, weights: 'quadratic' });
    assert.match(quadratic.text, /"kappa":0\.5[,}]/);
  });

  test('categories and the share within a tolerance', async () => {
    const r = await agent.post('/api/v1/inspections/agreement', { a: [80, 90, 70, 100], b: [90, 75, 70, 89.5], categories: [70, 75, 80, 89.5, 90, 100], tolerance: 10 });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.share_within, 0.5);
    const same = await agent.post('/api/v1/inspections/agreement', { a: [1, 1, 1], b: [1, 1, 1] });
    assert.equal(same.status, 200, same.text);
    assert.equal(same.body.kappa, null, 'undefined kappa is null, never NaN');
  });

  test('unequal lengths, too few items and bad values are 400s naming the field', async () => {
    assertInvalid(await agent.post('/api/v1/inspections/agreement', { a, b: b.slice(1) }), 'b', 'kappa.length');
    assertInvalid(await agent.post('/api/v1/inspections/agreement', { a: [1], b: [1] }), 'a', 'kappa.too_few');
    assertInvalid(await agent.post('/api/v1/inspections/agreement', { b }), 'a', 'field.required');
    assertInvalid(await agent.post('/api/v1/inspections/agreement', { a, b, weights: 'cubic' }), 'weights', 'kappa.weights');
    assertInvalid(await agent.post('/api/v1/inspections/agreement', { a, b, categories: [1, 2] }), 'b[1]', 'kappa.not_category');
    assertInvalid(await agent.post('/api/v1/inspections/agreement', { a: [1, 'x'], b: [1, 2] }), 'a[1]', 'field.not_number');
  });
});

test('customers are not staff: every calculator is a 403 for them', async () => {
  for (const [method, url, body] of [
    ['POST', '/api/v1/assessment/methods/ahp', { matrix: [[1]] }],
    ['POST', '/api/v1/assessment/methods/entropy', { matrix: [[1], [2]] }],
    ['POST', '/api/v1/assessment/methods/topsis', { matrix: [[1], [2]], weights: [1] }],
    ['POST', '/api/v1/assessment/methods/rsr', { matrix: [[1], [2]] }],
    ['GET', '/api/v1/surveys/sample-size?margin=0.05'],
    ['GET', '/api/v1/surveys/interval?successes=1&n=2'],
    ['POST', '/api/v1/inspections/agreement', { a: [1, 2], b: [1, 2] }],
  ]) {
    const r = await customer.request(method, url, body ? { json: body } : {});
    assert.equal(r.status, 403, `${method} ${url}: ${r.text}`);
    const staff = await agent.request(method, url, body ? { json: body } : {});
    assert.equal(staff.status, 200, `${method} ${url}: ${staff.text}`);
  }
});
