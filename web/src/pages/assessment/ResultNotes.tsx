// Beside one assessee's result: the assessor's comments (评语: quality writes them while the period
// is evaluated or published; the assessee reads them once published) and the corrections of a
// locked result (更正: proposed by quality with reason and evidence, approved — or rejected with a
// reason — by an approver other than the proposer; the locked result itself never changes).
import { Button, Card, Descriptions, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  approveCorrection,
  proposeCorrection,
  putComment,
  rejectCorrection,
  withdrawCorrection,
  type Correction,
  type Period,
  type ResultComment,
  type ResultNode,
} from '../../api/assessment';
import { useAuth } from '../../auth/AuthContext';
import SubmitAlert from '../../components/SubmitAlert';
import { useNotify } from '../../components/useNotify';
import { formatTime } from '../../lib/format';
import { useSubmit } from '../../lib/useSubmit';

const COMMENT_MAX = 2000;

interface CommentValues {
  indicator_code?: string | null;
  text: string;
}

function CommentForm(props: { periodId: number; assessee: number; indicators: { value: string; label: string }[]; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CommentValues>();
  const submit = useSubmit(form, (v: CommentValues) => putComment(props.periodId, props.assessee, { indicator_code: v.indicator_code ?? null, text: v.text }), {
    success: t('assessment.detail.commentSaved'),
    onSuccess: () => {
      props.onSaved();
      props.onClose();
    },
  });
  return (
    <Modal open title={t('assessment.detail.writeComment')} onCancel={props.onClose} onOk={() => form.submit()} confirmLoading={submit.pending}>
      <Typography.Paragraph type="secondary">{t('assessment.detail.commentHelp')}</Typography.Paragraph>
      <SubmitAlert submit={submit} />
      <Form form={form} layout="vertical" onFinish={submit.run} onValuesChange={submit.onValuesChange}>
        <Form.Item name="indicator_code" label={t('assessment.detail.commentIndicator')}>
          <Select allowClear options={props.indicators} data-testid="comment-indicator" />
        </Form.Item>
        <Form.Item name="text" label={t('assessment.detail.commentText')} rules={[{ required: true, message: t('assessment.required') }]}>
          <Input.TextArea rows={4} maxLength={COMMENT_MAX} showCount data-testid="comment-text" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface CorrectionValues {
  total: number | null;
  reason: string;
  evidence: string;
}

function CorrectionForm(props: { periodId: number; assessee: number; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CorrectionValues>();
  const submit = useSubmit(form, (v: CorrectionValues) => proposeCorrection(props.periodId, { assessee_id: props.assessee, ...v }), {
    success: t('assessment.correction.proposed'),
    onSuccess: () => {
      props.onSaved();
      props.onClose();
    },
  });
  const required = [{ required: true, message: t('assessment.required') }];
  return (
    <Modal open title={t('assessment.correction.propose')} onCancel={props.onClose} onOk={() => form.submit()} confirmLoading={submit.pending}>
      <Typography.Paragraph type="secondary">{t('assessment.correction.help')}</Typography.Paragraph>
      <SubmitAlert submit={submit} />
      <Form form={form} layout="vertical" onFinish={submit.run} onValuesChange={submit.onValuesChange}>
        <Form.Item name="total" label={t('assessment.correction.corrected')} rules={required}>
          <InputNumber min={0} step={0.5} style={{ width: '100%' }} data-testid="correction-total" />
        </Form.Item>
        <Form.Item name="reason" label={t('assessment.correction.reason')} rules={required}>
          <Input.TextArea rows={3} data-testid="correction-reason" />
        </Form.Item>
        <Form.Item name="evidence" label={t('assessment.correction.evidence')} rules={required}>
          <Input.TextArea rows={2} data-testid="correction-evidence" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

const REJECTION_MAX = 500;

function RejectForm(props: { correction: Correction; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const submit = useSubmit(form, (v: { reason: string }) => rejectCorrection(props.correction.id, v.reason), {
    success: t('assessment.correction.rejected'),
    onSuccess: () => {
      props.onSaved();
      props.onClose();
    },
  });
  return (
    <Modal open title={t('assessment.correction.rejectTitle')} onCancel={props.onClose} onOk={() => form.submit()} confirmLoading={submit.pending}>
      <Typography.Paragraph type="secondary">{t('assessment.correction.rejectHelp')}</Typography.Paragraph>
      <SubmitAlert submit={submit} />
      <Form form={form} layout="vertical" onFinish={submit.run} onValuesChange={submit.onValuesChange}>
        <Form.Item name="reason" label={t('assessment.correction.rejectReason')} rules={[{ required: true, message: t('assessment.required') }]}>
          <Input.TextArea rows={3} maxLength={REJECTION_MAX} showCount data-testid="reject-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

const STATUS_COLORS: Record<string, string> = { proposed: 'orange', approved: 'green', withdrawn: 'default', rejected: 'red' };

export default function ResultNotes(props: {
  period: Period;
  assessee: number;
  nodes: ResultNode[];
  nodeName: (n: ResultNode) => string;
  comments: ResultComment[];
  corrections: Correction[];
  inForce: Correction | null;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { can, me } = useAuth();
  const notify = useNotify();
  const [commenting, setCommenting] = useState(false);
  const [correcting, setCorrecting] = useState(false);
  const [rejecting, setRejecting] = useState<Correction | null>(null);
  const { period, comments, corrections, inForce } = props;
  const indicators = props.nodes.filter((n) => n.indicator).map((n) => ({ value: n.indicator as string, label: props.nodeName(n) }));
  const indicatorName = (code?: string | null) => (code ? indicators.find((i) => i.value === code)?.label ?? code : t('assessment.detail.overall'));
  const commentable = can('assessment.manage') && (period.status === 'evaluated' || period.status === 'published');
  const locked = period.status === 'locked';
  const act = async (call: () => Promise<unknown>, done: string) => {
    try {
      await call();
      notify.success(done);
      props.onChanged();
    } catch (cause) {
      notify.failure(cause);
    }
  };

  return (
    <>
      {(comments.length > 0 || commentable) && (
        <Card
          title={t('assessment.detail.comments')}
          size="small"
          style={{ marginTop: 16 }}
          data-testid="result-comments"
          extra={
            commentable && (
              <Button size="small" onClick={() => setCommenting(true)} data-testid="write-comment">
                {t('assessment.detail.writeComment')}
              </Button>
            )
          }
        >
          {comments.map((c) => (
            <Typography.Paragraph key={c.indicator_code ?? ''} data-testid="result-comment">
              <Tag color={c.indicator_code ? 'blue' : 'purple'}>{indicatorName(c.indicator_code)}</Tag>
              {c.text}
              <br />
              <Typography.Text type="secondary">
                {c.author}
                {c.at ? ` · ${formatTime(c.at)}` : ''}
              </Typography.Text>
            </Typography.Paragraph>
          ))}
        </Card>
      )}
      {locked && (corrections.length > 0 || can('assessment.manage')) && (
        <Card
          title={t('assessment.correction.title')}
          size="small"
          style={{ marginTop: 16 }}
          data-testid="result-corrections"
          extra={
            can('assessment.manage') && (
              <Button size="small" onClick={() => setCorrecting(true)} data-testid="propose-correction">
                {t('assessment.correction.propose')}
              </Button>
            )
          }
        >
          {inForce && (
            <Descriptions size="small" column={1} bordered data-testid="correction-in-force" style={{ marginBottom: 12 }}>
              <Descriptions.Item label={t('assessment.correction.original')}>{inForce.original_total ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('assessment.correction.corrected')}>
                <Typography.Text strong data-testid="corrected-total">
                  {inForce.corrected_total}
                </Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t('assessment.correction.grade')}>
                {inForce.grade ?? '—'}
                {inForce.coefficient !== null ? ` · ${inForce.coefficient}` : ''}
              </Descriptions.Item>
              <Descriptions.Item label={t('assessment.correction.reason')}>{inForce.reason}</Descriptions.Item>
            </Descriptions>
          )}
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={corrections}
            data-testid="correction-table"
            columns={[
              { title: t('assessment.correction.corrected'), dataIndex: 'corrected_total', align: 'right' },
              { title: t('assessment.correction.reason'), dataIndex: 'reason' },
              { title: t('assessment.correction.evidence'), dataIndex: 'evidence' },
              {
                title: t('common.status'),
                dataIndex: 'status',
                render: (s: Correction['status'], c) => (
                  <>
                    <Tag color={STATUS_COLORS[s]}>{t(`assessment.correction.status.${s}`)}</Tag>
                    {s === 'rejected' && c.rejection_reason && (
                      <Typography.Text type="secondary" data-testid="rejection-reason">
                        {t('assessment.correction.rejectedBecause', { reason: c.rejection_reason })}
                      </Typography.Text>
                    )}
                  </>
                ),
              },
              {
                title: '',
                key: 'act',
                render: (_, c) =>
                  c.status === 'proposed' && (
                    <Space>
                      {can('assessment.approve') && c.proposed_by !== me?.id && (
                        <Button size="small" type="primary" onClick={() => void act(() => approveCorrection(c.id), t('assessment.correction.approved'))} data-testid="approve-correction">
                          {t('assessment.correction.approve')}
                        </Button>
                      )}
                      {can('assessment.approve') && c.proposed_by !== me?.id && (
                        <Button size="small" danger onClick={() => setRejecting(c)} data-testid="reject-correction">
                          {t('assessment.correction.reject')}
                        </Button>
                      )}
                      {can('assessment.manage') && c.proposed_by === me?.id && (
                        <Button size="small" danger onClick={() => void act(() => withdrawCorrection(c.id), t('assessment.correction.withdrawn'))} data-testid="withdraw-correction">
                          {t('assessment.correction.withdraw')}
                        </Button>
                      )}
                    </Space>
                  ),
              },
            ]}
          />
        </Card>
      )}
      {commenting && <CommentForm periodId={period.id} assessee={props.assessee} indicators={indicators} onClose={() => setCommenting(false)} onSaved={props.onChanged} />}
      {rejecting && <RejectForm correction={rejecting} onClose={() => setRejecting(null)} onSaved={props.onChanged} />}
      {correcting && <CorrectionForm periodId={period.id} assessee={props.assessee} onClose={() => setCorrecting(false)} onSaved={props.onChanged} />}
    </>
  );
}
