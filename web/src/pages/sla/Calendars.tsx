// Business calendars: the list, an editor (weekly working hours, holidays and make-up working days,
// import of JSON or iCalendar), and a live due-time preview computed by the server.
import { DeleteOutlined, ImportOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Empty,
  Form,
  Input,
  InputNumber,
  List,
  Modal,
  Row,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { calendarDue, createCalendar, getCalendar, importCalendar, listCalendars, saveCalendar } from '../../api/sla';
import {
  WEEKDAYS,
  type BusinessCalendar,
  type DayException,
  type HoursInterval,
  type ImportedCalendar,
  type Weekday,
} from '../../api/slaTypes';
import ErrorAlert from '../../components/ErrorAlert';
import { errorText } from '../../components/errors';
import PageHeader from '../../components/PageHeader';
import PageSpin from '../../components/PageSpin';
import { useNotify } from '../../components/useNotify';
import { fieldPath, setFieldError } from '../../lib/forms';
import { formatTime } from '../../lib/format';
import { useAsync } from '../../lib/useAsync';
import { useDebounced } from '../../lib/useDebounced';

const TIME = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

interface IntervalValue {
  start: string;
  end: string;
}

interface ExceptionValue {
  date: Dayjs | null;
  kind: 'holiday' | 'workday';
  name?: string;
  hours_of?: Weekday;
  /** "09:00-12:00, 13:00-18:00" */
  hours?: string;
}

interface Values {
  code: string;
  name: string;
  time_zone: string;
  always_open: boolean;
  week: Record<Weekday, IntervalValue[]>;
  exceptions: ExceptionValue[];
}

const STANDARD_WEEK: Record<Weekday, IntervalValue[]> = {
  mon: [
    { start: '09:00', end: '12:00' },
    { start: '13:00', end: '18:00' },
  ],
  tue: [
    { start: '09:00', end: '12:00' },
    { start: '13:00', end: '18:00' },
  ],
  wed: [
    { start: '09:00', end: '12:00' },
    { start: '13:00', end: '18:00' },
  ],
  thu: [
    { start: '09:00', end: '12:00' },
    { start: '13:00', end: '18:00' },
  ],
  fri: [
    { start: '09:00', end: '12:00' },
    { start: '13:00', end: '18:00' },
  ],
  sat: [],
  sun: [],
};

function formatHours(hours: readonly HoursInterval[] | undefined): string {
  return (hours ?? []).map(([a, b]) => `${a}-${b}`).join(', ');
}

function parseHours(text: string | undefined): HoursInterval[] {
  return (text ?? '')
    .split(/[,，;\s]+/)
    .filter(Boolean)
    .map((part) => {
      const [a, b] = part.split(/[-–~]/);
      return [a?.trim() ?? '', b?.trim() ?? ''] as HoursInterval;
    });
}

function toValues(cal: BusinessCalendar): Values {
  const week = {} as Record<Weekday, IntervalValue[]>;
  for (const day of WEEKDAYS) week[day] = (cal.week?.[day] ?? []).map(([start, end]) => ({ start, end }));
  return {
    code: cal.code,
    name: cal.name,
    time_zone: cal.time_zone,
    always_open: cal.always_open ?? false,
    week,
    exceptions: [...(cal.exceptions ?? [])]
      .sort((a, b) => a.date.localeCompare(b.date))
      .map((e) => ({
        date: dayjs(e.date),
        kind: e.kind,
        name: e.name ?? '',
        hours_of: e.hours_of,
        hours: formatHours(e.hours),
      })),
  };
}

function toCalendar(v: Values): BusinessCalendar {
  if (v.always_open) return { code: v.code.trim(), name: v.name.trim(), time_zone: v.time_zone, always_open: true };
  const week: Partial<Record<Weekday, HoursInterval[]>> = {};
  for (const day of WEEKDAYS) week[day] = (v.week?.[day] ?? []).map((i) => [i.start.trim(), i.end.trim()] as HoursInterval);
  return {
    code: v.code.trim(),
    name: v.name.trim(),
    time_zone: v.time_zone,
    always_open: false,
    week,
    exceptions: (v.exceptions ?? []).map((e): DayException => {
      const out: DayException = { date: e.date ? e.date.format('YYYY-MM-DD') : '', kind: e.kind };
      if (e.name?.trim()) out.name = e.name.trim();
      if (e.kind === 'workday') {
        if (e.hours?.trim()) out.hours = parseHours(e.hours);
        else if (e.hours_of) out.hours_of = e.hours_of;
      }
      return out;
    }),
  };
}

/** The server names fields like "week[2][0].end" or "exceptions[3].hours[0].end"; find the form field. */
function formPath(field: string): (string | number)[] | null {
  const path = fieldPath(field);
  if (path[0] === 'week' && typeof path[1] === 'number') {
    const day = WEEKDAYS[path[1]];
    if (!day) return ['week'];
    return typeof path[2] === 'number' ? ['week', day, path[2], String(path[3] ?? 'start')] : null;
  }
  if (path[0] === 'exceptions' && typeof path[1] === 'number') {
    const key = String(path[2] ?? 'date');
    return ['exceptions', path[1], key === 'hours' ? 'hours' : key];
  }
  if (['code', 'name', 'time_zone', 'always_open'].includes(String(path[0]))) return [String(path[0])];
  return null;
}

/** "2026-10-09T10:00:00+08:00" → "2026-10-09 10:00 +08:00": the instant in the calendar's own zone. */
function calendarTime(iso: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.exec(iso);
  return match ? `${match[1]} ${match[2]} ${match[3] === 'Z' ? 'UTC' : match[3]}` : iso;
}

function timeZones(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  const zones = intl.supportedValuesOf?.('timeZone') ?? [];
  return zones.length ? zones : ['Asia/Shanghai', 'Asia/Hong_Kong', 'Asia/Tokyo', 'Europe/London', 'UTC'];
}

function WeekEditor() {
  const { t } = useTranslation();
  const timeRule = { pattern: TIME, message: t('calendars.timeFormat') };
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="week-editor">
      {WEEKDAYS.map((day) => (
        <Row key={day} gutter={8} align="top">
          <Col flex="64px" style={{ paddingTop: 5 }}>
            <Typography.Text strong>{t(`enums.weekday.${day}`)}</Typography.Text>
          </Col>
          <Col flex="auto">
            <Form.List name={['week', day]}>
              {(fields, { add, remove }) => (
                <Space wrap>
                  {fields.length === 0 && <Tag>{t('calendars.closed')}</Tag>}
                  {fields.map((field) => (
                    <Space key={field.key} size={4} align="start" data-testid={`interval-${day}`}>
                      <Form.Item name={[field.name, 'start']} rules={[{ required: true, message: t('common.required') }, timeRule]} style={{ margin: 0 }}>
                        <Input style={{ width: 72 }} placeholder="09:00" aria-label={`${t(`enums.weekday.${day}`)} ${t('calendars.start')}`} />
                      </Form.Item>
                      <span style={{ lineHeight: '32px' }}>–</span>
                      <Form.Item name={[field.name, 'end']} rules={[{ required: true, message: t('common.required') }, timeRule]} style={{ margin: 0 }}>
                        <Input style={{ width: 72 }} placeholder="18:00" aria-label={`${t(`enums.weekday.${day}`)} ${t('calendars.end')}`} />
                      </Form.Item>
                      <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('calendars.removeInterval')} />
                    </Space>
                  ))}
                  <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={() => add({ start: '09:00', end: '18:00' })}>
                    {t('calendars.addInterval')}
                  </Button>
                </Space>
              )}
            </Form.List>
          </Col>
        </Row>
      ))}
    </Space>
  );
}

