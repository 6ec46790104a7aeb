// One modal for the three department edits: create (under a parent), edit (name, code) and move.
import { Alert, Form, Input, Modal } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createDepartment, updateDepartment } from '../../api/org';
import type { Department } from '../../api/types';
import DepartmentTreeSelect from '../../components/DepartmentTreeSelect';
import { errorText } from '../../components/errors';
import { subtreeIds } from '../../lib/tree';
import { showFieldError } from '../../lib/forms';

export type DepartmentEdit =
  | { mode: 'create'; parentId: number | null }
  | { mode: 'edit'; department: Department }
  | { mode: 'move'; department: Department };

interface Values {
  name?: string;
  code?: string;
  parent_id?: number | null;
}

interface Props {
  edit: DepartmentEdit;
  departments: readonly Department[];
  onClose: () => void;
  onSaved: (department: Department) => void;
}

const FIELDS = ['name', 'code', 'parent_id'] as const;

function initialValues(edit: DepartmentEdit): Values {
  switch (edit.mode) {
    case 'create':
      return { parent_id: edit.parentId ?? undefined };
    case 'edit':
      return { name: edit.department.name, code: edit.department.code ?? '' };
    case 'move':
      return { parent_id: edit.department.parent_id ?? undefined };
  }
}

function save(edit: DepartmentEdit, values: Values): Promise<Department> {
  switch (edit.mode) {
    case 'create':
      return createDepartment({
        name: (values.name ?? '').trim(),
        parent_id: values.parent_id ?? null,
        ...(values.code?.trim() ? { code: values.code.trim() } : {}),
      });
    case 'edit':
      return updateDepartment(edit.department.id, { name: (values.name ?? '').trim(), code: values.code?.trim() || null });
    case 'move':
      // The form marks the new parent as required, so it is always set here.
      return updateDepartment(edit.department.id, { parent_id: values.parent_id as number });
  }
}

export default function DepartmentModal({ edit, departments, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const blocked = useMemo(
    () => (edit.mode === 'move' ? subtreeIds(departments, edit.department.id) : undefined),
    [edit, departments],
  );

  const title =
    edit.mode === 'create'
      ? t('departments.createTitle')
      : edit.mode === 'edit'
        ? t('departments.editTitle')
        : t('departments.moveTitle', { name: edit.department.name });

  const onFinish = async (values: Values) => {
    setSaving(true);
    setError(null);
    try {
      onSaved(await save(edit, values));
    } catch (cause) {
      if (!showFieldError(form, cause, FIELDS)) setError(cause);
    } finally {
      setSaving(false);
    }
  };

  const needsParent = edit.mode === 'move' || (edit.mode === 'create' && departments.length > 0);

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
      {error !== null && <Alert type="error" showIcon message={errorText(t, error)} style={{ marginBottom: 16 }} />}
      <Form<Values> form={form} layout="vertical" initialValues={initialValues(edit)} onFinish={onFinish}>
        {edit.mode !== 'edit' && (
          <Form.Item
            name="parent_id"
            label={edit.mode === 'move' ? t('departments.newParent') : t('departments.parent')}
            rules={needsParent ? [{ required: true, message: t('common.required') }] : []}
          >
            <DepartmentTreeSelect departments={departments} disabledIds={blocked} placeholder={t('departments.noParent')} />
          </Form.Item>
        )}
        {edit.mode !== 'move' && (
          <>
            <Form.Item
              name="name"
              label={t('departments.name')}
              rules={[{ required: true, whitespace: true, message: t('common.required') }]}
            >
              <Input maxLength={100} autoFocus />
            </Form.Item>
            <Form.Item name="code" label={t('departments.code')}>
              <Input maxLength={50} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
