// 申诉裁决: upheld, partly upheld or rejected, always with a reason. Upheld or partly upheld, the
// corrected answers (only those that change) make a new final record linked to the original,
// which keeps its answers and score. The server checks the reviewer is neither the inspector nor
// the appellant.
import { Alert, Form, Input, Modal, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { decideInspectionAppeal, type AppealOutcome, type Answers, type Inspection, type Scorecard } from '../../api/inspection';
import { inspectionDecisionOutcomeValues } from '../../api/generated/openapi';
import SubmitAlert from '../../components/SubmitAlert';
import { useSubmit } from '../../lib/useSubmit';
import AnswerInput from './AnswerInput';
import { answerText } from './AnswersView';
import { changedAnswers } from './card';

interface Values {
  outcome: AppealOutcome;
  reason: string;
}

export default function DecideForm({
  inspection,
  card,
  onClose,
  onSaved,
}: {
  inspection: Inspection;
  card: Scorecard;
  onClose: () => void;
  onSaved: (i: Inspection) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const outcome = Form.useWatch('outcome', form);
  const original = inspection.answers as Answers;
  const [corrected, setCorrected] = useState<Answers>({ ...original });
  const changes = changedAnswers(original, corrected);
  const submit = useSubmit(
    form,
    (v: Values) =>
      decideInspectionAppeal(inspection.id, {
        outcome: v.outcome,
        reason: v.reason,
        ...(v.outcome !== 'rejected' ? { answers: changes } : {}),
      }),
    {
      success: t('inspection.appeal.decided'),
      onSuccess: (i) => {
        onSaved(i);
        onClose();
      },
      bannerAlways: true,
    },
  );
  return (
    <Modal
      open
      width={720}
      title={t('inspection.appeal.decide')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={submit.pending}
    >
      <Typography.Paragraph>
        <Typography.Text strong>{inspection.agent_name}</Typography.Text> · {inspection.appeal?.reason}
      </Typography.Paragraph>
      <SubmitAlert submit={submit} />
      <Form form={form} layout="vertical" onFinish={submit.run} onValuesChange={submit.onValuesChange} initialValues={{ outcome: 'rejected' }}>
        <Form.Item name="outcome" label={t('inspection.appeal.outcome')}>
          <Radio.Group>
            {inspectionDecisionOutcomeValues.map((o) => (
              <Radio key={o} value={o}>
                {t(`inspection.outcome.${o}`)}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item name="reason" label={t('inspection.appeal.decisionReason')} rules={[{ required: true, message: t('common.required') }]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
      {outcome && outcome !== 'rejected' && (
        <>
          <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('inspection.appeal.correctHelp')} />
          {card.sections.flatMap((s) => s.items).map((item) => (
            <div key={item.code} style={{ marginBottom: 10 }} data-testid={`correct-${item.code}`}>
              <Space direction="vertical" size={2}>
                <Typography.Text>
                  {item.name || item.code}{' '}
                  <Typography.Text type="secondary">
                    ({t('inspection.appeal.was', { answer: answerText(t, item, original[item.code]) })})
                  </Typography.Text>
                </Typography.Text>
                <AnswerInput
                  item={item}
                  value={corrected[item.code]}
                  onChange={(v) => setCorrected((c) => ({ ...c, [item.code]: v ?? original[item.code] }))}
                />
              </Space>
            </div>
          ))}
          <Typography.Text type="secondary" data-testid="changed-count">
            {t('inspection.appeal.changed', { count: Object.keys(changes).length })}
          </Typography.Text>
        </>
      )}
    </Modal>
  );
}
