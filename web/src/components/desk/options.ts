// Select options for the desk's enumerations, translated.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CALLBACK_RESOLVED,
  CHANNELS,
  COMPLAINT_CATEGORIES,
  PRIORITIES,
  SATISFACTIONS,
  SLA_STATES,
  TICKET_STATUSES,
  TICKET_TYPES,
  type CallbackResolved,
  type Channel,
  type ComplaintCategory,
  type Priority,
  type Satisfaction,
  type SlaState,
  type TicketStatus,
  type TicketType,
} from '../../api/deskTypes';

export interface Option<T> {
  value: T;
  label: string;
}

export function useDeskOptions() {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      types: TICKET_TYPES.map((v): Option<TicketType> => ({ value: v, label: t(`enums.type.${v}`) })),
      channels: CHANNELS.map((v): Option<Channel> => ({ value: v, label: t(`enums.channel.${v}`) })),
      priorities: PRIORITIES.map((v): Option<Priority> => ({ value: v, label: t(`enums.priority.${v}`) })),
      statuses: TICKET_STATUSES.map((v): Option<TicketStatus> => ({ value: v, label: t(`enums.status.${v}`) })),
      slaStates: SLA_STATES.map((v): Option<SlaState> => ({ value: v, label: t(`enums.slaState.${v}`) })),
      resolved: CALLBACK_RESOLVED.map((v): Option<CallbackResolved> => ({ value: v, label: t(`enums.resolved.${v}`) })),
      satisfactions: SATISFACTIONS.map((v): Option<Satisfaction> => ({
        value: v,
        label: t(`enums.satisfaction.${v}`),
      })),
      complaintCategories: COMPLAINT_CATEGORIES.map((v): Option<ComplaintCategory> => ({
        value: v,
        label: t(`enums.complaintCategory.${v}`),
      })),
      severities: [1, 2, 3].map((v) => ({ value: v, label: t(`enums.severity.${v as 1 | 2 | 3}`) })),
    }),
    [t],
  );
}

/** A complaint category's label; an unknown code is shown as it is. */
export function useComplaintCategoryLabel(): (code: string) => string {
  const { t } = useTranslation();
  return (code: string) =>
    (COMPLAINT_CATEGORIES as readonly string[]).includes(code)
      ? t(`enums.complaintCategory.${code as ComplaintCategory}`)
      : code;
}