function ExceptionsEditor() {
  const { t } = useTranslation();
  const form = Form.useFormInstance<Values>();
  const exceptions = Form.useWatch('exceptions', form) ?? [];
  return (
    <Form.List name="exceptions">
      {(fields, { add, remove }) => (
        <>
          <Table
            size="small"
            rowKey="key"
            tableLayout="fixed"
            scroll={{ x: 900 }}
            pagination={fields.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
            dataSource={fields}
            locale={{ emptyText: t('calendars.noExceptions') }}
            data-testid="exceptions-table"
            columns={[
              {
                title: t('calendars.date'),
                width: 160,
                render: (_, field) => (
                  <Form.Item name={[field.name, 'date']} rules={[{ required: true, message: t('common.required') }]} style={{ margin: 0 }}>
                    <DatePicker allowClear={false} />
                  </Form.Item>
                ),
              },
              {
                title: t('calendars.kind'),
                width: 140,
                render: (_, field) => (
                  <Form.Item name={[field.name, 'kind']} style={{ margin: 0 }}>
                    <Select
                      options={[
                        { value: 'holiday', label: t('calendars.holiday') },
                        { value: 'workday', label: t('calendars.workday') },
                      ]}
                    />
                  </Form.Item>
                ),
              },
              {
                title: t('calendars.exceptionName'),
                width: 180,
                render: (_, field) => (
                  <Form.Item name={[field.name, 'name']} style={{ margin: 0 }}>
                    <Input maxLength={100} />
                  </Form.Item>
                ),
              },
              {
                title: t('calendars.workHours'),
                width: 340,
                render: (_, field) =>
                  exceptions[field.name]?.kind === 'workday' ? (
                    <Space.Compact>
                      <Form.Item name={[field.name, 'hours_of']} style={{ margin: 0 }}>
                        <Select
                          allowClear
                          style={{ width: 120 }}
                          placeholder={t('calendars.hoursOf')}
                          options={WEEKDAYS.map((d) => ({ value: d, label: t(`enums.weekday.${d}`) }))}
                        />
                      </Form.Item>
                      <Form.Item name={[field.name, 'hours']} style={{ margin: 0 }}>
                        <Input style={{ width: 200 }} placeholder="09:00-12:00, 13:00-18:00" />
                      </Form.Item>
                    </Space.Compact>
                  ) : (
                    <Typography.Text type="secondary">{t('calendars.closedAllDay')}</Typography.Text>
                  ),
              },
              {
                title: '',
                width: 48,
                render: (_, field) => (
                  <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('calendars.removeException')} />
                ),
              },
            ]}
          />
          <Button type="dashed" icon={<PlusOutlined />} style={{ marginTop: 8 }} onClick={() => add({ date: null, kind: 'holiday', name: '' })}>
            {t('calendars.addException')}
          </Button>
        </>
      )}
    </Form.List>
  );
}

