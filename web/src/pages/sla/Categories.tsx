// The service catalogue (ticket categories) as a tree: add, rename, move, deactivate and reactivate.
// SLA policies match a category and everything below it, so the tree's shape matters to them.
import { ApartmentOutlined, EditOutlined, PlusOutlined, ReloadOutlined, StopOutlined } from '@ant-design/icons';
import { Button, Card, Col, Descriptions, Empty, Flex, Popconfirm, Row, Space, Switch, Tag, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listCategories, updateCategory } from '../../api/desk';
import type { Category } from '../../api/deskTypes';
import ErrorAlert from '../../components/ErrorAlert';
import PageHeader from '../../components/PageHeader';
import PageSpin from '../../components/PageSpin';
import StatusTag from '../../components/StatusTag';
import { invalidateCategories } from '../../components/desk/CategoryTreeSelect';
import { useNotify } from '../../components/useNotify';
import { buildTree, pathNames, type TreeNode } from '../../lib/tree';
import { useAsync } from '../../lib/useAsync';
import CategoryModal, { type CategoryEdit } from './CategoryModal';

function NodeTitle({ category }: { category: Category }) {
  const { t } = useTranslation();
  return (
    <Space size={4} data-testid="category-node" data-active={category.active}>
      <Typography.Text type={category.active ? undefined : 'secondary'}>{category.name}</Typography.Text>
      {!category.active && <Tag>{t('common.inactive')}</Tag>}
    </Space>
  );
}

function toTreeData(nodes: readonly TreeNode<Category>[]): DataNode[] {
  return nodes.map(({ item, children }) => ({
    key: item.id,
    title: <NodeTitle category={item} />,
    children: toTreeData(children),
  }));
}

interface DetailProps {
  category: Category;
  categories: readonly Category[];
  onEdit: (edit: CategoryEdit) => void;
  onToggleActive: (category: Category) => Promise<void>;
}

