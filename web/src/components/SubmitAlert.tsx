// The banner of a form saved with useSubmit: what went wrong that no field shows, every problem
// listed when there are several.
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Submit } from '../lib/useSubmit';

interface Props {
  submit: Pick<Submit<never>, 'failure' | 'dismiss'>;
  /** A heading above the messages ("Registration failed"); without it the message is the heading. */
  title?: string;
  'data-testid'?: string;
}

export default function SubmitAlert({ submit, title, 'data-testid': testId = 'submit-error' }: Props) {
  const { t } = useTranslation();
  if (!submit.failure) return null;
  const { messages } = submit.failure;
  const list =
    messages.length > 1 ? (
      <ul style={{ margin: 0, paddingInlineStart: 20 }}>
        {messages.map((text, i) => (
          <li key={i}>{text}</li>
        ))}
      </ul>
    ) : (
      messages[0]
    );
  const heading = title ?? (messages.length > 1 ? t('errors.problems', { count: messages.length }) : messages[0]);
  const description = title || messages.length > 1 ? list : undefined;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      closable
      onClose={submit.dismiss}
      data-testid={testId}
      message={heading}
      description={description}
      style={{ marginBottom: 16 }}
    />
  );
}
