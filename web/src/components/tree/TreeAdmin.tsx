// The admin page of a tree kept as a flat parent_id list (departments, the service catalogue): the
// tree on the left, the selected item's details and actions on the right (add below, rename, move,
// deactivate / reactivate), and one modal for the edits.
import { ApartmentOutlined, EditOutlined, PlusOutlined, ReloadOutlined, StopOutlined } from '@ant-design/icons';
import { Button, Card, Col, Descriptions, Empty, Flex, Popconfirm, Row, Space, Switch, Tag, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { buildTree, type TreeItem, type TreeNode } from '../../lib/tree';
import { useAsync } from '../../lib/useAsync';
import ErrorAlert from '../ErrorAlert';
import PageHeader from '../PageHeader';
import PageSpin from '../PageSpin';
import { useNotify } from '../useNotify';
import TreeEditModal, { type TreeEditorOptions } from './TreeEditModal';

/** The i18n section with the page's texts; both have the same keys. */
export type TreeAdminKind = 'departments' | 'categories';

export type TreeEntity = TreeItem & { active: boolean; code?: string | null };

export type TreeEdit<T> = { mode: 'create'; parent: T | null } | { mode: 'rename'; item: T } | { mode: 'move'; item: T };

export interface TreeEditValues {
  name?: string;
  code?: string;
  parent_id?: number | null;
}

export interface DetailRow {
  label: ReactNode;
  value: ReactNode;
  testId?: string;
}

interface Props<T extends TreeEntity> {
  kind: TreeAdminKind;
  /** Prefix of the test ids: `<testId>-tree`, `-node`, `-detail`. */
  testId: string;
  load: () => Promise<T[]>;
  canWrite: boolean;
  save: (edit: TreeEdit<T>, values: TreeEditValues) => Promise<T>;
  setActive: (item: T, active: boolean) => Promise<unknown>;
  /** After any change (e.g. to forget cached copies of the tree). */
  afterChange?: () => void;
  editor: TreeEditorOptions;
  /** Inactive items are hidden behind a switch (else always shown, greyed). */
  inactiveSwitch?: boolean;
  intro?: ReactNode;
  /** Shown after an item's name in the tree (e.g. its staff count). */
  nodeExtra?: (item: T) => ReactNode;
  /** The rows of the selected item's details after its name. */
  details: (item: T, items: readonly T[]) => DetailRow[];
}

export default function TreeAdmin<T extends TreeEntity>(props: Props<T>) {
  const { kind, testId, canWrite, inactiveSwitch } = props;
  const { t } = useTranslation();
  const notify = useNotify();
  const { data: items, error, loading, reload } = useAsync(props.load, []);
  const [showInactive, setShowInactive] = useState(!inactiveSwitch);
  // A link may name the item to show (?id=, e.g. from the audit log).
  const [params] = useSearchParams();
  const [selectedId, setSelectedId] = useState<number | null>(() => Number(params.get('id')) || null);
  // Everything is expanded but what the user folded, so items that appear later show open.
  const [collapsed, setCollapsed] = useState<ReadonlySet<number>>(new Set());
  const [edit, setEdit] = useState<TreeEdit<T> | null>(null);

  const visible = useMemo(() => (items ?? []).filter((item) => showInactive || item.active), [items, showInactive]);
  const treeData = useMemo(() => {
    const toData = (nodes: readonly TreeNode<T>[]): DataNode[] =>
      nodes.map(({ item, children }) => ({
        key: item.id,
        title: (
          <Space size={4} data-testid={`${testId}-node`} data-active={item.active}>
            <Typography.Text type={item.active ? undefined : 'secondary'}>{item.name}</Typography.Text>
            {props.nodeExtra?.(item)}
            {!item.active && <Tag>{t('common.inactive')}</Tag>}
          </Space>
        ),
        children: toData(children),
      }));
    return toData(buildTree(visible));
  }, [visible, testId, props.nodeExtra, t]);
  const expandedKeys = visible.map((item) => item.id).filter((id) => !collapsed.has(id));
  const unfold = (id: number | null) => {
    if (id !== null && collapsed.has(id)) setCollapsed(new Set([...collapsed].filter((c) => c !== id)));
  };
  const selected = items?.find((item) => item.id === selectedId);

  const changed = async () => {
    props.afterChange?.();
    await reload();
  };

  const onSaved = (item: T) => {
    if (edit?.mode === 'rename') notify.success(t(`${kind}.renamed`, { name: item.name }));
    else notify.success(edit?.mode === 'create' ? t(`${kind}.created`, { name: item.name }) : t(`${kind}.moved`));
    unfold(item.parent_id);
    setEdit(null);
    setSelectedId(item.id);
    void changed();
  };

  const toggleActive = async (item: T) => {
    try {
      await props.setActive(item, !item.active);
      notify.success(item.active ? t(`${kind}.deactivated`) : t(`${kind}.reactivated`));
      await changed();
    } catch (cause) {
      notify.failure(cause);
    }
  };

  let tree;
  if (error) tree = <ErrorAlert error={error} onRetry={() => void reload()} />;
  else if (!items) tree = <PageSpin />;
  else if (visible.length === 0) tree = <Empty description={t(`${kind}.empty`)} />;
  else
    tree = (
      <Tree
        blockNode
        showLine
        treeData={treeData}
        expandedKeys={expandedKeys}
        onExpand={(keys) => {
          const open = new Set(keys.map(Number));
          setCollapsed(new Set(visible.map((item) => item.id).filter((id) => !open.has(id))));
        }}
        selectedKeys={selectedId === null ? [] : [selectedId]}
        // A click on the selected item keeps it selected (the details stay open).
        onSelect={(_, { node }) => setSelectedId(Number(node.key))}
        data-testid={`${testId}-tree`}
      />
    );

  return (
    <>
      <PageHeader
        title={t(`${kind}.title`)}
        extra={
          <>
            <Button icon={<ReloadOutlined />} onClick={() => void reload()} loading={loading}>
              {t('common.refresh')}
            </Button>
            {canWrite && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEdit({ mode: 'create', parent: null })}>
                {t(`${kind}.addRoot`)}
              </Button>
            )}
          </>
        }
      />
      {props.intro && <Typography.Paragraph type="secondary">{props.intro}</Typography.Paragraph>}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10} xl={8}>
          <Card
            title={t(`${kind}.tree`)}
            extra={
              inactiveSwitch && (
                <Flex gap="small" align="center">
                  <Typography.Text type="secondary">{t('common.showInactive')}</Typography.Text>
                  <Switch
                    size="small"
                    checked={showInactive}
                    onChange={setShowInactive}
                    aria-label={t('common.showInactive')}
                    data-testid="show-inactive"
                  />
                </Flex>
              )
            }
          >
            {tree}
          </Card>
        </Col>
        <Col xs={24} lg={14} xl={16}>
          {selected ? (
            <Card
              title={selected.name}
              data-testid={`${testId}-detail`}
              extra={canWrite && <ItemActions kind={kind} item={selected} onEdit={setEdit} onToggleActive={toggleActive} />}
            >
              <Descriptions column={1} bordered size="small">
                <Descriptions.Item label={t(`${kind}.name`)}>{selected.name}</Descriptions.Item>
                {props.details(selected, items ?? []).map((row, index) => (
                  <Descriptions.Item key={index} label={row.label}>
                    {row.testId ? <span data-testid={row.testId}>{row.value}</span> : row.value}
                  </Descriptions.Item>
                ))}
              </Descriptions>
            </Card>
          ) : (
            <Card>
              <Empty description={t(`${kind}.selectHint`)} />
            </Card>
          )}
        </Col>
      </Row>
      {edit && items && (
        <TreeEditModal
          kind={kind}
          edit={edit}
          items={items}
          options={props.editor}
          save={props.save}
          onClose={() => setEdit(null)}
          onSaved={onSaved}
        />
      )}
    </>
  );
}

