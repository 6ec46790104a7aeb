import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from './errors';

interface Props {
  error: unknown;
  onRetry?: () => void;
}

export default function ErrorAlert({ error, onRetry }: Props) {
  const { t } = useTranslation();
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 16 }}
      message={t('errors.loadFailed')}
      description={errorText(t, error)}
      action={
        onRetry && (
          <Button size="small" onClick={onRetry}>
            {t('errors.retry')}
          </Button>
        )
      }
    />
  );
}
