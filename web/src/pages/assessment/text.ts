// How the assessment pages show the server's values: a bilingual name in the reader's language,
// and a number or "no data" (无数据 / No data) — never 0 and never NaN for a value that has none.
import type { TFunction } from 'i18next';
import type { Bilingual } from '../../api/assessment';
import i18n, { currentLanguage } from '../../i18n';

/** A name given in both languages (or one plain string) in the UI's language. */
export function bilingual(value: Bilingual | string | null | undefined): string {
  if (!value) return '';
  if (typeof value === 'string') return value;
  return (currentLanguage() === 'zh-CN' ? value.zh || value.en : value.en || value.zh) ?? '';
}

/** A measured value: `decimals` places, or the translated "no data". */
export function valueText(t: TFunction, value: number | null | undefined, noData?: boolean, decimals = 2): string {
  if (noData || value === null || value === undefined || !Number.isFinite(value)) return t('assessment.noData');
  return value.toFixed(decimals);
}

/** A person or body the server names either as text or as {id, name}. */
export function whoText(who: string | { id: number; name: string } | null | undefined): string {
  if (!who) return '';
  return typeof who === 'string' ? who : who.name;
}

/** A unit code of the API (percent, per_mille, minutes, …) in words; anything else as written. */
export function unitText(t: TFunction, unit: string | null | undefined): string {
  if (!unit) return '';
  const key = `assessment.unit.${unit}`;
  return i18n.exists(key) ? String(t(key as 'assessment.unit.percent')) : unit;
}
