// How a rate with its sample reads on the pages: "72.4 % (n = 263, 95 % CI 66.7-77.5 %)".
import type { SurveyRate } from '../../api/feedback';

export function percent(p: number | null | undefined, digits = 1): string {
  return p == null ? '–' : `${(p * 100).toFixed(digits)} %`;
}

/** "66.7–77.5 %", or "–" without a sample. */
export function interval(r: SurveyRate): string {
  if (r.low == null || r.high == null) return '–';
  return `${(r.low * 100).toFixed(1)}–${(r.high * 100).toFixed(1)} %`;
}
