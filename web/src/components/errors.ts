import type { TFunction } from 'i18next';
import { ApiError } from '../api/client';

/** A message for the user: the server's own text, or a translated one for failures without it. */
export function errorText(t: TFunction, error: unknown): string {
  if (error instanceof ApiError) {
    return error.code === 'network' ? t('errors.network') : error.message;
  }
  return error instanceof Error ? error.message : String(error);
}
