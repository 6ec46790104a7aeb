// 校准: the calibration sessions the reader takes part in or manages, newest first, each with how
// many have submitted; the quality department starts a new one here.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { listCalibrations, type CalibrationSession } from '../../api/inspection';
import { useAuth } from '../../auth/AuthContext';
import ErrorAlert from '../../components/ErrorAlert';
import PageHeader from '../../components/PageHeader';
import { formatTime } from '../../lib/format';
import { useAsync } from '../../lib/useAsync';
import CalibrationForm from './CalibrationForm';

export const calibrationPath = (id: number) => `/inspection/calibrations/${id}`;

export function CalibrationStateTag({ state }: { state: CalibrationSession['state'] }) {
  const { t } = useTranslation();
  return <Tag color={state === 'open' ? 'processing' : 'default'}>{t(`inspection.calibration.states.${state}`)}</Tag>;
}

export default function Calibrations() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const sessions = useAsync(listCalibrations, []);
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader
        title={t('inspection.calibration.title')}
        extra={
          can('inspection.manage') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-calibration">
              {t('inspection.calibration.new')}
            </Button>
          )
        }
      />
      {sessions.error && <ErrorAlert error={sessions.error} onRetry={() => void sessions.reload()} />}
      <Table<CalibrationSession>
        rowKey="id"
        loading={sessions.loading}
        dataSource={sessions.data}
        data-testid="calibration-table"
        scroll={{ x: true }}
        columns={[
          { title: '#', dataIndex: 'id', render: (id: number) => <Link to={calibrationPath(id)}>{id}</Link> },
          { title: t('inspection.assign.ticket'), dataIndex: 'ticket_number' },
          { title: t('inspection.assign.scorecard'), key: 'card', render: (_, s) => `${s.scorecard_name} (v${s.scorecard_version})` },
          {
            title: t('inspection.calibration.submitted'),
            key: 'submitted',
            render: (_, s) => `${s.participants.filter((p) => p.submitted).length} / ${s.participants.length}`,
          },
          { title: t('inspection.calibration.deadline'), dataIndex: 'deadline', render: (d: string) => formatTime(d) },
          { title: t('common.status'), dataIndex: 'state', render: (state: CalibrationSession['state']) => <CalibrationStateTag state={state} /> },
        ]}
      />
      {creating && <CalibrationForm onClose={() => setCreating(false)} onSaved={(s) => navigate(calibrationPath(s.id))} />}
    </>
  );
}
