// Which fields each ticket type requires, and the text limits, as the server says
// (GET /desk/ticket-form; the portal's form: GET /portal/ticket-form): the registration form and
// the portal mark exactly what the server checks instead of restating its rules.
import { useAsync } from '../../lib/useAsync';
import { getTicketForm } from '../../api/desk';
import type { TicketFormSpec, TicketType } from '../../api/deskTypes';
import { getPortalTicketForm } from '../../api/portal';
import { constraints } from '../../api/generated/constraints';

const cache: Partial<Record<'desk' | 'portal', Promise<TicketFormSpec>>> = {};

function load(form: 'desk' | 'portal'): Promise<TicketFormSpec> {
  cache[form] ??= (form === 'portal' ? getPortalTicketForm() : getTicketForm()).catch((cause: unknown) => {
    delete cache[form];
    throw cause;
  });
  return cache[form];
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

/** The rules of `spec`; before it arrives (undefined) only what every ticket needs is marked. */
export function ticketFormRules(spec: TicketFormSpec | undefined): TicketFormRules {
  const byType = new Map((spec?.types ?? []).map((entry) => [entry.type, entry.required]));
  const limits: Record<string, number> = spec?.limits ?? {};
  return {
    requires: (type, field) => {
      const required = byType.get(type) ?? [];
      if (required.includes(field) || ALWAYS.includes(field)) return true;
      const [object, inner] = field.split('.', 2);
      return inner !== undefined && required.includes(object) && (NESTED[object] ?? []).includes(inner);
    },
    limit: (field) => limits[field],
  };
}

/** The server's ticket form rules, fetched once per page load (the portal's form from its own route). */
export function useTicketForm(form: 'desk' | 'portal' = 'desk'): TicketFormRules {
  const { data } = useAsync(() => load(form), [form]);
  return ticketFormRules(data);
}