function CategoryDetail({ category, categories, onEdit, onToggleActive }: DetailProps) {
  const { t } = useTranslation();
  const parent = categories.find((c) => c.id === category.parent_id);
  const children = categories.filter((c) => c.parent_id === category.id);
  const actions = (
    <Space wrap>
      <Button icon={<PlusOutlined />} disabled={!category.active} onClick={() => onEdit({ mode: 'create', parent: category })}>
        {t('categories.addChild')}
      </Button>
      <Button icon={<EditOutlined />} onClick={() => onEdit({ mode: 'rename', category })}>
        {t('categories.rename')}
      </Button>
      <Button icon={<ApartmentOutlined />} onClick={() => onEdit({ mode: 'move', category })}>
        {t('categories.move')}
      </Button>
      {category.active ? (
        <Popconfirm
          title={t('categories.deactivateConfirm', { name: category.name })}
          okText={t('common.confirm')}
          cancelText={t('common.cancel')}
          onConfirm={() => onToggleActive(category)}
        >
          <Button danger icon={<StopOutlined />}>
            {t('categories.deactivate')}
          </Button>
        </Popconfirm>
      ) : (
        <Button onClick={() => void onToggleActive(category)}>{t('categories.reactivate')}</Button>
      )}
    </Space>
  );

  return (
    <Card title={category.name} extra={actions} data-testid="category-detail">
      <Descriptions column={1} bordered size="small">
        <Descriptions.Item label={t('categories.name')}>{category.name}</Descriptions.Item>
        <Descriptions.Item label={t('categories.path')}>
          <span data-testid="category-path">{pathNames(categories, category.id).join(' / ')}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('categories.parent')}>
          {category.parent_id === null ? t('categories.topLevel') : (parent?.name ?? `#${category.parent_id}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t('categories.children')}>
          {children.length === 0 ? t('common.none') : children.map((c) => c.name).join(t('common.listSeparator'))}
        </Descriptions.Item>
        <Descriptions.Item label={t('common.status')}>
          <StatusTag active={category.active} />
        </Descriptions.Item>
        <Descriptions.Item label="ID">{category.id}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

export default function Categories() {
  const { t } = useTranslation();
  const notify = useNotify();
  const { data: categories, error, loading, reload } = useAsync(listCategories, []);
  const [showInactive, setShowInactive] = useState(false);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  // Everything is expanded but what the user folded, so categories that appear later show open.
  const [collapsed, setCollapsed] = useState<ReadonlySet<number>>(new Set());
  const [edit, setEdit] = useState<CategoryEdit | null>(null);

  const visible = useMemo(
    () => (categories ?? []).filter((c) => showInactive || c.active),
    [categories, showInactive],
  );
  const treeData = useMemo(() => toTreeData(buildTree(visible)), [visible]);
  const expandedKeys = visible.map((c) => c.id).filter((id) => !collapsed.has(id));
  const unfold = (id: number | null) => {
    if (id !== null && collapsed.has(id)) setCollapsed(new Set([...collapsed].filter((c) => c !== id)));
  };
  const selected = categories?.find((c) => c.id === selectedId);

  const changed = async () => {
    invalidateCategories();
    await reload();
  };

  const onSaved = (category: Category) => {
    if (edit?.mode === 'create') {
      notify.success(t('categories.created', { name: category.name }));
      unfold(category.parent_id);
    } else if (edit?.mode === 'rename') {
      notify.success(t('categories.renamed', { name: category.name }));
    } else {
      notify.success(t('categories.moved'));
      unfold(category.parent_id);
    }
    setEdit(null);
    setSelectedId(category.id);
    void changed();
  };

  const onToggleActive = async (category: Category) => {
    try {
      await updateCategory(category.id, { active: !category.active });
      notify.success(category.active ? t('categories.deactivated') : t('categories.reactivated'));
      await changed();
    } catch (cause) {
      notify.failure(cause);
    }
  };

  let tree;
  if (error) tree = <ErrorAlert error={error} onRetry={() => void reload()} />;
  else if (!categories) tree = <PageSpin />;
  else if (visible.length === 0) tree = <Empty description={t('categories.empty')} />;
  else
    tree = (
      <Tree
        blockNode
        showLine
        treeData={treeData}
        expandedKeys={expandedKeys}
        onExpand={(keys) => {
          const open = new Set(keys.map(Number));
          setCollapsed(new Set(visible.map((c) => c.id).filter((id) => !open.has(id))));
        }}
        selectedKeys={selectedId === null ? [] : [selectedId]}
        // A click on the selected category keeps it selected (the detail stays open).
        onSelect={(_, { node }) => setSelectedId(Number(node.key))}
        data-testid="category-tree"
      />
    );

  return (
    <>
      <PageHeader
        title={t('categories.title')}
        extra={
          <>
            <Button icon={<ReloadOutlined />} onClick={() => void reload()} loading={loading}>
              {t('common.refresh')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEdit({ mode: 'create', parent: null })}>
              {t('categories.addRoot')}
            </Button>
          </>
        }
      />
      <Typography.Paragraph type="secondary">{t('categories.intro')}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10} xl={8}>
          <Card
            title={t('categories.tree')}
            extra={
              <Flex gap="small" align="center">
                <Typography.Text type="secondary">{t('categories.showInactive')}</Typography.Text>
                <Switch
                  size="small"
                  checked={showInactive}
                  onChange={setShowInactive}
                  aria-label={t('categories.showInactive')}
                  data-testid="show-inactive"
                />
              </Flex>
            }
          >
            {tree}
          </Card>
        </Col>
        <Col xs={24} lg={14} xl={16}>
          {selected ? (
            <CategoryDetail category={selected} categories={categories ?? []} onEdit={setEdit} onToggleActive={onToggleActive} />
          ) : (
            <Card>
              <Empty description={t('categories.selectHint')} />
            </Card>
          )}
        </Col>
      </Row>
      {edit && categories && (
        <CategoryModal edit={edit} categories={categories} onClose={() => setEdit(null)} onSaved={onSaved} />
      )}
    </>
  );
}