function DuePreview({ code }: { code: string }) {
  const { t } = useTranslation();
  const [from, setFrom] = useState<Dayjs>(() => dayjs().second(0).millisecond(0));
  const [minutes, setMinutes] = useState<number | null>(240);
  const request = useDebounced({ from: from.format(), minutes }, 300);
  const [due, setDue] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (!request.minutes || request.minutes < 1) return undefined;
    const controller = new AbortController();
    calendarDue(code, request.from, request.minutes, controller.signal)
      .then((r) => {
        setDue(r.due);
        setError(null);
      })
      .catch((cause: unknown) => {
        if (!controller.signal.aborted) {
          setDue(null);
          setError(cause);
        }
      });
    return () => controller.abort();
  }, [code, request.from, request.minutes]);
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
        <InputNumber<number>
          min={1}
          max={5256000}
          value={minutes}
          onChange={setMinutes}
          addonAfter={t('calendars.minutes')}
          aria-label={t('calendars.minutes')}
          data-testid="preview-minutes"
        />
        <span>→</span>
        {due ? (
          <Typography.Text strong data-testid="preview-due" title={formatTime(due)}>
            {calendarTime(due)}
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        )}
      </Space>
      {error !== null && <Typography.Paragraph type="danger" style={{ marginTop: 8, marginBottom: 0 }}>{errorText(t, error)}</Typography.Paragraph>}
    </Card>
  );
}

