// Ticket registration, built for an agent on the phone: the customer look-up has the focus, Enter
// moves to the next field, Ctrl+Enter registers; the fields a ticket type needs are marked, the
// server's field errors land on the fields, and possible duplicates are shown before and after.
import { PlusOutlined, UserAddOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Flex,
  Form,
  Input,
  List,
  Radio,
  Result,
  Row,
  Select,
  Space,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { createCustomer, findDuplicates, registerTicket } from '../../api/desk';
import {
  TICKET_TYPES,
  type Channel,
  type ComplaintCategory,
  type Customer,
  type Priority,
  type RegisteredTicket,
  type Ticket,
  type TicketDraft,
  type TicketType,
} from '../../api/deskTypes';
import { useAuth } from '../../auth/AuthContext';
import PageHeader from '../../components/PageHeader';
import CategoryTreeSelect from '../../components/desk/CategoryTreeSelect';
import CustomerSelect from '../../components/desk/CustomerSelect';
import { DepartmentField, StaffField } from '../../components/desk/DirectoryFields';
import { useDeskOptions } from '../../components/desk/options';
import { PriorityTag, TicketStatusTag } from '../../components/desk/tags';
import SubmitAlert from '../../components/SubmitAlert';
import { requiredRule, useTicketForm } from '../../components/desk/ticketForm';
import { useNotify } from '../../components/useNotify';
import { useSchemaRules } from '../../lib/schemaRules';
import { useSubmit } from '../../lib/useSubmit';

interface Values {
  customer_id?: number | null;
  type: TicketType;
  channel: Channel;
  priority: Priority;
  category_id?: number;
  title: string;
  description?: string;
  department_id?: number | null;
  assignee_id?: number | null;
  complaint?: {
    category?: ComplaintCategory;
    severity?: number;
    about_department_id?: number | null;
    about_staff_id?: number | null;
    responsible_id?: number | null;
    deadline_at?: Dayjs | null;
  };
}

const INITIAL: Partial<Values> = { type: 'request', channel: 'phone', priority: 'P3', complaint: { severity: 2 } };

function toDraft(values: Values): TicketDraft {
  const draft: TicketDraft = {
    type: values.type,
    channel: values.channel,
    priority: values.priority,
    title: values.title.trim(),
    description: values.description?.trim() || undefined,
    customer_id: values.customer_id ?? undefined,
    category_id: values.category_id ?? undefined,
    department_id: values.department_id ?? undefined,
    assignee_id: values.assignee_id ?? undefined,
  };
  if (values.type === 'complaint' && values.complaint) {
    const c = values.complaint;
    draft.complaint = {
      category: c.category ?? 'other',
      severity: c.severity ?? 2,
      about_department_id: c.about_department_id ?? undefined,
      about_staff_id: c.about_staff_id ?? undefined,
      responsible_id: c.responsible_id ?? undefined,
      deadline_at: c.deadline_at ? c.deadline_at.toISOString() : undefined,
    };
  }
  return draft;
}

/** The fields Enter moves between: text inputs, selects, pickers and the submit button, in order. */
function focusNext(from: HTMLElement, root: HTMLElement): void {
  const candidates = Array.from(
    root.querySelectorAll<HTMLElement>('input:not([type=hidden]):not([disabled]), textarea:not([disabled]), button[type=submit]'),
  ).filter((el) => {
    if (el.offsetParent === null) return false;
    if (el instanceof HTMLInputElement && el.type === 'radio') return el.checked;
    return true;
  });
  const index = candidates.indexOf(from);
  candidates[index + 1]?.focus();
}

function DuplicateWarning({ tickets, after }: { tickets: readonly Ticket[]; after?: boolean }) {
  const { t } = useTranslation();
  if (tickets.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="duplicate-warning"
      style={{ marginBottom: 16 }}
      message={after ? t('register.duplicatesAfter', { count: tickets.length }) : t('register.duplicatesBefore', { count: tickets.length })}
      description={
        <List
          size="small"
          dataSource={[...tickets]}
          renderItem={(ticket) => (
            <List.Item>
              <Space wrap>
                <Link to={`/desk/tickets/${ticket.id}`} target="_blank">
                  {ticket.number}
                </Link>
                <span>{ticket.title}</span>
                <TicketStatusTag status={ticket.status} />
                <PriorityTag priority={ticket.priority} />
              </Space>
            </List.Item>
          )}
        />
      }
    />
  );
}

interface NewCustomerValues {
  name: string;
  phone?: string;
  email?: string;
  tier?: string;
}

function NewCustomerCard({
  initial,
  onCreated,
  onCancel,
}: {
  initial: string;
  onCreated: (customer: Customer) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<NewCustomerValues>();
  const schema = useSchemaRules('CustomerCreate');
  const looksLikePhone = /^[\d\s+()-]{5,}$/.test(initial.trim());
  const save = useSubmit(
    form,
    (values: NewCustomerValues) =>
      createCustomer({
        name: values.name.trim(),
        phone: values.phone?.trim() || undefined,
        email: values.email?.trim() || undefined,
        tier: values.tier?.trim() || undefined,
      }),
    { onSuccess: onCreated },
  );

  const submit = async () => {
    let values: NewCustomerValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    await save.run(values);
  };

  // A nested <form> is not allowed inside the registration form, so this Form renders no element:
  // the button, or Enter in any of its fields, creates the customer.
  return (
    <Card
      size="small"
      title={t('customers.newTitle')}
      style={{ marginBottom: 16 }}
      data-testid="new-customer"
      onKeyDown={(event) => {
        // Enter here creates the customer; it must not reach (and submit) the registration form.
        if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
        const target = event.target as HTMLElement;
        if (target.getAttribute('aria-expanded') === 'true' || target.tagName === 'BUTTON') return;
        event.preventDefault();
        event.stopPropagation();
        void submit();
      }}
    >
      <SubmitAlert submit={save} />
      <Form<NewCustomerValues>
        form={form}
        component={false}
        layout="vertical"
        initialValues={looksLikePhone ? { phone: initial.trim() } : { name: initial.trim() }}
        onValuesChange={save.onValuesChange}
      >
        <Row gutter={12}>
          <Col xs={24} md={6}>
            <Form.Item name="name" label={t('customers.name')} rules={schema.rules('name')}>
              <Input id="new_customer_name" maxLength={schema.maxLength('name')} autoFocus />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name="phone" label={t('customers.phone')}>
              <Input id="new_customer_phone" maxLength={schema.maxLength('phone')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name="email" label={t('customers.email')}>
              <Input id="new_customer_email" maxLength={schema.maxLength('email')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name="tier" label={t('customers.tier')}>
              <Select
                id="new_customer_tier"
                allowClear
                options={['standard', 'gold', 'vip'].map((v) => ({ value: v, label: v }))}
              />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      <Space>
        <Button type="primary" icon={<UserAddOutlined />} loading={save.pending} onClick={() => void submit()} data-testid="create-customer">
          {t('customers.create')}
        </Button>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
      </Space>
    </Card>
  );
}

export default function RegisterTicket() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const notify = useNotify();
  const { can } = useAuth();
  const options = useDeskOptions();
  const [form] = Form.useForm<Values>();
  const root = useRef<HTMLDivElement>(null);
  const rules = useTicketForm();
  const [registered, setRegistered] = useState<RegisteredTicket | null>(null);
  const [creatingCustomer, setCreatingCustomer] = useState(false);
  const [customerSearch, setCustomerSearch] = useState('');
  const [newCustomer, setNewCustomer] = useState<Customer | null>(null);
  const [duplicates, setDuplicates] = useState<Ticket[]>([]);

  const type = Form.useWatch('type', form) ?? 'request';
  const customerId = Form.useWatch('customer_id', form);
  const categoryId = Form.useWatch('category_id', form);

  useEffect(() => {
    if (!customerId) {
      setDuplicates([]);
      return undefined;
    }
    const controller = new AbortController();
    findDuplicates(customerId, categoryId ?? undefined, controller.signal)
      .then(setDuplicates)
      .catch(() => setDuplicates([]));
    return () => controller.abort();
  }, [customerId, categoryId]);

  // Re-check the type-dependent fields when the type changes, so stale marks go away.
  useEffect(() => {
    const touched = (['customer_id', 'category_id', 'description'] as const).filter((f) => form.isFieldTouched(f));
    if (touched.length) void form.validateFields([...touched]).catch(() => undefined);
  }, [type, form]);

  const submit = useSubmit(form, (values: Values) => registerTicket(toDraft(values)), {
    success: (ticket) => t('register.done', { number: ticket.number }),
    onSuccess: (ticket) => {
      if (ticket.possible_duplicates.length > 0) setRegistered(ticket);
      else navigate(`/desk/tickets/${ticket.id}`);
    },
  });

  /** A field's rule: required when the server requires it for this type (saying so when not for every type). */
  const requiredFor = (field: string) => {
    const always = TICKET_TYPES.every((each) => rules.requires(each, field));
    const message = always ? t('common.required') : t('register.requiredFor', { type: t(`enums.type.${type}`) });
    return [requiredRule(field, rules.requires(type, field), message)];
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    const target = event.target as HTMLElement;
    if (event.ctrlKey || event.metaKey) {
      event.preventDefault();
      form.submit();
      return;
    }
    if (target.tagName === 'TEXTAREA' || target.tagName === 'BUTTON') return;
    // An open dropdown takes Enter to pick an option; a closed one lets Enter move on.
    if (target.getAttribute('aria-expanded') === 'true') return;
    event.preventDefault();
    if (root.current) focusNext(target, root.current);
  };

  if (registered) {
    return (
      <>
        <PageHeader title={t('register.title')} />
        <Card>
          <Result
            status="success"
            title={t('register.done', { number: registered.number })}
            subTitle={registered.title}
            extra={[
              <Button type="primary" key="open" onClick={() => navigate(`/desk/tickets/${registered.id}`)}>
                {t('register.open')}
              </Button>,
              <Button
                key="another"
                onClick={() => {
                  setRegistered(null);
                  setNewCustomer(null);
                  form.resetFields();
                }}
              >
                {t('register.another')}
              </Button>,
            ]}
          />
          <DuplicateWarning tickets={registered.possible_duplicates} after />
        </Card>
      </>
    );
  }

  return (
    <>
      <PageHeader title={t('register.title')} />
      <div ref={root} onKeyDown={onKeyDown}>
        <Card>
          <SubmitAlert submit={submit} title={t('register.failed')} />
          <Form<Values>
            form={form}
            layout="vertical"
            initialValues={INITIAL}
            onFinish={submit.run}
            onValuesChange={submit.onValuesChange}
          >
            <Form.Item label={t('register.customer')} required={rules.requires(type, 'customer_id')} extra={t('register.customerHelp')}>
              <Flex gap="small">
                <Form.Item name="customer_id" noStyle rules={requiredFor('customer_id')}>
                  <CustomerSelect autoFocus selected={newCustomer} onSearchChange={setCustomerSearch} />
                </Form.Item>
                {can('customer.write') && (
                  <Button icon={<PlusOutlined />} onClick={() => setCreatingCustomer(true)} data-testid="new-customer-button">
                    {t('customers.newTitle')}
                  </Button>
                )}
              </Flex>
            </Form.Item>
            {creatingCustomer && (
              <NewCustomerCard
                initial={customerSearch}
                onCancel={() => setCreatingCustomer(false)}
                onCreated={(customer) => {
                  setNewCustomer(customer);
                  form.setFieldValue('customer_id', customer.id);
                  submit.onValuesChange({ customer_id: customer.id });
                  void form.validateFields(['customer_id']).catch(() => undefined);
                  setCreatingCustomer(false);
                  notify.success(t('customers.created', { name: customer.name }));
                }}
              />
            )}
            <Row gutter={16}>
              <Col xs={24} lg={10}>
                <Form.Item name="type" label={t('tickets.type')} rules={[{ required: true }]}>
                  <Radio.Group optionType="button" buttonStyle="solid" options={options.types} />
                </Form.Item>
              </Col>
              <Col xs={12} lg={6}>
                <Form.Item name="channel" label={t('tickets.channel')} rules={[{ required: true }]}>
                  <Select options={options.channels} />
                </Form.Item>
              </Col>
              <Col xs={12} lg={8}>
                <Form.Item name="priority" label={t('tickets.priority')} rules={[{ required: true }]}>
                  <Radio.Group optionType="button" options={options.priorities.map((o) => ({ value: o.value, label: o.value }))} />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name="category_id" label={t('tickets.category')} rules={requiredFor('category_id')}>
              <CategoryTreeSelect placeholder={t('register.categoryPlaceholder')} />
            </Form.Item>
            <DuplicateWarning tickets={duplicates} />
            <Form.Item
              name="title"
              label={t('register.titleLabel')}
              rules={requiredFor('title')}
            >
              <Input maxLength={rules.limit('title')} showCount />
            </Form.Item>
            <Form.Item name="description" label={t('register.description')} rules={requiredFor('description')}>
              <Input.TextArea rows={4} maxLength={rules.limit('description')} />
            </Form.Item>
            {type === 'complaint' && (
              <Card size="small" title={t('complaint.title')} style={{ marginBottom: 16 }} data-testid="complaint-subform">
                <Row gutter={16}>
                  <Col xs={24} md={8}>
                    <Form.Item
                      name={['complaint', 'category']}
                      label={t('complaint.category')}
                      rules={requiredFor('complaint.category')}
                    >
                      <Select options={options.complaintCategories} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={8}>
                    <Form.Item name={['complaint', 'severity']} label={t('complaint.severity')}>
                      <Radio.Group optionType="button" options={options.severities} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={8}>
                    <Form.Item name={['complaint', 'deadline_at']} label={t('complaint.deadline')}>
                      <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  {/* Who and what it is about, and who answers it (quality may fill them in later). */}
                  <Col xs={24} md={8}>
                    <Form.Item name={['complaint', 'about_department_id']} label={t('complaint.aboutDepartment')}>
                      <DepartmentField />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={8}>
                    <Form.Item name={['complaint', 'about_staff_id']} label={t('complaint.aboutStaff')}>
                      <StaffField />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={8}>
                    <Form.Item name={['complaint', 'responsible_id']} label={t('complaint.responsible')}>
                      <StaffField />
                    </Form.Item>
                  </Col>
                </Row>
              </Card>
            )}
            {/* Where it goes and who takes it; empty: the registering agent's own department. */}
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Form.Item name="department_id" label={t('register.department')} extra={t('register.departmentHelp')}>
                  <DepartmentField />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="assignee_id" label={t('register.assignee')}>
                  <StaffField />
                </Form.Item>
              </Col>
            </Row>
            <Space>
              <Button type="primary" htmlType="submit" loading={submit.pending} data-testid="register-submit">
                {t('register.submit')}
              </Button>
              <Typography.Text type="secondary">{t('register.keyboardHelp')}</Typography.Text>
            </Space>
          </Form>
        </Card>
      </div>
    </>
  );
}
