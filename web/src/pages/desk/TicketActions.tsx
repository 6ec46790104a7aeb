// The buttons for what may be done to a ticket now (its allowed_actions), each with the small form
// that action needs. A refused action (e.g. 409 because someone else changed the ticket) shows the
// server's message.
import { Button, Form, Input, Modal, Popconfirm, Radio, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { actOnTicket } from '../../api/desk';
import type { ActionInput, TicketAction, TicketDetail } from '../../api/deskTypes';
import { useMe } from '../../auth/AuthContext';
import CallbackFields, { callbackInput, type CallbackValues } from '../../components/desk/CallbackFields';
import { DepartmentField, StaffField } from '../../components/desk/DirectoryFields';
import SubmitAlert from '../../components/SubmitAlert';
import { useSubmit } from '../../lib/useSubmit';

/** Actions done with one click; the rest open a form. */
const IMMEDIATE: ReadonlySet<TicketAction> = new Set(['accept', 'start', 'resume']);
const CONFIRM: ReadonlySet<TicketAction> = new Set(['close']);
const PRIMARY: ReadonlySet<TicketAction> = new Set(['accept', 'respond', 'resolve', 'callback', 'close', 'resume']);

interface FormValues extends CallbackValues {
  note?: string;
  visibility?: 'public' | 'internal';
  department_id?: number | null;
  assignee_id?: number | null;
  merge_into?: string;
  escalation?: 'technical' | 'manager';
}

/** "T000123", "t123" or "123" → 123. */
export function parseTicketRef(text: string | undefined): number | undefined {
  const match = /^\s*[Tt]?0*(\d+)\s*$/.exec(text ?? '');
  const id = match ? Number(match[1]) : NaN;
  return Number.isSafeInteger(id) && id > 0 ? id : undefined;
}

function toInput(action: TicketAction, values: FormValues): ActionInput {
  const note = values.note?.trim() || undefined;
  switch (action) {
    case 'callback':
      return callbackInput(values);
    case 'comment':
      return { note, internal: values.visibility === 'internal' };
    case 'transfer':
      return { note, department_id: values.department_id ?? undefined, assignee_id: values.assignee_id ?? undefined };
    case 'escalate':
      return values.escalation === 'manager'
        ? { escalation: 'manager', note }
        : { escalation: 'technical', note, department_id: values.department_id ?? undefined };
    case 'assign':
      return { assignee_id: values.assignee_id ?? undefined, note };
    case 'merge':
      return { merge_into: parseTicketRef(values.merge_into), note };
    default:
      return { note };
  }
}

function ActionFields({ action }: { action: TicketAction }) {
  const { t } = useTranslation();
  const me = useMe();
  const form = Form.useFormInstance<FormValues>();
  const escalation = Form.useWatch<FormValues['escalation']>('escalation');
  const department = Form.useWatch<FormValues['department_id']>('department_id');
  const required = { required: true, whitespace: true, message: t('common.required') };
  const note = (label: string, needed: boolean, rows = 3) => (
    <Form.Item name="note" label={label} rules={needed ? [required] : []}>
      <Input.TextArea rows={rows} maxLength={20000} autoFocus />
    </Form.Item>
  );
  switch (action) {
    case 'respond':
      return note(t('actions.respondNote'), true, 4);
    case 'wait':
      return note(t('actions.waitNote'), false);
    case 'resolve':
      return note(t('actions.resolveNote'), false, 4);
    case 'reopen':
      return note(t('actions.reason'), true);
    case 'cancel':
      return note(t('actions.cancelReason'), true);
    case 'close':
      return null;
    case 'callback':
      return <CallbackFields />;
    case 'comment':
      return (
        <>
          <Form.Item name="visibility" label={t('comments.visibility')}>
            <Radio.Group
              optionType="button"
              options={[
                { value: 'public', label: t('comments.public') },
                { value: 'internal', label: t('comments.internal') },
              ]}
            />
          </Form.Item>
          {note(t('comments.body'), true, 4)}
        </>
      );
    case 'merge':
      return (
        <>
          <Form.Item name="merge_into" label={t('actions.mergeInto')} extra={t('actions.mergeIntoHelp')} rules={[required]}>
            <Input autoFocus placeholder="T000123" />
          </Form.Item>
          {note(t('actions.noteOptional'), false, 2)}
        </>
      );
    case 'assign':
      return (
        <>
          <Form.Item label={t('actions.assignee')} required>
            <Space.Compact style={{ width: '100%' }}>
              <Form.Item name="assignee_id" noStyle rules={[{ required: true, message: t('common.required') }]}>
                <StaffField />
              </Form.Item>
              <Button onClick={() => form.setFieldValue('assignee_id', me.id)}>{t('actions.assignToMe')}</Button>
            </Space.Compact>
          </Form.Item>
          {note(t('actions.noteOptional'), false, 2)}
        </>
      );
    case 'transfer':
      return (
        <>
          <Form.Item name="department_id" label={t('actions.toDepartment')} rules={[{ required: true, message: t('common.required') }]}>
            <DepartmentField onChange={() => form.setFieldValue('assignee_id', null)} />
          </Form.Item>
          <Form.Item name="assignee_id" label={t('actions.toAssignee')} extra={t('actions.toAssigneeHelp')}>
            <StaffField departmentId={department} />
          </Form.Item>
          {note(t('actions.transferReason'), true)}
        </>
      );
    case 'escalate':
      return (
        <>
          <Form.Item name="escalation" label={t('actions.escalateTo')} rules={[{ required: true, message: t('common.required') }]}>
            <Radio.Group
              optionType="button"
              options={[
                { value: 'technical', label: t('actions.escalateTechnical') },
                { value: 'manager', label: t('actions.escalateManager') },
              ]}
            />
          </Form.Item>
          {escalation !== 'manager' && (
            <Form.Item name="department_id" label={t('actions.toDepartment')} rules={[{ required: true, message: t('common.required') }]}>
              <DepartmentField />
            </Form.Item>
          )}
          {note(t('actions.reason'), escalation !== 'manager')}
        </>
      );
    default:
      return note(t('actions.noteOptional'), false);
  }
}

function ActionModal({
  ticket,
  action,
  onClose,
  onDone,
}: {
  ticket: TicketDetail;
  action: TicketAction;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const submit = useSubmit(form, (values: FormValues) => actOnTicket(ticket.id, action, toInput(action, values)), {
    success: t('actions.done', { action: t(`enums.action.${action}`) }),
    onSuccess: onDone,
  });

  return (
    <Modal
      open
      title={t('actions.modalTitle', { action: t(`enums.action.${action}`), number: ticket.number })}
      okText={t(`enums.action.${action}`)}
      confirmLoading={submit.pending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <SubmitAlert submit={submit} data-testid="action-error" />
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={{ visibility: 'public', escalation: 'technical' }}
        onFinish={submit.run}
        onValuesChange={submit.onValuesChange}
      >
        <ActionFields action={action} />
      </Form>
    </Modal>
  );
}

export default function TicketActions({ ticket, onChanged }: { ticket: TicketDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<TicketAction | null>(null);
  const [busy, setBusy] = useState<TicketAction | null>(null);
  const immediate = useSubmit(
    null,
    async (action: TicketAction) => {
      await actOnTicket(ticket.id, action);
      return action;
    },
    { success: (action) => t('actions.done', { action: t(`enums.action.${action}`) }) },
  );

  // Refreshed whatever the outcome: a refusal usually means someone else changed the ticket.
  const runNow = async (action: TicketAction) => {
    setBusy(action);
    await immediate.run(action);
    setBusy(null);
    onChanged();
  };

  return (
    <>
      <SubmitAlert submit={immediate} title={t('actions.refused')} data-testid="action-error" />
      <Space wrap data-testid="ticket-actions">
        {ticket.allowed_actions.map((action) => {
          const label = t(`enums.action.${action}`);
          const type = PRIMARY.has(action) ? 'primary' : 'default';
          if (IMMEDIATE.has(action)) {
            return (
              <Button key={action} type={type} loading={busy === action} onClick={() => void runNow(action)} data-action={action}>
                {label}
              </Button>
            );
          }
          if (CONFIRM.has(action)) {
            return (
              <Popconfirm
                key={action}
                title={t('actions.confirm', { action: label, number: ticket.number })}
                onConfirm={() => void runNow(action)}
              >
                <Button type={type} loading={busy === action} data-action={action}>
                  {label}
                </Button>
              </Popconfirm>
            );
          }
          return (
            <Button key={action} type={type} danger={action === 'cancel'} onClick={() => setOpen(action)} data-action={action}>
              {label}
            </Button>
          );
        })}
      </Space>
      {open && (
        <ActionModal
          ticket={ticket}
          action={open}
          onClose={() => setOpen(null)}
          onDone={() => {
            setOpen(null);
            onChanged();
          }}
        />
      )}
    </>
  );
}
