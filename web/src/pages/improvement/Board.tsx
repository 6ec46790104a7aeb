// 改进看板: every action the caller sees as a kanban by status, filtered by department, owner
// and source, with a chart of actions by status and age. Quality raises actions here; a link
// with ?source=complaint&source_id=42 (from a ticket, an inspection or an audit finding) opens
// the form with its source filled in.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Select, Space, Typography } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { listActions, type Action, type ActionSource } from '../../api/improvement';
import { improvementActionSourceValues } from '../../api/generated/openapi';
import { useAuth } from '../../auth/AuthContext';
import ErrorAlert from '../../components/ErrorAlert';
import PageHeader from '../../components/PageHeader';
import { DepartmentField, StaffField } from '../../components/desk/DirectoryFields';
import { useAsync } from '../../lib/useAsync';
import ActionForm, { type Prefill } from './ActionForm';
import { BOARD_COLUMNS, StatusTag, actionPath, ageDays } from './labels';

const AgeChart = lazy(() => import('./AgeChart'));

export default function Board() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [department, setDepartment] = useState<number | null>(null);
  const [owner, setOwner] = useState<number | null>(null);
  const [source, setSource] = useState<ActionSource | undefined>(undefined);
  const actions = useAsync(
    () => listActions({ department_id: department ?? undefined, owner_id: owner ?? undefined, source, limit: 500 }),
    [department, owner, source],
  );
  const prefill: Prefill | null = params.get('source')
    ? { source: params.get('source') as ActionSource, source_id: Number(params.get('source_id')) || undefined, title: params.get('title') ?? undefined }
    : null;
  const [raising, setRaising] = useState(false);
  const formOpen = can('improvement.manage') && (raising || prefill !== null);
  const byStatus = useMemo(() => {
    const m = new Map<string, Action[]>();
    for (const a of actions.data ?? []) m.set(a.status, [...(m.get(a.status) ?? []), a]);
    return m;
  }, [actions.data]);

  return (
    <>
      <PageHeader
        title={t('improvement.board.title')}
        extra={
          can('improvement.manage') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setRaising(true)} data-testid="raise-action">
              {t('improvement.form.title')}
            </Button>
          )
        }
      />
      <Space wrap style={{ marginBottom: 12 }}>
        <DepartmentField value={department} onChange={setDepartment} style={{ width: 200 }} />
        <StaffField value={owner} onChange={setOwner} placeholder={t('improvement.field.owner')} style={{ width: 200 }} />
        <Select<ActionSource>
          allowClear
          placeholder={t('improvement.field.source')}
          value={source}
          onChange={(v) => setSource(v ?? undefined)}
          options={improvementActionSourceValues.map((s) => ({ value: s, label: t(`improvement.source.${s}`) }))}
          style={{ width: 180 }}
          data-testid="board-source"
        />
      </Space>
      {actions.error && <ErrorAlert error={actions.error} onRetry={() => void actions.reload()} />}
      <Flex gap={12} style={{ overflowX: 'auto', paddingBottom: 8 }} data-testid="improvement-board">
        {BOARD_COLUMNS.map((status) => {
          const items = byStatus.get(status) ?? [];
          return (
            <Card
              key={status}
              size="small"
              title={
                <Space>
                  <StatusTag status={status} />
                  <Typography.Text type="secondary">{items.length}</Typography.Text>
                </Space>
              }
              style={{ minWidth: 220, flex: '0 0 220px' }}
              data-testid={`board-column-${status}`}
            >
              {items.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={false} />
              ) : (
                items.map((a) => (
                  <Card key={a.id} size="small" style={{ marginBottom: 8 }} data-testid="board-card">
                    <Link to={actionPath(a.id)}>{a.title}</Link>
                    <div>
                      <Typography.Text type="secondary">
                        {a.owner_name || a.proposed_by_name || '—'} · {a.due_date ?? t('improvement.board.noDue')} · {t('improvement.board.age', { days: ageDays(a.created_at) })}
                      </Typography.Text>
                    </div>
                  </Card>
                ))
              )}
            </Card>
          );
        })}
      </Flex>
      <Card size="small" title={t('improvement.chart.title')} style={{ marginTop: 16 }}>
        <Suspense fallback={null}>
          <AgeChart actions={actions.data ?? []} />
        </Suspense>
      </Card>
      {formOpen && (
        <ActionForm
          prefill={prefill ?? undefined}
          onClose={() => {
            setRaising(false);
            if (prefill) setParams({});
          }}
          onSaved={(a) => {
            setRaising(false);
            navigate(actionPath(a.id));
          }}
        />
      )}
    </>
  );
}
