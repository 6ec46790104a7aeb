import type { FormInstance } from 'antd';
import { ApiError } from '../api/client';

/**
 * Shows a server validation error on the form field it names (error.field). Returns false when the
 * error does not belong to one of `fields`, so the caller can show it some other way.
 */
export function showFieldError(form: FormInstance, error: unknown, fields: readonly string[]): boolean {
  if (!(error instanceof ApiError) || !error.field || !fields.includes(error.field)) return false;
  form.setFields([{ name: error.field, errors: [error.message] }]);
  form.scrollToField(error.field);
  return true;
}
