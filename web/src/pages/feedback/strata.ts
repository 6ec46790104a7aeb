// How a campaign's stratum reads on the pages: the department's name or the tier, "Everyone" when
// the campaign is not stratified, "No department" for tickets without one.
import type { TFunction } from 'i18next';
import type { StratifyBy } from '../../api/feedback';

export function stratumLabel(t: TFunction, by: StratifyBy, key: string, label: string): string {
  if (by === 'none') return t('feedback.campaign.everyone');
  if (!key) return t('feedback.campaign.noDepartment');
  return label || key;
}
