// 校准: the calibration sessions the reader takes part in or manages, newest first and paged, each
// with how many have submitted and whether it is past its deadline; the quality department starts
// a new one here.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Tag } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { listCalibrations, type CalibrationSession } from '../../api/inspection';
import { useAuth } from '../../auth/AuthContext';
import CursorTable from '../../components/CursorTable';
import PageHeader from '../../components/PageHeader';
import { formatTime } from '../../lib/format';
import { useCursorList } from '../../lib/useCursorList';
import CalibrationForm from './CalibrationForm';

export const calibrationPath = (id: number) => `/inspection/calibrations/${id}`;

const PAGE_SIZE = 50;

export function CalibrationStateTag({ state, overdue }: { state: CalibrationSession['state']; overdue?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Tag color={state === 'open' ? 'processing' : 'default'}>{t(`inspection.calibration.states.${state}`)}</Tag>
      {overdue && (
        <Tag color="error" data-testid="calibration-overdue">
          {t('inspection.calibration.overdue')}
        </Tag>
      )}
    </>
  );
}

export default function Calibrations() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const fetchPage = useCallback((_: null, cursor: string | null, signal: AbortSignal) => listCalibrations(cursor, PAGE_SIZE, signal), []);
  const sessions = useCursorList(fetchPage, null);
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
      <CursorTable<CalibrationSession>
        rowKey="id"
        list={sessions}
        emptyText={t('inspection.calibration.empty')}
        data-testid="calibration-table"
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
          { title: t('common.status'), dataIndex: 'state', render: (_, s) => <CalibrationStateTag state={s.state} overdue={s.overdue} /> },
        ]}
      />
      {creating && <CalibrationForm onClose={() => setCreating(false)} onSaved={(s) => navigate(calibrationPath(s.id))} />}
    </>
  );
}
