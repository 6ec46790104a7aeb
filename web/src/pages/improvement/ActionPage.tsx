// 整改措施: one action — its plan, evidence and verification, its timeline (every change), and the
// moves the caller may make: the owner starts and completes (with evidence); quality triages a
// suggestion, verifies the effect, reopens or cancels.
import { Button, Card, Col, Descriptions, Form, Input, InputNumber, Radio, Row, Space, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { getAction, listRootCauses, transitionAction, triageSuggestion, type ActionDetail, type Transition } from '../../api/improvement';
import { useAuth, useMe } from '../../auth/AuthContext';
import ErrorAlert from '../../components/ErrorAlert';
import PageHeader from '../../components/PageHeader';
import PageSpin from '../../components/PageSpin';
import SubmitAlert from '../../components/SubmitAlert';
import { DepartmentField, StaffField } from '../../components/desk/DirectoryFields';
import { formatTime } from '../../lib/format';
import { useAsync } from '../../lib/useAsync';
import { useSubmit } from '../../lib/useSubmit';
import { SourceText, StatusTag, dayFromToday } from './labels';

type Op = Transition['op'];

// A measured value: at most 4 decimals for display; "no data" is "—".
function formatValue(v: number | null | undefined): string {
  return v == null ? '—' : String(Number(v.toFixed(4)));
}

function WindowText({ from, to }: { from?: string | null; to?: string | null }) {
  const { t } = useTranslation();
  if (!from || !to) return null;
  return (
    <div>
      <Typography.Text type="secondary">{t('improvement.verify.window', { from: formatTime(from), to: formatTime(to) })}</Typography.Text>
    </div>
  );
}

function MoveForm({ action, op, onDone }: { action: ActionDetail; op: Op; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Transition>();
  const submit = useSubmit(form, (v: Transition) => transitionAction(action.id, { ...v, op }), {
    success: t(`improvement.move.${op}Done`),
    onSuccess: onDone,
  });
  // A measured action with a subject has its value after read by the server; the verdict is asked
  // only when the values cannot give one (no data, or no indicator).
  const read = action.subject_kind != null;
  const measured = action.measure_code !== '' && !read;
  return (
    <Form form={form} layout="vertical" name={`move-${op}`} onFinish={submit.run} onValuesChange={submit.onValuesChange} data-testid={`move-${op}`}>
      <SubmitAlert submit={submit} />
      {op === 'complete' && (
        <Form.Item name="evidence" label={t('improvement.field.evidence')} rules={[{ required: true, message: t('common.required') }]}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
      )}
      {(op === 'reopen' || op === 'cancel') && (
        <Form.Item name="reason" label={t('improvement.field.reason')} rules={[{ required: true, message: t('common.required') }]}>
          <Input.TextArea rows={2} maxLength={4000} />
        </Form.Item>
      )}
      {op === 'verify' && measured && (
        <Form.Item name="value_after" label={t('improvement.field.valueAfter')} rules={[{ required: true, message: t('common.required') }]}>
          <InputNumber style={{ width: '100%' }} />
        </Form.Item>
      )}
      {op === 'verify' && read && <Typography.Paragraph type="secondary">{t('improvement.verify.readHelp')}</Typography.Paragraph>}
      {op === 'verify' && !measured && (
        <Form.Item name="effective" label={t('improvement.field.effective')} rules={read ? [] : [{ required: true, message: t('common.required') }]}>
          <Radio.Group
            options={[
              { value: true, label: t('improvement.verify.effective') },
              { value: false, label: t('improvement.verify.notEffective') },
            ]}
          />
        </Form.Item>
      )}
      <Form.Item name="note" label={t('improvement.field.note')}>
        <Input.TextArea rows={2} maxLength={4000} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={submit.pending} data-testid={`move-${op}-submit`}>
        {t(`improvement.move.${op}`)}
      </Button>
    </Form>
  );
}

function TriageForm({ action, onDone }: { action: ActionDetail; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm();
  const decision = Form.useWatch('decision', form) as 'accept' | 'decline' | undefined;
  const causes = useAsync(listRootCauses, []);
  const zh = i18n.language.startsWith('zh');
  const submit = useSubmit(
    form,
    (v: { decision: 'accept' | 'decline'; owner_id?: number; department_id?: number; due_date?: string; root_cause_id?: number; reason?: string }) =>
      triageSuggestion(action.id, { ...v, department_id: v.department_id ?? undefined }),
    { success: t('improvement.triage.done'), onSuccess: onDone },
  );
  return (
    <Form form={form} layout="vertical" name="triage" onFinish={submit.run} onValuesChange={submit.onValuesChange} initialValues={{ decision: 'accept', due_date: dayFromToday(14) }} data-testid="triage-form">
      <SubmitAlert submit={submit} />
      <Form.Item name="decision" label={t('improvement.triage.decision')}>
        <Radio.Group
          options={[
            { value: 'accept', label: t('improvement.triage.accept') },
            { value: 'decline', label: t('improvement.triage.decline') },
          ]}
        />
      </Form.Item>
      {decision !== 'decline' ? (
        <>
          <Form.Item name="owner_id" label={t('improvement.field.owner')} rules={[{ required: true, message: t('common.required') }]}>
            <StaffField />
          </Form.Item>
          <Form.Item name="department_id" label={t('improvement.field.department')}>
            <DepartmentField />
          </Form.Item>
          <Form.Item name="due_date" label={t('improvement.field.dueDate')} rules={[{ required: true, message: t('common.required') }]}>
            <Input placeholder="YYYY-MM-DD" maxLength={10} />
          </Form.Item>
          <Form.Item name="root_cause_id" label={t('improvement.field.rootCause')}>
            <Radio.Group options={(causes.data ?? []).filter((c) => c.active).map((c) => ({ value: c.id, label: zh ? c.name_zh : c.name_en }))} />
          </Form.Item>
        </>
      ) : (
        <Form.Item name="reason" label={t('improvement.field.reason')} rules={[{ required: true, message: t('common.required') }]}>
          <Input.TextArea rows={2} maxLength={4000} />
        </Form.Item>
      )}
      <Button type="primary" htmlType="submit" loading={submit.pending} data-testid="triage-submit">
        {t('improvement.triage.submit')}
      </Button>
    </Form>
  );
}

export default function ActionPage() {
  const { t, i18n } = useTranslation();
  const { id: idParam } = useParams();
  const id = Number(idParam);
  const { can } = useAuth();
  const me = useMe();
  const loaded = useAsync(() => getAction(id), [id]);
  const causes = useAsync(listRootCauses, []);
  const [op, setOp] = useState<Op | null>(null);
  if (loaded.error) return <ErrorAlert error={loaded.error} onRetry={() => void loaded.reload()} />;
  if (!loaded.data) return <PageSpin />;
  const a = loaded.data;
  const manage = can('improvement.manage');
  const owner = a.owner_id === me.id;
  const pending = a.status === 'open' || a.status === 'in_progress' || a.status === 'reopened';
  const moves: Op[] = [];
  if ((owner || manage) && (a.status === 'open' || a.status === 'reopened')) moves.push('start');
  if ((owner || manage) && pending) moves.push('complete');
  if (manage && a.status === 'done') moves.push('verify');
  if (manage && (a.status === 'done' || a.status === 'verified' || a.status === 'not_effective')) moves.push('reopen');
  if (manage && pending) moves.push('cancel');
  const cause = (causes.data ?? []).find((c) => c.id === a.root_cause_id);
  const zh = i18n.language.startsWith('zh');
  const done = () => {
    setOp(null);
    void loaded.reload();
  };
  return (
    <>
      <PageHeader
        title={
          <Space>
            {a.title}
            <StatusTag status={a.status} />
          </Space>
        }
        extra={<Link to="/improvement">{t('improvement.board.title')}</Link>}
      />
      <Row gutter={16}>
        <Col xs={24} lg={15}>
          <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} style={{ marginBottom: 12 }} data-testid="action-facts">
            <Descriptions.Item label={t('improvement.field.source')}>
              <SourceText action={a} />
            </Descriptions.Item>
            <Descriptions.Item label={t('improvement.field.owner')}>{a.owner_name || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('improvement.field.department')}>{a.department_name || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('improvement.field.dueDate')}>{a.due_date ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('improvement.field.rootCause')}>{cause ? (zh ? cause.name_zh : cause.name_en) : '—'}</Descriptions.Item>
            {a.proposed_by_name && <Descriptions.Item label={t('improvement.field.proposedBy')}>{a.proposed_by_name}</Descriptions.Item>}
            <Descriptions.Item label={t('improvement.field.description')} span={2}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{a.description || '—'}</Typography.Paragraph>
            </Descriptions.Item>
            <Descriptions.Item label={t('improvement.field.analysis')} span={2}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{a.analysis || '—'}</Typography.Paragraph>
            </Descriptions.Item>
            <Descriptions.Item label={t('improvement.field.evidence')} span={2}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }} data-testid="action-evidence">
                {a.evidence || '—'}
              </Typography.Paragraph>
            </Descriptions.Item>
            {a.reason && (
              <Descriptions.Item label={t('improvement.field.reason')} span={2}>
                {a.reason}
              </Descriptions.Item>
            )}
          </Descriptions>
          <Card size="small" title={t('improvement.verify.title')} style={{ marginBottom: 12 }} data-testid="action-verification">
            <Descriptions size="small" column={{ xs: 1, md: 2 }}>
              <Descriptions.Item label={t('improvement.field.measure')}>{a.measure_code || '—'}</Descriptions.Item>
              <Descriptions.Item label={t('improvement.field.direction')}>{a.direction ? t(`improvement.direction.${a.direction}`) : '—'}</Descriptions.Item>
              {a.subject_kind && (
                <Descriptions.Item label={t('improvement.field.subject')}>
                  {t(`improvement.subjectKind.${a.subject_kind}`)} · {a.subject_name || a.subject_id}
                </Descriptions.Item>
              )}
              <Descriptions.Item label={t('improvement.field.valueBefore')}>
                <span data-testid="value-before">{formatValue(a.value_before)}</span> {a.value_before_source && `(${a.value_before_source})`}
                <WindowText from={a.before_from} to={a.before_to} />
              </Descriptions.Item>
              <Descriptions.Item label={t('improvement.field.valueAfter')}>
                <span data-testid="value-after">{formatValue(a.value_after)}</span> {a.value_after_source && `(${a.value_after_source})`}
                <WindowText from={a.after_from} to={a.after_to} />
              </Descriptions.Item>
              <Descriptions.Item label={t('improvement.field.verifyAfterDays')}>{a.verify_after_days}</Descriptions.Item>
              <Descriptions.Item label={t('improvement.field.verifiedAt')}>{formatTime(a.verified_at)}</Descriptions.Item>
              {a.verification_note && <Descriptions.Item label={t('improvement.field.note')}>{a.verification_note}</Descriptions.Item>}
            </Descriptions>
          </Card>
          {manage && a.status === 'proposed' && (
            <Card size="small" title={t('improvement.triage.title')}>
              <TriageForm action={a} onDone={done} />
            </Card>
          )}
          {moves.length > 0 && (
            <Card size="small" title={t('improvement.move.title')}>
              <Space wrap style={{ marginBottom: 12 }}>
                {moves.map((m) => (
                  <Button key={m} type={op === m ? 'primary' : 'default'} onClick={() => setOp(m)} data-testid={`open-${m}`}>
                    {t(`improvement.move.${m}`)}
                  </Button>
                ))}
              </Space>
              {op && moves.includes(op) && <MoveForm key={op} action={a} op={op} onDone={done} />}
            </Card>
          )}
        </Col>
        <Col xs={24} lg={9}>
          <Card size="small" title={t('improvement.timeline')}>
            <Timeline
              data-testid="action-timeline"
              items={a.timeline.map((e) => ({
                children: (
                  <>
                    <Typography.Text strong>{t(`improvement.event.${e.type.replace('improvement.', '')}`, { defaultValue: e.type })}</Typography.Text>
                    <div>
                      <Typography.Text type="secondary">
                        {formatTime(e.at)} · {e.actor}
                      </Typography.Text>
                    </div>
                    {typeof e.data.evidence === 'string' && <div>{e.data.evidence}</div>}
                    {typeof e.data.reason === 'string' && <div>{e.data.reason}</div>}
                    {typeof e.data.note === 'string' && <div>{e.data.note}</div>}
                  </>
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
