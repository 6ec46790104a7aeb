// One modal for the edits of a tree admin page: create (under a parent), rename (with a code where
// the items have one) and move. A server problem lands on the field it is about; a move refused
// for a name clash at the new place shows on the parent field, the one thing the user chose.
import { Form, Input, Modal } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConstrainedSchema } from '../../api/generated/constraints';
import { useSchemaRules } from '../../lib/schemaRules';
import { subtreeIds } from '../../lib/tree';
import { useSubmit } from '../../lib/useSubmit';
import SubmitAlert from '../SubmitAlert';
import TreeItemSelect from '../TreeItemSelect';
import type { TreeAdminKind, TreeEdit, TreeEditValues, TreeEntity } from './TreeAdmin';

export interface TreeEditorOptions {
  /** The request schema of a create: its required fields and length limits. */
  schema: ConstrainedSchema;
  /** The items have a code beside the name (departments). */
  withCode?: boolean;
  /** A move may go to the top level (no parent). */
  topLevelMove?: boolean;
  /** A new item needs a parent once the tree has items (one organisation root). */
  parentRequired?: boolean;
}

interface Props<T extends TreeEntity> {
  kind: TreeAdminKind;
  edit: TreeEdit<T>;
  items: readonly T[];
  options: TreeEditorOptions;
  save: (edit: TreeEdit<T>, values: TreeEditValues) => Promise<T>;
  onClose: () => void;
  onSaved: (item: T) => void;
}

function initialValues<T extends TreeEntity & { code?: string | null }>(edit: TreeEdit<T>): TreeEditValues {
  switch (edit.mode) {
    case 'create':
      return { parent_id: edit.parent?.id };
    case 'rename':
      return { name: edit.item.name, code: edit.item.code ?? '' };
    case 'move':
      return { parent_id: edit.item.parent_id ?? undefined };
  }
}

export default function TreeEditModal<T extends TreeEntity>({ kind, edit, items, options, save, onClose, onSaved }: Props<T>) {
  const { t } = useTranslation();
  const [form] = Form.useForm<TreeEditValues>();
  const schema = useSchemaRules(options.schema);
  const submit = useSubmit(form, (values: TreeEditValues) => save(edit, values), {
    onSuccess: onSaved,
    toFormPath: (field) => (edit.mode === 'move' && (field === 'name' || field === 'parent_id') ? ['parent_id'] : [field]),
  });
  const blocked = useMemo(() => (edit.mode === 'move' ? subtreeIds(items, edit.item.id) : undefined), [edit, items]);

  const title =
    edit.mode === 'create'
      ? edit.parent
        ? t(`${kind}.createChildTitle`, { parent: edit.parent.name })
        : t(`${kind}.createTitle`)
      : t(`${kind}.${edit.mode === 'rename' ? 'renameTitle' : 'moveTitle'}`, { name: edit.item.name });
  const parentNeeded = edit.mode === 'move' ? !options.topLevelMove : Boolean(options.parentRequired) && items.length > 0;

  return (
    <Modal
      open
      title={title}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={submit.pending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <SubmitAlert submit={submit} />
      <Form<TreeEditValues>
        form={form}
        layout="vertical"
        initialValues={initialValues(edit)}
        onFinish={submit.run}
        onValuesChange={submit.onValuesChange}
      >
        {edit.mode !== 'rename' && (
          <Form.Item
            name="parent_id"
            label={edit.mode === 'move' ? t(`${kind}.newParent`) : t(`${kind}.parent`)}
            extra={edit.mode === 'move' ? t(`${kind}.newParentHelp`) : undefined}
            rules={parentNeeded ? [{ required: true, message: t('common.required') }] : []}
          >
            <TreeItemSelect items={items} disabledIds={blocked} placeholder={t(`${kind}.noParent`)} />
          </Form.Item>
        )}
        {edit.mode !== 'move' && (
          <>
            <Form.Item name="name" label={t(`${kind}.name`)} rules={schema.rules('name')}>
              <Input maxLength={schema.maxLength('name')} autoFocus />
            </Form.Item>
            {options.withCode && (
              <Form.Item name="code" label={t('departments.code')}>
                <Input maxLength={schema.maxLength('code')} />
              </Form.Item>
            )}
          </>
        )}
      </Form>
    </Modal>
  );
}
