// The weekly working hours of a calendar: a row of intervals per weekday.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Form, Input, Row, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { WEEKDAYS } from '../../../api/slaTypes';
import { TIME } from './model';

export default function WeekEditor() {
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
