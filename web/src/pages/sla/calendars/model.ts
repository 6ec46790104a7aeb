// The calendar editor's form model, pure: form values to and from the API's calendar, the form
// field a server problem names, and the due-time preview's state.
import dayjs, { type Dayjs } from 'dayjs';
import {
  WEEKDAYS,
  type BusinessCalendar,
  type DayException,
  type HoursInterval,
  type KeyedMessage,
  type Weekday,
} from '../../../api/slaTypes';
import { fieldPath, type FormPath } from '../../../lib/formErrors';

/** HH:MM, or 24:00 for the end of the day. */
export const TIME = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;
export const CODE = /^[a-z0-9][a-z0-9_-]{0,63}$/;

export interface IntervalValue {
  start: string;
  end: string;
}

export interface ExceptionValue {
  date: Dayjs | null;
  kind: 'holiday' | 'workday';
  name?: string;
  hours_of?: Weekday;
  /** "09:00-12:00, 13:00-18:00" */
  hours?: string;
}

export interface CalendarValues {
  code: string;
  name: string;
  time_zone: string;
  always_open: boolean;
  week: Record<Weekday, IntervalValue[]>;
  exceptions: ExceptionValue[];
}

const OFFICE_DAY: readonly IntervalValue[] = [
  { start: '09:00', end: '12:00' },
  { start: '13:00', end: '18:00' },
];

/** What a new calendar starts with: office hours Monday to Friday, in Beijing time. */
export const NEW_CALENDAR: BusinessCalendar = {
  code: '',
  name: '',
  time_zone: 'Asia/Shanghai',
  always_open: false,
  week: Object.fromEntries(
    WEEKDAYS.map((day) => [day, day === 'sat' || day === 'sun' ? [] : OFFICE_DAY.map((i) => [i.start, i.end])]),
  ),
  exceptions: [],
};

/** [["09:00", "12:00"], ["13:00", "18:00"]] → "09:00-12:00, 13:00-18:00". */
export function formatHours(hours: readonly HoursInterval[] | undefined): string {
  return (hours ?? []).map(([a, b]) => `${a}-${b}`).join(', ');
}

/** "09:00-12:00, 13:00-18:00" (or with ，; ~ –) → [["09:00", "12:00"], ["13:00", "18:00"]]. */
export function parseHours(text: string | undefined): HoursInterval[] {
  return (text ?? '')
    .split(/[,，;\s]+/)
    .filter(Boolean)
    .map((part) => {
      const [a, b] = part.split(/[-–~]/);
      return [a?.trim() ?? '', b?.trim() ?? ''];
    });
}

export function toValues(cal: BusinessCalendar): CalendarValues {
  const week = {} as Record<Weekday, IntervalValue[]>;
  for (const day of WEEKDAYS) week[day] = (cal.week?.[day] ?? []).map(([start, end]) => ({ start, end }));
  return {
    code: cal.code,
    name: cal.name,
    time_zone: cal.time_zone,
    always_open: cal.always_open ?? false,
    week,
    exceptions: [...(cal.exceptions ?? [])]
      .sort((a, b) => a.date.localeCompare(b.date))
      .map((e) => ({
        date: dayjs(e.date),
        kind: e.kind,
        name: e.name ?? '',
        hours_of: e.hours_of,
        hours: formatHours(e.hours),
      })),
  };
}

export function toCalendar(v: CalendarValues): BusinessCalendar {
  const head = { code: v.code.trim(), name: v.name.trim(), time_zone: v.time_zone };
  if (v.always_open) return { ...head, always_open: true };
  const week: NonNullable<BusinessCalendar['week']> = {};
  for (const day of WEEKDAYS) week[day] = (v.week?.[day] ?? []).map((i) => [i.start.trim(), i.end.trim()]);
  return {
    ...head,
    always_open: false,
    week,
    exceptions: (v.exceptions ?? []).map((e): DayException => {
      const out: DayException = { date: e.date ? e.date.format('YYYY-MM-DD') : '', kind: e.kind };
      if (e.name?.trim()) out.name = e.name.trim();
      if (e.kind === 'workday') {
        if (e.hours?.trim()) out.hours = parseHours(e.hours);
        else if (e.hours_of) out.hours_of = e.hours_of;
      }
      return out;
    }),
  };
}

/**
 * The form field of a server problem: the server numbers weekdays ("week[2][0].end": Wednesday's
 * first interval) and an exception's intervals ("exceptions[3].hours[0].end", one text box here).
 */
export function formPath(field: string): FormPath | null {
  const path = fieldPath(field);
  if (path[0] === 'week' && typeof path[1] === 'number') {
    const day = WEEKDAYS[path[1]];
    if (!day) return null;
    return typeof path[2] === 'number' ? ['week', day, path[2], String(path[3] ?? 'start')] : null;
  }
  if (path[0] === 'exceptions' && typeof path[1] === 'number') return ['exceptions', path[1], String(path[2] ?? 'date')];
  if (['code', 'name', 'time_zone', 'always_open'].includes(String(path[0]))) return [String(path[0])];
  return null;
}

/** "2026-10-09T10:00:00+08:00" → "2026-10-09 10:00 +08:00": the instant in the calendar's own zone. */
export function calendarTime(iso: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.exec(iso);
  return match ? `${match[1]} ${match[2]} ${match[3] === 'Z' ? 'UTC' : match[3]}` : iso;
}

/** The largest number of business minutes a preview may ask for (ten years of minutes). */
export const MAX_PREVIEW_MINUTES = 5_256_000;

export interface PreviewQuestion {
  from: string;
  minutes: number;
}

/** The preview's question for these inputs, or null when there is nothing to ask (no or too few minutes). */
export function previewQuestion(from: string, minutes: number | null | undefined): PreviewQuestion | null {
  if (minutes === null || minutes === undefined || !Number.isInteger(minutes)) return null;
  if (minutes < 1 || minutes > MAX_PREVIEW_MINUTES) return null;
  return { from, minutes };
}

export interface PreviewAnswer {
  question: PreviewQuestion;
  due?: string;
  /** The server's warning that the answer depends on days past the calendar's known holiday years. */
  warning?: KeyedMessage;
  error?: unknown;
}

/** The answer to show: only one to the question on screen now, never an older one. */
export function currentAnswer(question: PreviewQuestion | null, answer: PreviewAnswer | null): PreviewAnswer | null {
  if (!question || !answer) return null;
  return answer.question.from === question.from && answer.question.minutes === question.minutes ? answer : null;
}

/** What a warning says of a calendar whose holiday data runs out (or ran out). */
export interface RunOut {
  code: string;
  name: string;
  /** The last day whose holidays it knows: 31 December of its last known year. */
  lastDay: string;
  nextYear: number;
}

/**
 * The calendar's run-out, when it is due at `now` (ms): from the server's `notice_at` (60 days
 * before the first unknown day, when administrators are notified) on. Null for a calendar that
 * never runs out (no holiday data) and before then.
 */
export function runOutAt(cal: BusinessCalendar | undefined, now: number): RunOut | null {
  const known = cal?.known_years;
  if (!cal || !known || Date.parse(known.notice_at) > now) return null;
  return { code: cal.code, name: cal.name, lastDay: `${known.last}-12-31`, nextYear: known.last + 1 };
}
