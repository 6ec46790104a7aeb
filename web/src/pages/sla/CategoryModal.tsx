// One modal for the three category edits: create (top level or under a parent), rename and move.
// A refusal from the server lands on the field it is about; a move refused for a name clash at the
// new place shows on the parent field, the one thing the user chose.
import { Alert, Form, Input, Modal, TreeSelect } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createCategory, updateCategory } from '../../api/desk';
import type { Category } from '../../api/deskTypes';
import { errorText } from '../../components/errors';
import { ApiError } from '../../api/client';
import { setFieldError } from '../../lib/forms';
import { buildTree, subtreeIds, type TreeNode } from '../../lib/tree';

export type CategoryEdit =
  | { mode: 'create'; parent: Category | null }
  | { mode: 'rename'; category: Category }
  | { mode: 'move'; category: Category };

interface Values {
  name?: string;
  parent_id?: number | null;
}

interface ParentOption {
  value: number;
  title: string;
  disabled: boolean;
  children: ParentOption[];
}

function save(edit: CategoryEdit, values: Values): Promise<Category> {
  switch (edit.mode) {
    case 'create':
      return createCategory((values.name ?? '').trim(), edit.parent?.id ?? null);
    case 'rename':
      return updateCategory(edit.category.id, { name: (values.name ?? '').trim() });
    case 'move':
      return updateCategory(edit.category.id, { parent_id: values.parent_id ?? null });
  }
}

/** The form field a server error belongs on in this mode, if any. */
function fieldFor(edit: CategoryEdit, field: string | undefined): keyof Values | null {
  if (edit.mode === 'move') return field === 'parent_id' || field === 'name' ? 'parent_id' : null;
  return field === 'name' ? 'name' : null;
}

interface Props {
  edit: CategoryEdit;
  categories: readonly Category[];
  onClose: () => void;
  onSaved: (category: Category) => void;
}

export default function CategoryModal({ edit, categories, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);

  // Possible new parents: active categories outside the moved one's own subtree.
  const parents = useMemo(() => {
    if (edit.mode !== 'move') return [];
    const blocked = subtreeIds(categories, edit.category.id);
    const toOption = ({ item, children }: TreeNode<Category>): ParentOption => ({
      value: item.id,
      title: item.name,
      disabled: blocked.has(item.id),
      children: children.map(toOption),
    });
    return buildTree(categories.filter((c) => c.active)).map(toOption);
  }, [edit, categories]);

  const title =
    edit.mode === 'create'
      ? edit.parent
        ? t('categories.createChildTitle', { parent: edit.parent.name })
        : t('categories.createTitle')
      : edit.mode === 'rename'
        ? t('categories.renameTitle', { name: edit.category.name })
        : t('categories.moveTitle', { name: edit.category.name });

  const onFinish = async (values: Values) => {
    setSaving(true);
    setError(null);
    try {
      onSaved(await save(edit, values));
    } catch (cause) {
      const field = fieldFor(edit, cause instanceof ApiError ? cause.field : undefined);
      if (field) setFieldError(form, [field], errorText(t, cause));
      else setError(cause);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={title}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {error !== null && (
        <Alert type="error" showIcon role="alert" message={errorText(t, error)} style={{ marginBottom: 16 }} />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={
          edit.mode === 'rename'
            ? { name: edit.category.name }
            : edit.mode === 'move'
              ? { parent_id: edit.category.parent_id ?? undefined }
              : {}
        }
        onFinish={(values) => void onFinish(values)}
      >
        {edit.mode === 'move' ? (
          <Form.Item name="parent_id" label={t('categories.newParent')} extra={t('categories.newParentHelp')}>
            <TreeSelect<number | null>
              showSearch
              allowClear
              treeNodeFilterProp="title"
              treeDefaultExpandAll
              popupMatchSelectWidth={false}
              placeholder={t('categories.topLevel')}
              treeData={parents}
              onChange={() => form.setFields([{ name: 'parent_id', errors: [] }])}
            />
          </Form.Item>
        ) : (
          <Form.Item
            name="name"
            label={t('categories.name')}
            rules={[{ required: true, whitespace: true, message: t('common.required') }]}
          >
            <Input maxLength={100} autoFocus />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
