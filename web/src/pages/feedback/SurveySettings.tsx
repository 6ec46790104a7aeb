// The feedback settings (feedback.manage): the satisfaction mapping — whether 基本满意 counts as
// satisfied, and from which CSAT score a survey answer does — the scores that open a follow-up and
// its deadline, and the e-mail reminder. The server checks every range and names each field that is
// out of it; saving applies the mapping to every period's figures at once.
import { Alert, Button, Card, Form, InputNumber, Space, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { getSettings, saveSettings, type SurveySettings as Settings } from '../../api/feedback';
import ErrorAlert from '../../components/ErrorAlert';
import PageHeader from '../../components/PageHeader';
import PageSpin from '../../components/PageSpin';
import SubmitAlert from '../../components/SubmitAlert';
import { useAsync } from '../../lib/useAsync';
import { useSubmit } from '../../lib/useSubmit';

export default function SurveySettings() {
  const { t } = useTranslation();
  const settings = useAsync(() => getSettings(), []);
  const [form] = Form.useForm<Settings>();
  const submit = useSubmit(form, (v: Settings) => saveSettings(v), { success: t('feedback.settings.saved') });
  if (settings.error) return <ErrorAlert error={settings.error} onRetry={settings.reload} />;
  if (!settings.data) return <PageSpin />;
  return (
    <>
      <PageHeader title={t('feedback.settings.title')} />
      <SubmitAlert submit={submit} />
      <Form<Settings> form={form} layout="vertical" initialValues={settings.data} onFinish={submit.run} onValuesChange={submit.onValuesChange} data-testid="settings-form" style={{ maxWidth: 720 }}>
        <Card size="small" title={t('feedback.settings.mapping')} style={{ marginBottom: 12 }}>
          <Alert type="info" showIcon message={t('feedback.settings.mappingHelp')} style={{ marginBottom: 12 }} />
          <Form.Item name="basically_satisfied_counts" label={t('feedback.settings.basicallySatisfiedCounts')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="csat_satisfied_from" label={t('feedback.settings.csatSatisfiedFrom')} extra={t('feedback.settings.csatSatisfiedFromHelp')}>
            <InputNumber min={1} max={5} precision={0} />
          </Form.Item>
        </Card>
        <Card size="small" title={t('feedback.settings.recovery')} style={{ marginBottom: 12 }}>
          <Space wrap size="large">
            <Form.Item name="csat_low" label={t('feedback.settings.csatLow')}>
              <InputNumber min={0} max={5} precision={0} />
            </Form.Item>
            <Form.Item name="nps_low" label={t('feedback.settings.npsLow')}>
              <InputNumber min={-1} max={10} precision={0} />
            </Form.Item>
            <Form.Item name="ces_low" label={t('feedback.settings.cesLow')}>
              <InputNumber min={0} max={7} precision={0} />
            </Form.Item>
            <Form.Item name="follow_up_days" label={t('feedback.settings.followUpDays')}>
              <InputNumber min={1} max={60} precision={0} />
            </Form.Item>
          </Space>
          <Form.Item name="callback_dissatisfied_opens" label={t('feedback.settings.callbackDissatisfiedOpens')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Card>
        <Card size="small" title={t('feedback.settings.mail')} style={{ marginBottom: 12 }}>
          <Form.Item name="reminder_days" label={t('feedback.settings.reminderDays')} extra={t('feedback.settings.reminderDaysHelp')}>
            <InputNumber min={0} max={30} precision={0} />
          </Form.Item>
        </Card>
        <Button type="primary" htmlType="submit" loading={submit.pending} data-testid="settings-save">
          {t('common.save')}
        </Button>
      </Form>
    </>
  );
}
