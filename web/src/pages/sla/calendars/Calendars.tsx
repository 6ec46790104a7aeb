// Business calendars: the list, an editor (weekly working hours, holidays and make-up working days,
// import of JSON or iCalendar), and a live due-time preview computed by the server.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, List, Row, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { getCalendar, listCalendars } from '../../../api/sla';
import type { BusinessCalendar } from '../../../api/slaTypes';
import ErrorAlert from '../../../components/ErrorAlert';
import PageHeader from '../../../components/PageHeader';
import PageSpin from '../../../components/PageSpin';
import { useAsync } from '../../../lib/useAsync';
import CalendarEditor from './CalendarEditor';
import { NEW_CALENDAR } from './model';
import { KnownYears } from './RunOut';

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
                        <KnownYears calendar={cal} />
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
