// A calendar's dated exceptions: holidays, and make-up working days with their hours.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, Select, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { WEEKDAYS } from '../../../api/slaTypes';
import type { CalendarValues } from './model';

export default function ExceptionsEditor() {
  const { t } = useTranslation();
  const form = Form.useFormInstance<CalendarValues>();
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
