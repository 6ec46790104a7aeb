// The one way a page saves a form: pending state, a success message, and the server's problems
// shown all at once — each on the field it names, the rest in the form's banner — with a field's
// server problem cleared as soon as that field changes.
import type { FormInstance } from 'antd';
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import type { FieldProblem } from '../api/types';
import { errorText, serverText } from '../components/errors';
import { useNotify } from '../components/useNotify';
import { changedPaths, placeProblems, related, type FormPath } from './formErrors';

export interface SubmitOptions<R> {
  /** The success message, if any (a toast). */
  success?: string | ((result: R) => string);
  /** Runs after a successful save, after the message. */
  onSuccess?: (result: R) => void;
  /** Maps a server field to this form's path; null when the form does not show it. Default: the same path. */
  toFormPath?: (field: string) => FormPath | null;
  /** Also list the problems that landed on fields in the banner (when fields may be out of sight). */
  bannerAlways?: boolean;
}

export interface Submit<V> {
  /** Sends the values (a Form's onFinish). */
  run: (values: V) => Promise<void>;
  pending: boolean;
  /** What the banner shows: the failure, or null. */
  failure: SubmitFailure | null;
  /** Hides the banner. */
  dismiss: () => void;
  /** Give this to the Form: a field's server problem disappears when the field changes. */
  onValuesChange: (changed: unknown) => void;
}

export interface SubmitFailure {
  /** What went wrong, in the user's language: one line per problem not shown on a field. */
  messages: string[];
  error: unknown;
}

export function useSubmit<V, R>(
  form: FormInstance | null,
  send: (values: V) => Promise<R>,
  options: SubmitOptions<R> = {},
): Submit<V> {
  const { t } = useTranslation();
  const notify = useNotify();
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<SubmitFailure | null>(null);
  // The fields that show a server problem now.
  const marked = useRef<FormPath[]>([]);
  const latest = useRef({ send, options });
  latest.current = { send, options };

  const unmark = useCallback(
    (which: (path: FormPath) => boolean) => {
      if (!form) return;
      const cleared = marked.current.filter(which);
      if (cleared.length === 0) return;
      marked.current = marked.current.filter((path) => !which(path));
      form.setFields(cleared.map((path) => ({ name: [...path], errors: [] })));
    },
    [form],
  );

  const run = useCallback(
    async (values: V) => {
      const { send: doSend, options: opts } = latest.current;
      setPending(true);
      setFailure(null);
      unmark(() => true);
      try {
        const result = await doSend(values);
        const text = typeof opts.success === 'function' ? opts.success(result) : opts.success;
        if (text) notify.success(text);
        opts.onSuccess?.(result);
      } catch (cause) {
        const text = (p: FieldProblem) => serverText(t, p.key, p.args, p.message);
        if (!(cause instanceof ApiError) || cause.code === 'network' || !form) {
          setFailure({ messages: [errorText(t, cause)], error: cause });
          return;
        }
        const formFields = form.getFieldsError().map((f) => f.name);
        const { onFields, elsewhere } = placeProblems(cause.problems, formFields, opts.toFormPath);
        const placed = [...onFields.values()];
        form.setFields(placed.map(({ path, problems }) => ({ name: [...path], errors: problems.map(text) })));
        marked.current = placed.map(({ path }) => path);
        if (placed.length > 0) form.scrollToField([...placed[0].path]);
        const shown = opts.bannerAlways ? cause.problems : elsewhere;
        if (shown.length > 0) setFailure({ messages: shown.map(text), error: cause });
      } finally {
        setPending(false);
      }
    },
    [form, notify, t, unmark],
  );

  const onValuesChange = useCallback(
    (changed: unknown) => {
      const paths = changedPaths(changed);
      unmark((path) => paths.some((p) => related(p, path)));
    },
    [unmark],
  );

  const dismiss = useCallback(() => setFailure(null), []);
  return { run, pending, failure, dismiss, onValuesChange };
}
