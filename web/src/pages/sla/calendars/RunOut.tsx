// How much holiday data a calendar has, and the warning once it runs out within the notice period
// (the server's known_years.notice_at, the day administrators are notified): on the calendar list
// and, for each target's calendar, on the SLA policy page.
import { Alert, Tag, Tooltip } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { BusinessCalendar } from '../../../api/slaTypes';
import { runOutAt, type RunOut } from './model';

/** "Holidays known for 2025–2026", orange with the warning as its tooltip once the data runs out soon. */
export function KnownYears({ calendar, now = Date.now() }: { calendar: BusinessCalendar; now?: number }) {
  const { t } = useTranslation();
  const known = calendar.known_years;
  if (calendar.always_open) return null;
  if (!known) return <Tag>{t('calendars.noHolidayData')}</Tag>;
  const runOut = runOutAt(calendar, now);
  const tag = (
    <Tag color={runOut ? 'orange' : undefined} data-testid={`known-years-${calendar.code}`}>
      {t('calendars.knownYears', { first: known.first, last: known.last })}
    </Tag>
  );
  return runOut ? <Tooltip title={runOutText(t, runOut)}>{tag}</Tooltip> : tag;
}

export function runOutText(t: TFunction, r: RunOut): string {
  return String(t('policies.calendarRunsOut', { name: r.name, code: r.code, lastDay: r.lastDay, nextYear: r.nextYear }));
}

/** One warning per calendar that runs out; nothing when none does. */
export function RunOutAlerts({ runOuts }: { runOuts: RunOut[] }) {
  const { t } = useTranslation();
  return (
    <>
      {runOuts.map((r) => (
        <Alert key={r.code} type="warning" showIcon message={runOutText(t, r)} data-testid={`run-out-${r.code}`} />
      ))}
    </>
  );
}
