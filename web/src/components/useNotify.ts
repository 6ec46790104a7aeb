import { App } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from './errors';

/** Toasts for the outcome of an action: `success(text)` and `failure(error)`. */
export function useNotify() {
  const { message } = App.useApp();
  const { t } = useTranslation();
  const success = useCallback((text: string) => void message.success(text), [message]);
  const failure = useCallback((error: unknown) => void message.error(errorText(t, error)), [message, t]);
  return { success, failure };
}