interface ActionsProps<T extends TreeEntity> {
  kind: TreeAdminKind;
  item: T;
  onEdit: (edit: TreeEdit<T>) => void;
  onToggleActive: (item: T) => Promise<void>;
}

function ItemActions<T extends TreeEntity>({ kind, item, onEdit, onToggleActive }: ActionsProps<T>) {
  const { t } = useTranslation();
  return (
    <Space wrap>
      <Button icon={<PlusOutlined />} disabled={!item.active} onClick={() => onEdit({ mode: 'create', parent: item })}>
        {t(`${kind}.addChild`)}
      </Button>
      <Button icon={<EditOutlined />} onClick={() => onEdit({ mode: 'rename', item })}>
        {t(`${kind}.rename`)}
      </Button>
      <Button icon={<ApartmentOutlined />} onClick={() => onEdit({ mode: 'move', item })}>
        {t(`${kind}.move`)}
      </Button>
      {item.active ? (
        <Popconfirm
          title={t(`${kind}.deactivateConfirm`, { name: item.name })}
          okText={t('common.confirm')}
          cancelText={t('common.cancel')}
          onConfirm={() => onToggleActive(item)}
        >
          <Button danger icon={<StopOutlined />}>
            {t(`${kind}.deactivate`)}
          </Button>
        </Popconfirm>
      ) : (
        <Button onClick={() => void onToggleActive(item)}>{t(`${kind}.reactivate`)}</Button>
      )}
    </Space>
  );
}
