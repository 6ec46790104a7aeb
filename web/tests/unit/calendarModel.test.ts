// The calendar editor's form model: values to and from the API calendar, server fields to form
// fields, and which due-time answer the preview may show.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import dayjs from 'dayjs';
import type { BusinessCalendar } from '../../src/api/slaTypes';
import {
  calendarTime,
  currentAnswer,
  formatHours,
  formPath,
  NEW_CALENDAR,
  parseHours,
  previewQuestion,
  runOutAt,
  toCalendar,
  toValues,
} from '../../src/pages/sla/calendars/model';

const CALENDAR: BusinessCalendar = {
  code: 'cn-test',
  name: '测试日历',
  time_zone: 'Asia/Shanghai',
  always_open: false,
  week: { mon: [['09:00', '12:00'], ['13:00', '18:00']], sat: [] },
  exceptions: [
    { date: '2027-02-07', kind: 'workday', name: '春节调休', hours_of: 'mon' },
    { date: '2027-01-01', kind: 'holiday', name: '元旦' },
    { date: '2027-02-20', kind: 'workday', hours: [['10:00', '15:00']] },
  ],
};

test('a calendar survives the round trip through the form, every weekday present, exceptions by date', () => {
  const values = toValues(CALENDAR);
  assert.deepEqual(values.week.mon, [
    { start: '09:00', end: '12:00' },
    { start: '13:00', end: '18:00' },
  ]);
  assert.deepEqual(values.week.sun, []);
  assert.deepEqual(
    values.exceptions.map((e) => e.date?.format('YYYY-MM-DD')),
    ['2027-01-01', '2027-02-07', '2027-02-20'],
  );
  assert.equal(values.exceptions[2].hours, '10:00-15:00');
  const back = toCalendar(values);
  assert.deepEqual(back.week?.mon, CALENDAR.week?.mon);
  assert.deepEqual(back.week?.tue, []);
  assert.deepEqual(back.exceptions, [
    { date: '2027-01-01', kind: 'holiday', name: '元旦' },
    { date: '2027-02-07', kind: 'workday', name: '春节调休', hours_of: 'mon' },
    { date: '2027-02-20', kind: 'workday', hours: [['10:00', '15:00']] },
  ]);
});

test('text is trimmed, a holiday drops work hours, explicit hours win over "as on"', () => {
  const values = toValues(NEW_CALENDAR);
  values.code = '  cn-x ';
  values.name = ' X ';
  values.exceptions = [
    { date: dayjs('2027-05-01'), kind: 'holiday', name: ' ', hours: '09:00-10:00', hours_of: 'mon' },
    { date: dayjs('2027-05-09'), kind: 'workday', hours: '09:00-12:00，13:00~17:00', hours_of: 'fri' },
  ];
  const out = toCalendar(values);
  assert.equal(out.code, 'cn-x');
  assert.equal(out.name, 'X');
  assert.deepEqual(out.exceptions, [
    { date: '2027-05-01', kind: 'holiday' },
    { date: '2027-05-09', kind: 'workday', hours: [['09:00', '12:00'], ['13:00', '17:00']] },
  ]);
  assert.deepEqual(NEW_CALENDAR.week?.sat, []);
  assert.deepEqual(NEW_CALENDAR.week?.fri, [['09:00', '12:00'], ['13:00', '18:00']]);
});

test('an always-open calendar sends neither week nor exceptions', () => {
  const values = { ...toValues(CALENDAR), always_open: true };
  assert.deepEqual(toCalendar(values), { code: 'cn-test', name: '测试日历', time_zone: 'Asia/Shanghai', always_open: true });
});

test('hours text both ways', () => {
  assert.equal(formatHours([['09:00', '12:00'], ['13:00', '24:00']]), '09:00-12:00, 13:00-24:00');
  assert.equal(formatHours(undefined), '');
  assert.deepEqual(parseHours('09:00–12:00; 13:00-18:00'), [['09:00', '12:00'], ['13:00', '18:00']]);
  assert.deepEqual(parseHours('  '), []);
  assert.deepEqual(parseHours('9:00'), [['9:00', '']]);
});

test('server fields become form fields', () => {
  assert.deepEqual(formPath('week[2][0].end'), ['week', 'wed', 0, 'end']);
  assert.deepEqual(formPath('week[0][1]'), ['week', 'mon', 1, 'start']);
  assert.equal(formPath('week[9][0].end'), null);
  assert.equal(formPath('week[1]'), null);
  assert.deepEqual(formPath('exceptions[3].hours[0].end'), ['exceptions', 3, 'hours']);
  assert.deepEqual(formPath('exceptions[3]'), ['exceptions', 3, 'date']);
  assert.deepEqual(formPath('time_zone'), ['time_zone']);
  assert.equal(formPath('exceptions'), null);
});

test('due times show in the calendar zone', () => {
  assert.equal(calendarTime('2026-10-09T10:00:00+08:00'), '2026-10-09 10:00 +08:00');
  assert.equal(calendarTime('2026-10-09T02:00:00.123Z'), '2026-10-09 02:00 UTC');
  assert.equal(calendarTime('not a time'), 'not a time');
});

test('the preview asks only for 1 or more whole minutes, and never shows an older answer', () => {
  const from = '2026-12-31T17:30:00+08:00';
  assert.equal(previewQuestion(from, null), null);
  assert.equal(previewQuestion(from, 0), null);
  assert.equal(previewQuestion(from, -5), null);
  assert.equal(previewQuestion(from, 1.5), null);
  assert.equal(previewQuestion(from, 5_256_001), null);
  const q60 = previewQuestion(from, 60);
  assert.deepEqual(q60, { from, minutes: 60 });

  const answer = { question: { from, minutes: 60 }, due: '2027-01-04T09:30:00+08:00' };
  assert.equal(currentAnswer(q60, answer), answer);
  // Minutes set to 0: no question, so the answer for 60 minutes is gone.
  assert.equal(currentAnswer(previewQuestion(from, 0), answer), null);
  // Another question: the old answer is not shown while the new one is on its way.
  assert.equal(currentAnswer(previewQuestion(from, 120), answer), null);
  assert.equal(currentAnswer(q60, null), null);
});

test('a calendar runs out from its notice time on, and one without holiday data never does', () => {
  const known: BusinessCalendar = {
    ...CALENDAR,
    known_years: {
      first: 2025,
      last: 2026,
      runs_out_at: '2026-12-31T16:00:00.000Z',
      notice_at: '2026-11-01T16:00:00.000Z',
    },
  };
  assert.equal(runOutAt(known, Date.parse('2026-11-01T15:59:59.999Z')), null);
  assert.deepEqual(runOutAt(known, Date.parse('2026-11-01T16:00:00.000Z')), {
    code: 'cn-test',
    name: known.name,
    lastDay: '2026-12-31',
    nextYear: 2027,
  });
  assert.equal(runOutAt(known, Date.parse('2027-03-01T00:00:00Z'))?.nextYear, 2027, 'still warns once run out');
  assert.equal(runOutAt({ ...CALENDAR, known_years: null }, Date.parse('2999-01-01T00:00:00Z')), null);
  assert.equal(runOutAt(undefined, 0), null);
});
