import dayjs from 'dayjs';

/** An API timestamp (ISO-8601 UTC) in the viewer's local time, e.g. "2026-11-22 08:43:02". */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const value = dayjs(iso);
  return value.isValid() ? value.format('YYYY-MM-DD HH:mm:ss') : iso;
}

/** A ticket's number from its id: 2938 → "T002938" (the server's format). */
export function ticketNumber(id: number): string {
  return `T${String(id).padStart(6, '0')}`;
}
