import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLE_CODES, type RoleCode } from '../api/types';

function isRoleCode(code: string): code is RoleCode {
  return (ROLE_CODES as readonly string[]).includes(code);
}

/** Translates a role code; a code the UI does not know yet is shown as it is. */
export function useRoleLabel(): (code: string) => string {
  const { t } = useTranslation();
  return useCallback((code: string) => (isRoleCode(code) ? t(`roles.${code}`) : code), [t]);
}

export function useRoleOptions(codes: readonly string[] = ROLE_CODES): { value: string; label: string }[] {
  const label = useRoleLabel();
  return codes.map((code) => ({ value: code, label: label(code) }));
}