function ImportModal({ code, onClose, onImported }: { code: string; onClose: () => void; onImported: (cal: ImportedCalendar) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async () => {
    const body = text.trim();
    if (!body) return;
    setSaving(true);
    setError(null);
    try {
      const type = body.startsWith('{') ? 'application/json' : 'text/calendar';
      onImported(await importCalendar(code, body, type));
    } catch (cause) {
      setError(cause);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title={t('calendars.importTitle', { code })}
      okText={t('calendars.import')}
      okButtonProps={{ disabled: !text.trim() }}
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={onClose}
      width={720}
    >
      <Typography.Paragraph type="secondary">{t('calendars.importHelp')}</Typography.Paragraph>
      {error !== null && <Alert type="error" showIcon role="alert" message={errorText(t, error)} style={{ marginBottom: 12 }} />}
      <input
        type="file"
        accept=".ics,.json,text/calendar,application/json"
        aria-label={t('calendars.importFile')}
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) void file.text().then(setText);
        }}
        style={{ marginBottom: 12 }}
      />
      <Input.TextArea
        rows={12}
        value={text}
        onChange={(event) => setText(event.target.value)}
        placeholder={'BEGIN:VCALENDAR\n…\nEND:VCALENDAR'}
        style={{ fontFamily: 'monospace' }}
        data-testid="import-text"
      />
    </Modal>
  );
}

