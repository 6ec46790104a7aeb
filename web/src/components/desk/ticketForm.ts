// Which fields each ticket type requires, and the text limits, as the server says
// (GET /desk/ticket-form): the registration form and the portal mark exactly what the server checks
// instead of restating its rules.
import { useAsync } from '../../lib/useAsync';
import { getTicketForm, type TicketFormSpec } from '../../api/desk';
import type { TicketType } from '../../api/deskTypes';
import { constraints } from '../../api/generated/constraints';

// What the server's registration check requires today, used only while a server without
// GET /desk/ticket-form answers (or before its answer arrives).
const FALLBACK: TicketFormSpec = {
  types: [
    { type: 'consultation', required: ['title'] },
    { type: 'request', required: ['title', 'customer_id', 'category_id'] },
    { type: 'incident', required: ['title', 'customer_id', 'category_id', 'description'] },
    { type: 'complaint', required: ['title', 'customer_id', 'description', 'complaint'] },
    { type: 'suggestion', required: ['title'] },
  ],
  limits: constraints.TicketCreate.maxLength,
};

let cache: Promise<TicketFormSpec> | null = null;

function load(): Promise<TicketFormSpec> {
  cache ??= getTicketForm().catch(() => FALLBACK);
  return cache;
}

/** Fields typed as text, where blank (spaces only) counts as empty; the rest are picked values. */
const TEXT_FIELDS: readonly string[] = ['title', 'description'];

/** A required rule for `field` that suits its kind of value (a whitespace check only on text). */
export function requiredRule(field: string, required: boolean, message: string) {
  return TEXT_FIELDS.includes(field) ? { required, whitespace: true, message } : { required, message };
}

export interface TicketFormRules {
  /** True when a ticket of `type` needs `field` ("customer_id", "complaint.category", ...). */
  requires: (type: TicketType, field: string) => boolean;
  /** The longest text the server takes in `field`. */
  limit: (field: string) => number | undefined;
}

// Required of every ticket by the request schema.
const ALWAYS: readonly string[] = constraints.TicketCreate.required;
// A required object of the form needs the fields its own schema requires.
const NESTED: Record<string, readonly string[]> = { complaint: constraints.ComplaintCreate.required };

export function ticketFormRules(spec: TicketFormSpec): TicketFormRules {
  const byType = new Map(spec.types.map((entry) => [entry.type, entry.required]));
  return {
    requires: (type, field) => {
      const required = byType.get(type) ?? [];
      if (required.includes(field) || ALWAYS.includes(field)) return true;
      const [object, inner] = field.split('.', 2);
      return inner !== undefined && required.includes(object) && (NESTED[object] ?? []).includes(inner);
    },
    limit: (field) => spec.limits[field],
  };
}

/** The server's ticket form rules, fetched once per page load. */
export function useTicketForm(): TicketFormRules {
  const { data } = useAsync(load, []);
  return ticketFormRules(data ?? FALLBACK);
}
