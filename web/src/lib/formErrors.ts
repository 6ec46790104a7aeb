// Where a server's field problems go on a form (pure; useSubmit applies the result with antd).
// The server names fields as in its request body ("complaint.category", "targets[1].kind",
// "exceptions[3].hours[0].end"); a form names its fields by path arrays.
import type { FieldProblem } from '../api/types';

export type FormPath = readonly (string | number)[];

/** "complaint.category" → ["complaint", "category"]; "targets[1].kind" → ["targets", 1, "kind"]. */
export function fieldPath(field: string): (string | number)[] {
  const path: (string | number)[] = [];
  for (const part of field.split('.')) {
    const match = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!match) {
      path.push(part);
      continue;
    }
    if (match[1]) path.push(match[1]);
    for (const index of match[2].matchAll(/\[(\d+)\]/g)) path.push(Number(index[1]));
  }
  return path;
}

export function pathKey(path: FormPath): string {
  return JSON.stringify(path.map(String));
}

/** True when one path is the other or lies inside it. */
export function related(a: FormPath, b: FormPath): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i += 1) if (String(a[i]) !== String(b[i])) return false;
  return true;
}

export interface Placement {
  /** Form path → the problems shown on that field, in the server's order. */
  onFields: Map<string, { path: FormPath; problems: FieldProblem[] }>;
  /** Problems that belong to no field of the form (or to none at all): the form's banner shows them. */
  elsewhere: FieldProblem[];
}

/**
 * Puts each problem on the form field it names: `toFormPath` maps the server's field to a form
 * path (null: not on this form); the problem lands on that field when the form has it, else on the
 * nearest enclosing field it has ("roles[0]" on "roles"), else in `elsewhere`.
 */
export function placeProblems(
  problems: readonly FieldProblem[],
  formFields: readonly FormPath[],
  toFormPath: (field: string) => FormPath | null = fieldPath,
): Placement {
  const known = new Map(formFields.map((path) => [pathKey(path), path]));
  const onFields: Placement['onFields'] = new Map();
  const elsewhere: FieldProblem[] = [];
  for (const problem of problems) {
    const wanted = problem.field ? toFormPath(problem.field) : null;
    let target: FormPath | undefined;
    for (let n = wanted?.length ?? 0; n > 0 && !target; n -= 1) target = known.get(pathKey(wanted!.slice(0, n)));
    if (!target) {
      elsewhere.push(problem);
      continue;
    }
    const key = pathKey(target);
    const entry = onFields.get(key) ?? { path: target, problems: [] };
    entry.problems.push(problem);
    onFields.set(key, entry);
  }
  return { onFields, elsewhere };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

/**
 * The paths of the values a form change touched (antd's `onValuesChange` gives them nested:
 * `{complaint: {category: "x"}}` → [["complaint", "category"]]). A list or a date is one value.
 */
export function changedPaths(changed: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (!isPlainObject(changed)) return [prefix];
  const keys = Object.keys(changed);
  if (keys.length === 0) return [prefix];
  return keys.flatMap((key) => changedPaths(changed[key], [...prefix, key]));
}
