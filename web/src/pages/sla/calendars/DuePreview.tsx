// When a number of business minutes from a start ends on this calendar, asked of the server as the
// inputs change. Only the answer to the question on screen is shown: emptying the minutes or
// setting them to 0 leaves no earlier answer behind. An answer that counted days past the
// calendar's known holiday years carries the server's warning, shown with it.
import { Alert, Card, DatePicker, InputNumber, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { calendarDue } from '../../../api/sla';
import { errorText, serverText } from '../../../components/errors';
import { formatTime } from '../../../lib/format';
import { useDebounced } from '../../../lib/useDebounced';
import { calendarTime, currentAnswer, MAX_PREVIEW_MINUTES, previewQuestion, type PreviewAnswer } from './model';

export default function DuePreview({ code }: { code: string }) {
  const { t } = useTranslation();
  const [from, setFrom] = useState<Dayjs>(() => dayjs().second(0).millisecond(0));
  const [minutes, setMinutes] = useState<number | null>(240);
  const question = previewQuestion(from.format(), minutes);
  const asked = useDebounced(question, 300);
  const [answer, setAnswer] = useState<PreviewAnswer | null>(null);

  useEffect(() => {
    if (!asked) return undefined;
    const controller = new AbortController();
    calendarDue(code, asked.from, asked.minutes, controller.signal)
      .then((r) => setAnswer({ question: asked, due: r.due, warning: r.warning }))
      .catch((cause: unknown) => {
        if (!controller.signal.aborted) setAnswer({ question: asked, error: cause });
      });
    return () => controller.abort();
  }, [code, asked?.from, asked?.minutes]);

  const shown = currentAnswer(question, answer);
  return (
    <Card size="small" title={t('calendars.preview')} data-testid="due-preview">
      <Space wrap align="center">
        <span>{t('calendars.previewFrom')}</span>
        <DatePicker
          showTime={{ format: 'HH:mm' }}
          format="YYYY-MM-DD HH:mm"
          allowClear={false}
          value={from}
          onChange={(value) => value && setFrom(value)}
          aria-label={t('calendars.previewFrom')}
          data-testid="preview-from"
        />
        <span>{t('calendars.previewPlus')}</span>
        {/* No min: an InputNumber does not report a value below its min, and 0 must clear the answer. */}
        <InputNumber<number>
          precision={0}
          value={minutes}
          onChange={setMinutes}
          addonAfter={t('calendars.minutes')}
          aria-label={t('calendars.minutes')}
          data-testid="preview-minutes"
        />
        <span>→</span>
        {shown?.due ? (
          <Typography.Text strong data-testid="preview-due" title={formatTime(shown.due)}>
            {calendarTime(shown.due)}
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary" data-testid="preview-empty">
            {question ? '—' : t('calendars.previewMinutesHint', { max: MAX_PREVIEW_MINUTES })}
          </Typography.Text>
        )}
      </Space>
      {shown?.warning && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 8 }}
          message={t('calendars.previewWarning')}
          description={serverText(t, shown.warning.key, shown.warning.args, shown.warning.message)}
          data-testid="preview-warning"
        />
      )}
      {shown?.error !== undefined && (
        <Typography.Paragraph type="danger" style={{ marginTop: 8, marginBottom: 0 }}>
          {errorText(t, shown.error)}
        </Typography.Paragraph>
      )}
    </Card>
  );
}
