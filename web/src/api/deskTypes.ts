// Wire types of the service desk API: tickets, customers, categories, callbacks, complaints,
// notifications, saved views, imports and the desk reports. Times are ISO-8601 UTC strings.
// Every type and enum list comes from docs/openapi.yaml through generated/openapi.ts; this file
// only gives them the names the pages use.
import {
  complaintCategoryValues,
  pathsApiV1CallbacksGetParametersQueryStateValues,
  pathsApiV1TicketsGetParametersQuerySla_stateValues,
  pathsApiV1TicketsGetParametersQuerySortValues,
  slaTimerKindValues,
  ticketActionInputResolvedValues,
  ticketActionInputSatisfactionValues,
  ticketActionNameValues,
  ticketChannelValues,
  ticketPriorityValues,
  ticketStatusValues,
  ticketTypeValues,
  type components,
  type operations,
} from './generated/openapi';

type Schemas = components['schemas'];

export type TicketType = Schemas['TicketType'];
export const TICKET_TYPES: readonly TicketType[] = ticketTypeValues;

export type Channel = Schemas['TicketChannel'];
export const CHANNELS: readonly Channel[] = ticketChannelValues;

export type Priority = Schemas['TicketPriority'];
export const PRIORITIES: readonly Priority[] = ticketPriorityValues;

export type TicketStatus = Schemas['TicketStatus'];
export const TICKET_STATUSES: readonly TicketStatus[] = ticketStatusValues;

/** Statuses in which the ticket is still being worked. */
export const OPEN_STATUSES = ['new', 'accepted', 'in_progress', 'waiting_customer'] as const satisfies readonly TicketStatus[];

export function isOpenStatus(status: TicketStatus): boolean {
  return (OPEN_STATUSES as readonly TicketStatus[]).includes(status);
}

export type TicketAction = Schemas['TicketActionName'];
export const TICKET_ACTIONS: readonly TicketAction[] = ticketActionNameValues;

type TicketListQuery = NonNullable<operations['listTickets']['parameters']['query']>;

export type SlaState = NonNullable<TicketListQuery['sla_state']>;
export const SLA_STATES: readonly SlaState[] = pathsApiV1TicketsGetParametersQuerySla_stateValues;

export type TimerKind = Schemas['SlaTimerKind'];
export const TIMER_KINDS: readonly TimerKind[] = slaTimerKindValues;
export type TimerState = SlaTimer['state'];

export type CallbackResolved = NonNullable<Schemas['TicketActionInput']['resolved']>;
export const CALLBACK_RESOLVED: readonly CallbackResolved[] = ticketActionInputResolvedValues;

export type Satisfaction = NonNullable<Schemas['TicketActionInput']['satisfaction']>;
export const SATISFACTIONS: readonly Satisfaction[] = ticketActionInputSatisfactionValues;

export type ComplaintCategory = Schemas['ComplaintCategory'];
export const COMPLAINT_CATEGORIES: readonly ComplaintCategory[] = complaintCategoryValues;

export type Ticket = Schemas['Ticket'];
/** What the registration form requires of each ticket type, and the text limits. */
export type TicketFormSpec = Schemas['TicketForm'];
export type TicketComment = Schemas['TicketComment'];
export type TimelineEvent = Schemas['TicketTimelineEntry'];
export type SlaTimer = Schemas['TicketTimer'];
export type TimerPause = SlaTimer['pauses'][number];
export type Callback = Schemas['TicketCallback'];
export type Complaint = Schemas['Complaint'];
export type ComplaintPatch = Schemas['ComplaintPatch'];

/** The ticket page: the ticket with everything that happened to it. */
export type TicketDetail = Schemas['TicketView'];

/** The customer's view of one of their tickets: public comments and status changes only. */
export type PortalTicketDetail = Schemas['PortalTicketView'];

export type ComplaintDraft = Schemas['ComplaintCreate'];
export type TicketDraft = Schemas['TicketCreate'];
export type PortalTicketDraft = Schemas['PortalTicketCreate'];

export type RegisteredTicket = Schemas['TicketRegistered'];

export type ActionInput = Schemas['TicketActionInput'];

/** Query parameters of GET /tickets (and of the export and saved views), without paging. */
export type TicketQuery = Omit<TicketListQuery, 'cursor' | 'limit'>;

export type TicketSort = NonNullable<TicketListQuery['sort']>;
export const TICKET_SORTS: readonly TicketSort[] = pathsApiV1TicketsGetParametersQuerySortValues;

export type Customer = Schemas['Customer'];
export type CustomerDraft = Schemas['CustomerCreate'];

export type Category = Schemas['TicketCategory'];

export type CategoryPatch = NonNullable<operations['updateTicketCategory']['requestBody']>['content']['application/json'];

export type CallbackRow = Schemas['CallbackQueueItem'];

export type CallbackQueue = NonNullable<NonNullable<operations['listCallbacks']['parameters']['query']>['state']>;
export const CALLBACK_QUEUES: readonly CallbackQueue[] = pathsApiV1CallbacksGetParametersQueryStateValues;

export type Notification = Schemas['Notification'];
export type NotificationList = Schemas['NotificationList'];

export type TicketView = Schemas['TicketSavedView'];

export type ImportJob = Schemas['TicketImportJob'];
export type ImportStatus = ImportJob['status'];

/** Why a line was rejected: `reason` in English, `key` and `args` to translate it. */
export type ImportRowError = Schemas['TicketImportError'];

export type Rate = Schemas['AttainmentRate'];
export type DeskDashboard = Schemas['DeskDashboard'];
export type ComplaintSummary = Schemas['ComplaintSummary'];
