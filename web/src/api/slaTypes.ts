// Wire types of business calendars and SLA policies, named from the generated spec types.
import { calendarExceptionHours_ofValues, type components } from './generated/openapi';

type Schemas = components['schemas'];

export type Weekday = NonNullable<Schemas['CalendarException']['hours_of']>;
export const WEEKDAYS: readonly Weekday[] = calendarExceptionHours_ofValues;

/** ["09:00", "12:00"]: working time on a local day, end exclusive ("24:00" allowed). */
export type HoursInterval = Schemas['HoursInterval'];

export type DayException = Schemas['CalendarException'];
export type BusinessCalendar = Schemas['Calendar'];
/** The answer to an import: the calendar and how many days the import added or replaced. */
export type ImportedCalendar = Schemas['CalendarImported'];
export type CalendarDue = Schemas['CalendarDue'];
/** A message the UI shows in the reader's language (key and args looked up in the reasons catalogue). */
export type KeyedMessage = Schemas['KeyedMessage'];

export type Target = Schemas['SlaTarget'];
export type MatchCriteria = Schemas['SlaMatch'];
export type SlaPolicy = Schemas['SlaPolicy'];
export type SlaPolicyDraft = Schemas['SlaPolicyInput'];

/** What is known about a ticket when its policy is chosen. */
export type TicketFacts = Schemas['SlaTicketFacts'];

export type CandidateReport = Schemas['SlaCandidate'];
export type Verdict = CandidateReport['verdict'];
export type CriterionCheck = CandidateReport['checks'][number];
export type PolicyExplanation = Schemas['SlaExplanation'];
