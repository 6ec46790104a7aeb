// Which columns the ticket list shows: sensible ones by default (no sideways scrolling at 1440 px),
// or the user's own choice, remembered in this browser.
export const TICKET_COLUMNS = [
  'number',
  'title',
  'type',
  'priority',
  'status',
  'sla',
  'customer',
  'category',
  'department',
  'assignee',
  'channel',
  'created_at',
  'updated_at',
] as const;
export type TicketColumn = (typeof TICKET_COLUMNS)[number];

export const DEFAULT_COLUMNS: readonly TicketColumn[] = [
  'number',
  'title',
  'type',
  'priority',
  'status',
  'sla',
  'customer',
  'assignee',
  'created_at',
];

/** Always shown: the number opens the ticket. */
export const FIXED_COLUMNS: readonly TicketColumn[] = ['number'];

const STORAGE_KEY = 'sqm.ticketColumns';

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** The chosen columns in display order; the defaults when nothing (valid) was chosen. */
export function readColumns(store: Store | null): TicketColumn[] {
  try {
    const saved: unknown = JSON.parse(store?.getItem(STORAGE_KEY) ?? 'null');
    if (Array.isArray(saved)) {
      const chosen = new Set(saved.filter((c): c is TicketColumn => (TICKET_COLUMNS as readonly unknown[]).includes(c)));
      if (chosen.size > 0) return TICKET_COLUMNS.filter((c) => chosen.has(c) || FIXED_COLUMNS.includes(c));
    }
  } catch {
    // Unreadable (or no storage): the defaults.
  }
  return [...DEFAULT_COLUMNS];
}

/** Remembers the choice; the defaults are remembered as no choice. */
export function writeColumns(store: Store | null, columns: readonly TicketColumn[]): TicketColumn[] {
  const chosen = TICKET_COLUMNS.filter((c) => columns.includes(c) || FIXED_COLUMNS.includes(c));
  try {
    if (chosen.join() === DEFAULT_COLUMNS.join()) store?.removeItem(STORAGE_KEY);
    else store?.setItem(STORAGE_KEY, JSON.stringify(chosen));
  } catch {
    // Storage full or disabled: the choice lasts for this page only.
  }
  return chosen;
}

/** The browser's storage, or null where it is disabled. */
export function browserStore(): Store | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
