import type { TFunction } from 'i18next';
import i18n from '../i18n';
import { ApiError } from '../api/client';
import type { MessageArgs } from '../api/types';

/**
 * A server message in the user's language: the `reasons` catalogue entry for `key`, filled from
 * `args`, or the server's English `fallback` when the key is unknown (older server, new message).
 * An argument named like an enum (`status`, `action`, ...) shows that enum's label; one named
 * `<enum>_list` holds comma-separated values, each shown as a label.
 */
export function serverText(t: TFunction, key: string | undefined, args: MessageArgs | undefined, fallback: string): string {
  if (!key || !i18n.exists(key, { ns: 'reasons' })) return fallback;
  const label = (name: string, value: string) => {
    const enumKey = `enums.${name}.${value}`;
    return i18n.exists(enumKey) ? String(t(enumKey as 'enums.status.new')) : value;
  };
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(args ?? {})) {
    const list = /^(\w+)_list$/.exec(name);
    values[name] = list
      ? value.split(', ').map((v) => label(list[1], v)).join(t('common.listSeparator'))
      : label(name, value);
  }
  return String(t(key as 'app.name', { ns: 'reasons', ...values } as never));
}

/** A message for the user: the server's text (translated when it has a key), or a translated one for failures without it. */
export function errorText(t: TFunction, error: unknown): string {
  if (error instanceof ApiError) {
    return error.code === 'network' ? t('errors.network') : serverText(t, error.key, error.args, error.message);
  }
  return error instanceof Error ? error.message : String(error);
}
