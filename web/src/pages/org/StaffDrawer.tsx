// Create or edit one staff member. Server validation errors land on the field they name.
import { Alert, Button, Drawer, Form, Input, Select, Space, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createStaff, updateStaff } from '../../api/org';
import type { Department, RoleCode, Staff, StaffPatch } from '../../api/types';
import DepartmentTreeSelect from '../../components/DepartmentTreeSelect';
import { errorText } from '../../components/errors';
import { useRoleOptions } from '../../components/roles';
import { showFieldError } from '../../lib/forms';

interface Values {
  username: string;
  display_name: string;
  department_id?: number | null;
  title?: string;
  email?: string;
  phone?: string;
  roles: RoleCode[];
  password?: string;
  active: boolean;
}

const FIELDS = [
  'username',
  'display_name',
  'department_id',
  'title',
  'email',
  'phone',
  'roles',
  'password',
  'active',
] as const;

const OPTIONAL_TEXT = ['title', 'email', 'phone'] as const;

interface Props {
  /** The staff member to edit, or null to create one. */
  staff: Staff | null;
  departments: readonly Department[];
  roleCodes: readonly RoleCode[];
  onClose: () => void;
  onSaved: (staff: Staff, created: boolean) => void;
}

function initialValues(staff: Staff | null): Partial<Values> {
  if (!staff) return { roles: [], active: true };
  return {
    username: staff.username,
    display_name: staff.display_name,
    department_id: staff.department_id ?? undefined,
    title: staff.title ?? '',
    email: staff.email ?? '',
    phone: staff.phone ?? '',
    roles: staff.roles,
    active: staff.active,
  };
}

function createBody(values: Values) {
  const optional: Partial<Record<(typeof OPTIONAL_TEXT)[number], string>> = {};
  for (const key of OPTIONAL_TEXT) {
    const value = values[key]?.trim();
    if (value) optional[key] = value;
  }
  return {
    username: values.username.trim(),
    display_name: values.display_name.trim(),
    department_id: values.department_id ?? null,
    roles: values.roles,
    password: values.password ?? '',
    ...optional,
  };
}

/** Only what changed, so an edit never overwrites fields it did not touch. */
function patchBody(staff: Staff, values: Values): StaffPatch {
  const patch: StaffPatch = {};
  const displayName = values.display_name.trim();
  if (displayName !== staff.display_name) patch.display_name = displayName;
  if (values.department_id != null && values.department_id !== staff.department_id) {
    patch.department_id = values.department_id;
  }
  for (const key of OPTIONAL_TEXT) {
    const value = values[key]?.trim() ?? '';
    if (value !== (staff[key] ?? '')) patch[key] = value;
  }
  const roles = [...values.roles].sort();
  if (roles.join() !== [...staff.roles].sort().join()) patch.roles = values.roles;
  if (values.active !== staff.active) patch.active = values.active;
  if (values.password) patch.password = values.password;
  return patch;
}

export default function StaffDrawer({ staff, departments, roleCodes, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const roleOptions = useRoleOptions(roleCodes);
  const required = { required: true, whitespace: true, message: t('common.required') };

  const onFinish = async (values: Values) => {
    setSaving(true);
    setError(null);
    try {
      const saved = staff ? await updateStaff(staff.id, patchBody(staff, values)) : await createStaff(createBody(values));
      onSaved(saved, staff === null);
    } catch (cause) {
      if (!showFieldError(form, cause, FIELDS)) setError(cause);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer
      open
      width={480}
      title={staff ? t('staff.editTitle', { name: staff.display_name }) : t('staff.createTitle')}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {error !== null && <Alert type="error" showIcon message={errorText(t, error)} style={{ marginBottom: 16 }} />}
      <Form<Values> form={form} layout="vertical" initialValues={initialValues(staff)} onFinish={onFinish}>
        <Form.Item name="username" label={t('staff.username')} rules={staff ? [] : [required]}>
          <Input disabled={staff !== null} autoComplete="off" maxLength={64} />
        </Form.Item>
        <Form.Item name="display_name" label={t('staff.displayName')} rules={[required]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="department_id" label={t('staff.department')}>
          <DepartmentTreeSelect departments={departments} />
        </Form.Item>
        <Form.Item name="title" label={t('staff.jobTitle')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="email" label={t('staff.email')}>
          <Input type="email" maxLength={200} />
        </Form.Item>
        <Form.Item name="phone" label={t('staff.phone')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="roles" label={t('staff.roles')}>
          <Select mode="multiple" options={roleOptions} allowClear optionFilterProp="label" />
        </Form.Item>
        <Form.Item
          name="password"
          label={staff ? t('staff.newPassword') : t('staff.password')}
          extra={staff ? t('staff.newPasswordHelp') : t('staff.passwordHelp')}
          rules={staff ? [] : [{ required: true, message: t('common.required') }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        {staff && (
          <Form.Item name="active" label={t('staff.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        )}
      </Form>
    </Drawer>
  );
}
