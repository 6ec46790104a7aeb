// How times and numbers of the API are shown. Times show in the organisation's business time zone
// (the server's setting; Asia/Shanghai until it says otherwise), with the offset when the browser
// is in another zone, so a ticket's times and the calendar preview agree wherever it is read.
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

/** Until the server names its business zone (GET /me `business_zone`), the demo organisation's. */
export const DEFAULT_BUSINESS_ZONE = 'Asia/Shanghai';

let businessZone = DEFAULT_BUSINESS_ZONE;

/** Sets the zone times are shown in (an IANA name); an unknown name keeps the default. */
export function setBusinessZone(zone: string | null | undefined): void {
  businessZone = zone && isZone(zone) ? zone : DEFAULT_BUSINESS_ZONE;
}

export function getBusinessZone(): string {
  return businessZone;
}

function isZone(zone: string): boolean {
  try {
    Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** "+08:00" for 480 minutes. */
function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/**
 * An API timestamp (ISO-8601) in the business zone, e.g. "2026-11-22 08:43:02"; with the zone's
 * offset appended ("2026-11-22 08:43:02 +08:00") when the browser's zone differs at that instant.
 */
export function formatTime(iso: string | null | undefined, zone: string = businessZone): string {
  if (!iso) return '';
  const instant = dayjs(iso);
  if (!instant.isValid()) return iso;
  const local = instant.tz(zone);
  const text = local.format('YYYY-MM-DD HH:mm:ss');
  return local.utcOffset() === instant.utcOffset() ? text : `${text} ${offsetText(local.utcOffset())}`;
}

/** The instant a business-zone calendar day ("2026-11-22") starts, as ISO-8601 UTC. */
export function startOfBusinessDay(day: string, zone: string = businessZone): string {
  return dayjs.tz(day, zone).startOf('day').toISOString();
}

/** A range of business days (both inclusive, "YYYY-MM-DD") as the API's instants, `to` exclusive. */
export function businessDayRange(from?: string, to?: string, zone: string = businessZone): { from?: string; to?: string } {
  return {
    from: from ? startOfBusinessDay(from, zone) : undefined,
    to: to ? startOfBusinessDay(dayjs(to).add(1, 'day').format('YYYY-MM-DD'), zone) : undefined,
  };
}

/**
 * Today's calendar date in the business zone, as a local date for date pickers: between 16:00 and
 * 24:00 UTC a browser in UTC is still on yesterday while Shanghai is on today.
 */
export function businessToday(zone: string = businessZone): dayjs.Dayjs {
  return dayjs(dayjs().tz(zone).format('YYYY-MM-DD'));
}

/** The business-zone calendar day ("2026-11-22") of an instant. */
export function businessDay(iso: string, zone: string = businessZone): string {
  return dayjs(iso).tz(zone).format('YYYY-MM-DD');
}

/** A ticket's number from its id: 2938 → "T002938" (the server's format). */
export function ticketNumber(id: number): string {
  return `T${String(id).padStart(6, '0')}`;
}
