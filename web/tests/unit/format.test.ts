// Times show in the business zone, with its offset when the browser's zone differs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { businessToday, formatTime, setBusinessZone, startOfBusinessDay, ticketNumber } from '../../src/lib/format';

// The browser's zone here is the test process's: pinned by the test script (TZ=UTC).
test('a UTC browser sees Beijing times with their offset', () => {
  assert.equal(process.env.TZ, 'UTC');
  assert.equal(formatTime('2026-11-22T00:43:02.000Z'), '2026-11-22 08:43:02 +08:00');
  assert.equal(formatTime('2026-11-22T00:43:02Z', 'UTC'), '2026-11-22 00:43:02');
  assert.equal(formatTime(null), '');
  assert.equal(formatTime('not a time'), 'not a time');
});

test('the zone can be set by the server, and an unknown zone keeps the default', () => {
  setBusinessZone('Europe/London');
  assert.equal(formatTime('2026-07-01T12:00:00Z'), '2026-07-01 13:00:00 +01:00');
  setBusinessZone('Mars/Olympus');
  assert.equal(formatTime('2026-07-01T12:00:00Z'), '2026-07-01 20:00:00 +08:00');
  setBusinessZone(undefined);
});

test('business days start at local midnight', () => {
  assert.equal(startOfBusinessDay('2026-11-22'), '2026-11-21T16:00:00.000Z');
  assert.equal(startOfBusinessDay('2026-11-22', 'UTC'), '2026-11-22T00:00:00.000Z');
});

test('ticket numbers', () => {
  assert.equal(ticketNumber(2938), 'T002938');
  assert.equal(ticketNumber(1234567), 'T1234567');
});

// Date pickers open on the business zone's today: at 20:00 UTC on 1 June it is already the
// 2nd in Shanghai, and a range ending "today" must include a ticket made a minute ago.
test("today is the business zone's date, not the browser's", (t) => {
  t.mock.timers.enable({ apis: ['Date'], now: Date.parse('2026-06-01T20:00:00Z') });
  assert.equal(businessToday().format('YYYY-MM-DD'), '2026-06-02');
  assert.equal(businessToday('UTC').format('YYYY-MM-DD'), '2026-06-01');
  t.mock.timers.reset();
});
