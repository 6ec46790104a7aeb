// Wire types of business calendars and SLA policies.
import type { Priority, TimerKind } from './deskTypes';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** ["09:00", "12:00"]: working time on a local day, end exclusive ("24:00" allowed). */
export type HoursInterval = [string, string];

export interface DayException {
  date: string;
  kind: 'holiday' | 'workday';
  name?: string;
  /** Workday only: worked with this weekday's hours. */
  hours_of?: Weekday;
  /** Workday only: worked with exactly these hours. */
  hours?: HoursInterval[];
}

export interface BusinessCalendar {
  code: string;
  name: string;
  time_zone: string;
  always_open?: boolean;
  week?: Partial<Record<Weekday, HoursInterval[]>>;
  exceptions?: DayException[];
  /** Read-only: seeded by the server (editable all the same). */
  builtin?: boolean;
  updated_at?: string;
  /** Only in the answer to an import. */
  imported?: { added: number; replaced: number };
}

export interface Target {
  kind: TimerKind;
  business_minutes: number;
  calendar_code: string;
}

export interface MatchCriteria {
  ticket_type?: string | null;
  priority?: Priority | null;
  channel?: string | null;
  category_id?: number | null;
  customer_tier?: string | null;
}

export interface SlaPolicy {
  id: number;
  version: number;
  name: string;
  match: MatchCriteria;
  targets: Target[];
  warning_fraction: number;
  /** On a breach the open ticket is reassigned to this person; null: no reassignment. */
  breach_assignee_id: number | null;
  active: boolean;
}

export type SlaPolicyDraft = Omit<SlaPolicy, 'id' | 'version'>;

/** What is known about a ticket when its policy is chosen. */
export interface TicketFacts {
  ticket_type?: string;
  priority?: Priority;
  channel?: string;
  category_id?: number;
  customer_tier?: string;
}

export type Verdict = 'applied' | 'inactive' | 'not_matching' | 'less_specific' | 'lost_tie_break';

export interface CriterionCheck {
  criterion: string;
  wanted: string;
  actual: string;
  matched: boolean;
}

export interface CandidateReport {
  policy_id: number;
  policy_version: number;
  policy_name: string;
  verdict: Verdict;
  specificity: number;
  category_depth: number;
  checks: CriterionCheck[];
  decided_by: string | null;
  reason: string;
}

export interface PolicyExplanation {
  policy_id?: number | null;
  policy_version?: number | null;
  policy?: SlaPolicy | null;
  summary: string;
  candidates: CandidateReport[];
}
