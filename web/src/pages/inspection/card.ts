// Pure helpers of the inspection pages: the values each scale offers, a card's items in order,
// the body of a running score (the server's preview; unanswered items count as N/A), and the
// scoring form's unsent answers, with when and where the check was made, kept in localStorage (site
// checks on a bad connection).
import type { Answer, Answers, InspectionLocation, Scale, ScorecardDefinition, ScorecardItem, ScorecardSection, SiteRecord } from '../../api/inspection';

/** The values an item on this scale may be answered with, best first; none for points (a number 0..max). */
export function scaleValues(scale: Scale): number[] {
  switch (scale) {
    case 'yes_no':
      return [1, 0];
    case 'three_point':
      return [3, 2, 1];
    case 'four_point':
      return [4, 3, 2, 1];
    case 'five_point':
      return [5, 4, 3, 2, 1];
    default:
      return [];
  }
}

/** Whether the inspector may answer N/A (absent: yes). */
export function naAllowed(item: ScorecardItem): boolean {
  return item.na_allowed !== false;
}

export function cardItems(card: ScorecardDefinition): ScorecardItem[] {
  return card.sections.flatMap((s) => s.items);
}

/** Items answered (N/A included) and items in all. */
export function progress(card: ScorecardDefinition, answers: Answers): { answered: number; total: number } {
  const items = cardItems(card);
  return { answered: items.filter((i) => answers[i.code] !== undefined).length, total: items.length };
}

/**
 * The preview body of a partly answered card: an unanswered item counts as N/A (it may then be
 * N/A whatever the card says), so the score is that of the answered items so far.
 */
export function runningPreview(card: ScorecardDefinition, answers: Answers): { definition: ScorecardDefinition; answers: Answers } {
  const filled: Answers = {};
  const sections: ScorecardSection[] = card.sections.map((s) => ({
    ...s,
    items: s.items.map((item) => {
      const given = answers[item.code];
      if (given !== undefined && given !== null) {
        filled[item.code] = given;
        return item;
      }
      filled[item.code] = 'na';
      return { ...item, na_allowed: true };
    }),
  }));
  // Only the definition: a stored card's id, name and times are not part of what is scored.
  return { definition: { method: card.method, pass_mark: card.pass_mark, sections }, answers: filled };
}

/** Only the answers that differ from `original` (a decision's corrected answers). */
export function changedAnswers(original: Answers, next: Answers): Answers {
  const out: Answers = {};
  for (const [code, value] of Object.entries(next)) if (value !== undefined && original[code] !== value) out[code] = value;
  return out;
}

export interface Draft {
  answers: Answers;
  notes: string;
  /** When the draft was last changed on this device (ISO). */
  at: string;
  /** When and where the check was made, as far as this device recorded it. */
  site?: SiteRecord;
}

/** A position as the server takes it, or undefined when any part is out of range. */
export function validLocation(v: unknown): InspectionLocation | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const { latitude, longitude, accuracy_m } = v as Record<string, unknown>;
  const inRange = (x: unknown, max: number): x is number => typeof x === 'number' && Number.isFinite(x) && Math.abs(x) <= max;
  if (!inRange(latitude, 90) || !inRange(longitude, 180)) return undefined;
  const accuracy = typeof accuracy_m === 'number' && Number.isFinite(accuracy_m) && accuracy_m >= 0 ? Math.min(accuracy_m, 100000) : null;
  return { latitude, longitude, accuracy_m: accuracy };
}

function siteOf(v: unknown): SiteRecord | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const { checked_at, location } = v as Record<string, unknown>;
  const out: SiteRecord = {};
  if (typeof checked_at === 'string' && !Number.isNaN(Date.parse(checked_at))) out.checked_at = checked_at;
  const where = validLocation(location);
  if (where) out.location = where;
  return out.checked_at || out.location ? out : undefined;
}

/** The minimal storage a draft needs (window.localStorage, or a map in tests). */
export interface DraftStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** An inspection's id, or a string key of another scoring form (a calibration session's). */
export type DraftKey = number | string;

const draftKey = (id: DraftKey) => `sqm.inspection.draft.${id}`;

function isAnswer(v: unknown): v is Answer {
  return v === 'na' || (typeof v === 'number' && Number.isFinite(v));
}

export function loadDraft(store: DraftStore, id: DraftKey): Draft | null {
  try {
    const raw = store.getItem(draftKey(id));
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<Draft>;
    const answers: Answers = {};
    for (const [code, v] of Object.entries(parsed.answers ?? {})) if (isAnswer(v)) answers[code] = v;
    const draft: Draft = { answers, notes: typeof parsed.notes === 'string' ? parsed.notes : '', at: typeof parsed.at === 'string' ? parsed.at : '' };
    const site = siteOf(parsed.site);
    if (site) draft.site = site;
    return draft;
  } catch {
    return null;
  }
}

export function saveDraft(store: DraftStore, id: DraftKey, draft: Draft): void {
  try {
    store.setItem(draftKey(id), JSON.stringify(draft));
  } catch {
    // Storage full or disabled: the form still holds the answers.
  }
}

export function clearDraft(store: DraftStore, id: DraftKey): void {
  try {
    store.removeItem(draftKey(id));
  } catch {
    // Nothing to clear.
  }
}

/** A new section / item of the builder, with codes not yet used in the card. */
export function nextCode(prefix: string, taken: readonly string[]): string {
  for (let n = 1; ; n += 1) if (!taken.includes(`${prefix}${n}`)) return `${prefix}${n}`;
}

export function newItem(taken: readonly string[]): ScorecardItem {
  return { code: nextCode('q', taken), name: '', guidance: '', scale: 'yes_no', max_points: 1, critical: 'none', bonus: false, na_allowed: true };
}

export function newSection(card: ScorecardDefinition): ScorecardSection {
  const items = cardItems(card).map((i) => i.code);
  return { code: nextCode('s', card.sections.map((s) => s.code)), name: '', weight: 0, items: [newItem(items)] };
}

/**
 * Keyboard scoring: the answer a key gives `item`, or undefined when the key means nothing for it.
 * 1–5 (a value of the item's scale, or points up to its maximum), y / n on a yes/no item, a for
 * N/A where allowed.
 */
export function answerForKey(item: ScorecardItem, key: string): Answer | undefined {
  const k = key.toLowerCase();
  if (k === 'a') return naAllowed(item) ? 'na' : undefined;
  const values = scaleValues(item.scale);
  if (item.scale === 'yes_no') {
    if (k === 'y') return 1;
    if (k === 'n') return 0;
  }
  if (!/^[0-9]$/.test(k)) return undefined;
  const n = Number(k);
  if (values.length === 0) return n <= (item.max_points ?? 0) ? n : undefined;
  return values.includes(n) ? n : undefined;
}