function CalendarEditor({
  calendar,
  isNew,
  onSaved,
}: {
  calendar: BusinessCalendar;
  isNew: boolean;
  onSaved: (cal: BusinessCalendar) => void;
}) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [importing, setImporting] = useState(false);
  const alwaysOpen = Form.useWatch('always_open', form);
  const zones = useMemo(() => timeZones().map((z) => ({ value: z, label: z })), []);

  const save = async (values: Values) => {
    setSaving(true);
    setError(null);
    try {
      const body = toCalendar(values);
      const saved = isNew ? await createCalendar(body) : await saveCalendar(body);
      notify.success(t('calendars.saved', { code: saved.code }));
      onSaved(saved);
    } catch (cause) {
      // On the field when it is on screen; always in the banner too (an exception row may be on
      // another page of the table).
      const path = cause instanceof ApiError && cause.field ? formPath(cause.field) : null;
      if (path) setFieldError(form, path, errorText(t, cause));
      setError(cause);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={isNew ? t('calendars.newTitle') : t('calendars.editTitle', { code: calendar.code })}
        extra={
          !isNew && (
            <Button icon={<ImportOutlined />} onClick={() => setImporting(true)} data-testid="calendar-import">
              {t('calendars.import')}
            </Button>
          )
        }
      >
        {error !== null && <Alert type="error" showIcon role="alert" message={errorText(t, error)} style={{ marginBottom: 16 }} />}
        <Form<Values> form={form} layout="vertical" initialValues={toValues(calendar)} onFinish={(values) => void save(values)}>
          <Row gutter={16}>
            <Col xs={24} md={6}>
              <Form.Item
                name="code"
                label={t('calendars.code')}
                rules={[{ required: true, message: t('common.required') }, { pattern: /^[a-z0-9][a-z0-9_-]{0,63}$/, message: t('calendars.codeFormat') }]}
              >
                <Input disabled={!isNew} placeholder="cn-mainland" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="name" label={t('calendars.name')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
                <Input maxLength={100} />
              </Form.Item>
            </Col>
            <Col xs={24} md={6}>
              <Form.Item name="time_zone" label={t('calendars.timeZone')} rules={[{ required: true, message: t('common.required') }]}>
                <Select showSearch options={zones} />
              </Form.Item>
            </Col>
            <Col xs={24} md={4}>
              <Form.Item name="always_open" label={t('calendars.alwaysOpen')} valuePropName="checked">
                <Switch />
              </Form.Item>
            </Col>
          </Row>
          {!alwaysOpen && (
            <>
              <Typography.Title level={5}>{t('calendars.week')}</Typography.Title>
              <WeekEditor />
              <Typography.Title level={5} style={{ marginTop: 24 }}>
                {t('calendars.exceptions')}
              </Typography.Title>
              <ExceptionsEditor />
            </>
          )}
          <div style={{ marginTop: 24 }}>
            <Button type="primary" htmlType="submit" loading={saving} data-testid="calendar-save">
              {t('common.save')}
            </Button>
          </div>
        </Form>
      </Card>
      {!isNew && <DuePreview code={calendar.code} />}
      {importing && (
        <ImportModal
          code={calendar.code}
          onClose={() => setImporting(false)}
          onImported={(cal) => {
            setImporting(false);
            notify.success(t('calendars.imported', { added: cal.imported.added, replaced: cal.imported.replaced }));
            onSaved(cal);
          }}
        />
      )}
    </Space>
  );
}

const NEW_CALENDAR: BusinessCalendar = {
  code: '',
  name: '',
  time_zone: 'Asia/Shanghai',
  always_open: false,
  week: Object.fromEntries(WEEKDAYS.map((d) => [d, STANDARD_WEEK[d].map((i) => [i.start, i.end])])),
  exceptions: [],
};

export default function Calendars() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const selected = params.get('code');
  const list = useAsync(listCalendars, []);
  const detail = useAsync(() => (selected && selected !== '+' ? getCalendar(selected) : Promise.resolve(null)), [selected]);
  const [version, setVersion] = useState(0);

  const select = (code: string | null) => setParams(code ? { code } : {}, { replace: true });

  return (
    <>
      <PageHeader
        title={t('calendars.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => select('+')}>
            {t('calendars.newTitle')}
          </Button>
        }
      />
      <Row gutter={16}>
        <Col xs={24} lg={7}>
          <Card title={t('calendars.list')}>
            {list.error && <ErrorAlert error={list.error} onRetry={() => void list.reload()} />}
            <List<BusinessCalendar>
              loading={list.loading}
              dataSource={list.data ?? []}
              locale={{ emptyText: t('calendars.empty') }}
              data-testid="calendar-list"
              renderItem={(cal) => (
                <List.Item
                  onClick={() => select(cal.code)}
                  style={{ cursor: 'pointer', background: cal.code === selected ? 'rgba(22,119,255,0.08)' : undefined, paddingInline: 8 }}
                >
                  <List.Item.Meta
                    title={cal.name}
                    description={
                      <Space size={4} wrap>
                        <Typography.Text code>{cal.code}</Typography.Text>
                        <span>{cal.time_zone}</span>
                        {cal.always_open && <Tag color="green">24×7</Tag>}
                        {cal.builtin && <Tag>{t('calendars.builtin')}</Tag>}
                      </Space>
                    }
                  />
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} lg={17}>
          {selected === '+' ? (
            <CalendarEditor
              key="new"
              calendar={NEW_CALENDAR}
              isNew
              onSaved={(cal) => {
                void list.reload();
                select(cal.code);
              }}
            />
          ) : selected ? (
            detail.error ? (
              <ErrorAlert error={detail.error} onRetry={() => void detail.reload()} />
            ) : detail.data && detail.data.code === selected ? (
              <CalendarEditor
                key={`${detail.data.code}:${version}`}
                calendar={detail.data}
                isNew={false}
                onSaved={() => {
                  void list.reload();
                  void detail.reload().then(() => setVersion((v) => v + 1));
                }}
              />
            ) : (
              <PageSpin />
            )
          ) : (
            <Card>
              <Empty description={t('calendars.selectHint')} />
            </Card>
          )}
        </Col>
      </Row>
    </>
  );
}
