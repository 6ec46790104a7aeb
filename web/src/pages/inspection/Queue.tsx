// 质检任务: the inspection queue. Mine (where I am the inspector) or, for the quality department,
// all of them by state, department and inspector; quality assigns new ones here.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Radio, Select, Space, Table } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { listInspections, type Inspection, type InspectionQuery, type InspectionState } from '../../api/inspection';
import { inspectionStateValues } from '../../api/generated/openapi';
import { useAuth, useMe } from '../../auth/AuthContext';
import ErrorAlert from '../../components/ErrorAlert';
import LoadMore from '../../components/LoadMore';
import PageHeader from '../../components/PageHeader';
import { DepartmentField, StaffField } from '../../components/desk/DirectoryFields';
import { formatTime } from '../../lib/format';
import { toApiError } from '../../lib/useAsync';
import type { ApiError } from '../../api/client';
import AssignForm from './AssignForm';
import { formatPercent } from './ScoreSummary';
import { StateTag, Subject, idColumn, inspectionPath } from './labels';

const PAGE = 50;

export default function Queue() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const me = useMe();
  const manage = can('inspection.manage');
  const [scope, setScope] = useState<'mine' | 'all'>(manage ? 'all' : 'mine');
  const [state, setState] = useState<InspectionState | undefined>(undefined);
  const [department, setDepartment] = useState<number | null>(null);
  const [inspector, setInspector] = useState<number | null>(null);
  const [rows, setRows] = useState<Inspection[]>([]);
  const [more, setMore] = useState(false);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError | null>(null);
  const [assigning, setAssigning] = useState(false);
  const [generation, setGeneration] = useState(0);

  const query: InspectionQuery = {
    state,
    department_id: scope === 'all' ? (department ?? undefined) : undefined,
    inspector_id: scope === 'mine' ? me.id : (inspector ?? undefined),
    limit: PAGE,
  };
  const key = JSON.stringify(query);

  const load = async (append: boolean) => {
    setLoading(true);
    try {
      const before = append && rows.length > 0 ? rows[rows.length - 1].id : undefined;
      const page = await listInspections(JSON.parse(key) as InspectionQuery, before);
      setRows((r) => (append ? [...r, ...page] : page));
      setMore(page.length === PAGE);
      setError(null);
    } catch (cause) {
      setError(toApiError(cause));
    } finally {
      setLoading(false);
    }
  };

  useEffect(() => {
    void load(false);
  }, [key, generation]);

  return (
    <>
      <PageHeader
        title={t('inspection.queue.title')}
        extra={
          manage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAssigning(true)} data-testid="assign-inspection">
              {t('inspection.assign.title')}
            </Button>
          )
        }
      />
      <Space wrap style={{ marginBottom: 12 }}>
        <Radio.Group value={scope} onChange={(e) => setScope(e.target.value as 'mine' | 'all')} optionType="button">
          <Radio.Button value="mine">
            {t('inspection.queue.mine')}
          </Radio.Button>
          <Radio.Button value="all">
            {t('inspection.queue.all')}
          </Radio.Button>
        </Radio.Group>
        <Select<InspectionState>
          allowClear
          placeholder={t('inspection.queue.anyState')}
          value={state}
          onChange={(v) => setState(v ?? undefined)}
          options={inspectionStateValues.map((s) => ({ value: s, label: t(`inspection.state.${s}`) }))}
          style={{ width: 160 }}
          data-testid="queue-state"
        />
        {scope === 'all' && (
          <>
            <DepartmentField value={department} onChange={setDepartment} style={{ width: 200 }} />
            <StaffField value={inspector} onChange={setInspector} placeholder={t('inspection.assign.inspector')} style={{ width: 200 }} />
          </>
        )}
      </Space>
      {error && <ErrorAlert error={error} onRetry={() => void load(false)} />}
      <Table<Inspection>
        rowKey="id"
        loading={loading}
        dataSource={rows}
        pagination={false}
        scroll={{ x: true }}
        data-testid="inspection-table"
        columns={[
          idColumn(),
          { title: t('inspection.field.subject'), key: 'subject', render: (_, i) => <Subject inspection={i} /> },
          { title: t('inspection.field.agent'), key: 'agent', render: (_, i) => i.agent_name || '—' },
          { title: t('inspection.field.inspector'), dataIndex: 'inspector_name' },
          { title: t('common.status'), dataIndex: 'state', render: (s: InspectionState) => <StateTag state={s} /> },
          { title: t('inspection.field.score'), dataIndex: 'percent', render: (p: number | null) => formatPercent(p) },
          { title: t('common.createdAt'), dataIndex: 'created_at', render: (at: string) => formatTime(at) },
          {
            title: '',
            key: 'open',
            render: (_, i) => (
              <Link to={inspectionPath(i.id)} data-testid="open-inspection">
                {i.inspector_id === me.id && (i.state === 'assigned' || i.state === 'in_progress') ? t('inspection.queue.score') : t('inspection.queue.open')}
              </Link>
            ),
          },
        ]}
      />
      <LoadMore count={rows.length} hasMore={more} loading={loading} onLoadMore={() => void load(true)} />
      {assigning && <AssignForm onClose={() => setAssigning(false)} onSaved={() => setGeneration((g) => g + 1)} />}
    </>
  );
}
