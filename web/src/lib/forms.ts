import type { FormInstance } from 'antd';
import { ApiError } from '../api/client';
import { errorText } from '../components/errors';
import i18n from '../i18n';

/** The server's message for a field, in the user's language when it carries a key. */
function fieldMessage(error: ApiError): string {
  return errorText(i18n.t, error);
}

/**
 * Shows a server validation error on the form field it names (error.field). Returns false when the
 * error does not belong to one of `fields`, so the caller can show it some other way.
 */
export function showFieldError(form: FormInstance, error: unknown, fields: readonly string[]): boolean {
  if (!(error instanceof ApiError) || !error.field || !fields.includes(error.field)) return false;
  form.setFields([{ name: error.field, errors: [fieldMessage(error)] }]);
  form.scrollToField(error.field);
  return true;
}

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

/**
 * Like showFieldError, for fields with nested names: the server's field ("complaint.category") is
 * shown on the form item named by that path when `isField(path)` says the form has it.
 */
export function showNestedFieldError(
  form: FormInstance,
  error: unknown,
  isField: (path: (string | number)[]) => boolean,
): boolean {
  if (!(error instanceof ApiError) || !error.field) return false;
  const path = fieldPath(error.field);
  if (!isField(path)) return false;
  form.setFields([{ name: path, errors: [fieldMessage(error)] }]);
  form.scrollToField(path);
  return true;
}

/** Shows `message` on the form field at `path` and scrolls to it. */
export function setFieldError(form: FormInstance, path: (string | number)[], message: string): void {
  form.setFields([{ name: path, errors: [message] }]);
  form.scrollToField(path);
}
