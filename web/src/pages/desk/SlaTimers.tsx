// The ticket's SLA timers: due time, remaining business time counting down, pauses and overruns.
// The countdown is display only: it subtracts the wall time since the ticket was fetched from the
// server's remaining_business_ms, and the page re-fetches often enough to correct it (the server
// knows the business calendar; the browser does not).
import { PauseCircleOutlined } from '@ant-design/icons';
import { Card, Col, Descriptions, Empty, Row, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SlaTimer } from '../../api/deskTypes';
import { TimerStateTag } from '../../components/desk/tags';
import { formatDuration, formatMinutes } from '../../lib/duration';
import { formatTime } from '../../lib/format';
import { useNow } from '../../lib/useNow';

const CONTINUOUS_TOLERANCE_MS = 2000;

function Remaining({ timer, fetchedAt }: { timer: SlaTimer; fetchedAt: number }) {
  const { t } = useTranslation();
  const now = useNow(1000);
  if (timer.state === 'met') {
    return <Typography.Text type="success">{t('sla.metAt', { time: formatTime(timer.stopped_at) })}</Typography.Text>;
  }
  if (timer.state === 'breached') {
    return (
      <Typography.Text type="danger" data-testid="timer-overrun">
        {t('sla.overrun', {
          business: formatDuration(timer.overrun_business_ms),
          wall: formatDuration(timer.overrun_wall_ms),
        })}
      </Typography.Text>
    );
  }
  const running = timer.state === 'running';
  // Count down by wall time only while it equals business time: when everything from the fetch
  // to the due time is working time (due − fetched = remaining). With a closed period in between
  // (night, weekend, holiday) the browser cannot tell when the clock runs, so the server's figure
  // stands until the next re-fetch.
  const dueAt = timer.due_at ? Date.parse(timer.due_at) : NaN;
  const ticking = running && Math.abs(dueAt - fetchedAt - timer.remaining_business_ms) < CONTINUOUS_TOLERANCE_MS;
  const remaining = ticking ? timer.remaining_business_ms - (now - fetchedAt) : timer.remaining_business_ms;
  if (remaining < 0) {
    return <Typography.Text type="danger">{t('sla.overdueBy', { time: formatDuration(-remaining) })}</Typography.Text>;
  }
  return (
    <Space>
      <Typography.Text strong type={timer.warning_reached ? 'warning' : undefined} data-testid="timer-remaining">
        {formatDuration(remaining)}
      </Typography.Text>
      {!running && (
        <Typography.Text type="secondary">
          <PauseCircleOutlined /> {t('sla.frozen')}
        </Typography.Text>
      )}
      {running && !ticking && <Typography.Text type="secondary">{t('sla.offHours')}</Typography.Text>}
    </Space>
  );
}

function TimerCard({ timer, fetchedAt }: { timer: SlaTimer; fetchedAt: number }) {
  const { t } = useTranslation();
  const openPause = timer.pauses.find((p) => p.to === null);
  return (
    <Card
      size="small"
      data-testid="sla-timer"
      data-kind={timer.kind}
      data-state={timer.state}
      title={
        <Space>
          {t(`enums.timerKind.${timer.kind}`)}
          <TimerStateTag state={timer.state} warning={timer.warning_reached} />
        </Space>
      }
    >
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('sla.remaining')}>
          <Remaining timer={timer} fetchedAt={fetchedAt} />
        </Descriptions.Item>
        <Descriptions.Item label={t('sla.due')}>
          {timer.due_at ? formatTime(timer.due_at) : <Typography.Text type="secondary">{t('sla.dueUnknown')}</Typography.Text>}
        </Descriptions.Item>
        <Descriptions.Item label={t('sla.target')}>
          {t('sla.targetOn', { target: formatMinutes(timer.target_minutes), calendar: timer.calendar })}
        </Descriptions.Item>
        {openPause && (
          <Descriptions.Item label={t('sla.pausedSince')}>
            <Typography.Text type="warning" data-testid="timer-paused">
              <PauseCircleOutlined /> {formatTime(openPause.from)}
            </Typography.Text>
          </Descriptions.Item>
        )}
        {timer.pauses.length > 0 && (
          <Descriptions.Item label={t('sla.pauses')}>
            <Space direction="vertical" size={0}>
              {timer.pauses.map((pause) => (
                <Typography.Text key={pause.from} type="secondary">
                  {formatTime(pause.from)} – {pause.to ? formatTime(pause.to) : t('sla.ongoing')}
                </Typography.Text>
              ))}
              {timer.paused_business_ms > 0 && (
                <Typography.Text type="secondary">
                  {t('sla.pausedTotal', { time: formatDuration(timer.paused_business_ms) })}
                </Typography.Text>
              )}
            </Space>
          </Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
}

export default function SlaTimers({ timers, fetchedAt }: { timers: readonly SlaTimer[]; fetchedAt: number }) {
  const { t } = useTranslation();
  if (timers.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('sla.noTimers')} />;
  return (
    <Row gutter={[12, 12]}>
      {timers.map((timer) => (
        <Col key={timer.id} xs={24} md={12} xl={8}>
          <TimerCard timer={timer} fetchedAt={fetchedAt} />
        </Col>
      ))}
    </Row>
  );
}
