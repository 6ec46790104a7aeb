import { ApartmentOutlined, EditOutlined, PlusOutlined, ReloadOutlined, StopOutlined } from '@ant-design/icons';
import { Button, Card, Col, Descriptions, Empty, Popconfirm, Row, Space, Tag, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listDepartments, updateDepartment } from '../../api/org';
import type { Department } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';
import ErrorAlert from '../../components/ErrorAlert';
import PageHeader from '../../components/PageHeader';
import PageSpin from '../../components/PageSpin';
import StatusTag from '../../components/StatusTag';
import { useNotify } from '../../components/useNotify';
import { buildTree, type TreeNode } from '../../lib/tree';
import { formatTime } from '../../lib/format';
import { useAsync } from '../../lib/useAsync';
import DepartmentModal, { type DepartmentEdit } from './DepartmentModal';

function NodeTitle({ department }: { department: Department }) {
  const { t } = useTranslation();
  return (
    <Space size={4}>
      <Typography.Text type={department.active ? undefined : 'secondary'}>{department.name}</Typography.Text>
      <Typography.Text type="secondary">({department.staff_count})</Typography.Text>
      {!department.active && <Tag>{t('common.inactive')}</Tag>}
    </Space>
  );
}

function toTreeData(nodes: readonly TreeNode<Department>[]): DataNode[] {
  return nodes.map(({ item: department, children }) => ({
    key: department.id,
    title: <NodeTitle department={department} />,
    children: toTreeData(children),
  }));
}

interface DetailProps {
  department: Department;
  departments: readonly Department[];
  canWrite: boolean;
  onEdit: (edit: DepartmentEdit) => void;
  onToggleActive: (department: Department) => Promise<void>;
}

function DepartmentDetail({ department, departments, canWrite, onEdit, onToggleActive }: DetailProps) {
  const { t } = useTranslation();
  const parent = departments.find((d) => d.id === department.parent_id);
  const actions = canWrite && (
    <Space wrap>
      <Button icon={<PlusOutlined />} onClick={() => onEdit({ mode: 'create', parentId: department.id })}>
        {t('departments.addChild')}
      </Button>
      <Button icon={<EditOutlined />} onClick={() => onEdit({ mode: 'edit', department })}>
        {t('departments.rename')}
      </Button>
      <Button icon={<ApartmentOutlined />} onClick={() => onEdit({ mode: 'move', department })}>
        {t('departments.move')}
      </Button>
      {department.active ? (
        <Popconfirm
          title={t('departments.deactivateConfirm', { name: department.name })}
          okText={t('common.confirm')}
          cancelText={t('common.cancel')}
          onConfirm={() => onToggleActive(department)}
        >
          <Button danger icon={<StopOutlined />}>
            {t('departments.deactivate')}
          </Button>
        </Popconfirm>
      ) : (
        <Button onClick={() => onToggleActive(department)}>{t('departments.reactivate')}</Button>
      )}
    </Space>
  );

  return (
    <Card title={department.name} extra={actions}>
      <Descriptions column={1} bordered size="small">
        <Descriptions.Item label={t('departments.name')}>{department.name}</Descriptions.Item>
        <Descriptions.Item label={t('departments.code')}>{department.code || t('common.none')}</Descriptions.Item>
        <Descriptions.Item label={t('departments.parent')}>
          {department.parent_id === null ? t('departments.noParent') : (parent?.name ?? "—")}
        </Descriptions.Item>
        <Descriptions.Item label={t('common.status')}>
          <StatusTag active={department.active} />
        </Descriptions.Item>
        <Descriptions.Item label={t('departments.staffCount')}>{department.staff_count}</Descriptions.Item>
        <Descriptions.Item label={t('common.createdAt')}>{formatTime(department.created_at)}</Descriptions.Item>
        <Descriptions.Item label={t('common.updatedAt')}>{formatTime(department.updated_at)}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

export default function Departments() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const canWrite = can('org.write');
  const notify = useNotify();
  const { data: departments, error, loading, reload } = useAsync(listDepartments, []);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [expanded, setExpanded] = useState<number[] | null>(null);
  const [edit, setEdit] = useState<DepartmentEdit | null>(null);

  const treeData = useMemo(() => toTreeData(buildTree(departments ?? [])), [departments]);
  const expandedKeys = expanded ?? (departments ?? []).map((d) => d.id);
  const selected = departments?.find((d) => d.id === selectedId);

  const onSaved = (department: Department) => {
    if (edit?.mode === 'create') {
      notify.success(t('departments.created', { name: department.name }));
      if (department.parent_id !== null) setExpanded([...expandedKeys, department.parent_id]);
    } else {
      notify.success(edit?.mode === 'move' ? t('departments.moved') : t('common.saved'));
    }
    setEdit(null);
    setSelectedId(department.id);
    void reload();
  };

  const onToggleActive = async (department: Department) => {
    try {
      await updateDepartment(department.id, { active: !department.active });
      notify.success(department.active ? t('departments.deactivated') : t('departments.reactivated'));
      await reload();
    } catch (cause) {
      notify.failure(cause);
    }
  };

  let tree;
  if (error) tree = <ErrorAlert error={error} onRetry={() => void reload()} />;
  else if (!departments) tree = <PageSpin />;
  else if (departments.length === 0) tree = <Empty description={t('departments.empty')} />;
  else
    tree = (
      <Tree
        blockNode
        showLine
        treeData={treeData}
        expandedKeys={expandedKeys}
        onExpand={(keys) => setExpanded(keys.map(Number))}
        selectedKeys={selectedId === null ? [] : [selectedId]}
        onSelect={(keys) => setSelectedId(keys.length > 0 ? Number(keys[0]) : null)}
      />
    );

  return (
    <>
      <PageHeader
        title={t('departments.title')}
        extra={
          <>
            <Button icon={<ReloadOutlined />} onClick={() => void reload()} loading={loading}>
              {t('common.refresh')}
            </Button>
            {canWrite && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setEdit({ mode: 'create', parentId: selectedId })}
              >
                {t('departments.addRoot')}
              </Button>
            )}
          </>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10} xl={8}>
          <Card title={t('departments.tree')}>{tree}</Card>
        </Col>
        <Col xs={24} lg={14} xl={16}>
          {selected ? (
            <DepartmentDetail
              department={selected}
              departments={departments ?? []}
              canWrite={canWrite}
              onEdit={setEdit}
              onToggleActive={onToggleActive}
            />
          ) : (
            <Card>
              <Empty description={t('departments.selectHint')} />
            </Card>
          )}
        </Col>
      </Row>
      {edit && departments && (
        <DepartmentModal edit={edit} departments={departments} onClose={() => setEdit(null)} onSaved={onSaved} />
      )}
    </>
  );
}
