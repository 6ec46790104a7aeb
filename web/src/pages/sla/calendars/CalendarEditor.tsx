// Edits one business calendar (or a new one): code, name, zone, weekly hours and exception days,
// with the import of holidays and the due-time preview below.
import { ImportOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, Input, Row, Select, Space, Switch, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createCalendar, saveCalendar } from '../../../api/sla';
import type { BusinessCalendar } from '../../../api/slaTypes';
import SubmitAlert from '../../../components/SubmitAlert';
import { useNotify } from '../../../components/useNotify';
import { useSchemaRules } from '../../../lib/schemaRules';
import { useSubmit } from '../../../lib/useSubmit';
import DuePreview from './DuePreview';
import ExceptionsEditor from './ExceptionsEditor';
import ImportModal from './ImportModal';
import { CODE, formPath, toCalendar, toValues, type CalendarValues } from './model';
import WeekEditor from './WeekEditor';

function timeZones(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  const zones = intl.supportedValuesOf?.('timeZone') ?? [];
  return zones.length ? zones : ['Asia/Shanghai', 'Asia/Hong_Kong', 'Asia/Tokyo', 'Europe/London', 'UTC'];
}

export default function CalendarEditor({
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
  const [form] = Form.useForm<CalendarValues>();
  const [importing, setImporting] = useState(false);
  const alwaysOpen = Form.useWatch('always_open', form);
  const schema = useSchemaRules('Calendar');
  const zones = useMemo(() => timeZones().map((z) => ({ value: z, label: z })), []);

  // A problem in an exception row on another page of its table has no field on screen: the banner shows it.
  const save = useSubmit(
    form,
    (values: CalendarValues) => (isNew ? createCalendar(toCalendar(values)) : saveCalendar(toCalendar(values))),
    { success: (saved) => t('calendars.saved', { code: saved.code }), onSuccess: onSaved, toFormPath: formPath },
  );

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
        <SubmitAlert submit={save} />
        <Form<CalendarValues>
          form={form}
          layout="vertical"
          initialValues={toValues(calendar)}
          onFinish={save.run}
          onValuesChange={save.onValuesChange}
        >
          <Row gutter={16}>
            <Col xs={24} md={6}>
              <Form.Item
                name="code"
                label={t('calendars.code')}
                rules={[...schema.rules('code'), { pattern: CODE, message: t('calendars.codeFormat') }]}
              >
                <Input disabled={!isNew} placeholder="cn-mainland" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="name" label={t('calendars.name')} rules={schema.rules('name')}>
                <Input maxLength={schema.maxLength('name')} />
              </Form.Item>
            </Col>
            <Col xs={24} md={6}>
              <Form.Item name="time_zone" label={t('calendars.timeZone')} rules={schema.rules('time_zone')}>
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
            <Button type="primary" htmlType="submit" loading={save.pending} data-testid="calendar-save">
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
