// The header bell: unread count (polled every 30 s), a dropdown of recent notifications, mark
// read, and a click that opens the ticket.
import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, Flex, Popover, Spin, Tag, theme, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { listNotifications, markAllNotificationsRead, markNotificationRead } from '../api/desk';
import type { Notification } from '../api/deskTypes';
import { errorText, serverText } from '../components/errors';
import { formatTime } from '../lib/format';
import { useInterval } from '../lib/useNow';

const POLL_MS = 30_000;

const KINDS = [
  'assigned',
  'transferred',
  'sent_back',
  'escalated',
  'complaint_responsible',
  'customer_replied',
  'sla_warning',
  'sla_breach',
  'calendar_run_out',
  'assessment_yellow_card',
] as const;
type Kind = (typeof KINDS)[number];

const KIND_COLORS: Record<string, string> = {
  sla_warning: 'orange',
  sla_breach: 'red',
  calendar_run_out: 'orange',
  assessment_yellow_card: 'gold',
  escalated: 'volcano',
  sent_back: 'gold',
  customer_replied: 'green',
};

export default function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { token } = theme.useToken();
  const kindLabel = (kind: string) =>
    (KINDS as readonly string[]).includes(kind) ? t(`notifications.kinds.${kind as Kind}`) : kind;
  const [unread, setUnread] = useState(0);
  const [open, setOpen] = useState(false);
  const [items, setItems] = useState<Notification[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);

  const poll = useCallback(() => {
    listNotifications(true)
      .then((list) => {
        setUnread(list.unread_count);
        setError(null);
      })
      .catch((cause: unknown) => setError(cause));
  }, []);
  useEffect(poll, [poll]);
  useInterval(poll, POLL_MS);

  const load = useCallback(() => {
    setLoading(true);
    listNotifications(false)
      .then((list) => {
        setItems(list.items);
        setUnread(list.unread_count);
        setError(null);
      })
      .catch((cause: unknown) => setError(cause))
      .finally(() => setLoading(false));
  }, []);

  const openItem = (item: Notification) => {
    setOpen(false);
    if (!item.read_at) {
      void markNotificationRead(item.id).then(poll, () => undefined);
    }
    if (item.ticket_id) navigate(`/desk/tickets/${item.ticket_id}`);
    // A yellow card opens the result it is about.
    const args = item.args as Record<string, string> | undefined;
    if (item.kind === 'assessment_yellow_card' && args?.period_id && args.assessee_id) {
      navigate(`/assessment/periods/${args.period_id}/assessees/${args.assessee_id}`);
    }
  };

  const readAll = () => {
    markAllNotificationsRead()
      .then(() => {
        setUnread(0);
        load();
      })
      .catch((cause: unknown) => setError(cause));
  };

  const content = (
    <div style={{ width: 360 }} data-testid="notification-list">
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Text strong>{t('notifications.title')}</Typography.Text>
        <Button size="small" type="link" disabled={unread === 0} onClick={readAll}>
          {t('notifications.readAll')}
        </Button>
      </Flex>
      {error !== null && <Typography.Text type="danger">{errorText(t, error)}</Typography.Text>}
      {loading && !items ? (
        <Flex justify="center">
          <Spin />
        </Flex>
      ) : items && items.length > 0 ? (
        // Plain rows rather than antd's List, which would pull the table chunk into the shell.
        <div role="list" style={{ maxHeight: 420, overflow: 'auto' }}>
          {items.map((item) => (
            <Flex
              key={item.id}
              role="listitem"
              gap="small"
              align="baseline"
              onClick={() => openItem(item)}
              style={{
                cursor: item.ticket_id || item.kind === 'assessment_yellow_card' ? 'pointer' : 'default',
                opacity: item.read_at ? 0.6 : 1,
                padding: '8px 4px',
                borderBottom: `1px solid ${token.colorBorderSecondary}`,
              }}
              data-testid="notification-item"
            >
              <Badge status={item.read_at ? 'default' : 'processing'} />
              <Flex vertical>
                <span>
                  <Tag color={KIND_COLORS[item.kind] ?? 'default'} style={{ marginRight: 6 }}>
                    {kindLabel(item.kind)}
                  </Tag>
                  <span style={{ fontWeight: item.read_at ? 400 : 600 }}>{serverText(t, item.key, item.args, item.message)}</span>
                </span>
                <Typography.Text type="secondary">{formatTime(item.created_at)}</Typography.Text>
              </Flex>
            </Flex>
          ))}
        </div>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
      )}
    </div>
  );

  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) load();
      }}
      content={content}
    >
      <Badge count={unread} size="small" overflowCount={99}>
        <Button
          type="text"
          icon={<BellOutlined />}
          aria-label={t('notifications.bell', { count: unread })}
          data-testid="notification-bell"
        />
      </Badge>
    </Popover>
  );
}
