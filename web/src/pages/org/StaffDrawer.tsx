// Create or edit one staff member. Required fields are marked as the server requires them (a
// department for staff, none for customers and evaluators); every server problem lands on its field.
import { Button, Drawer, Form, Input, Select, Space, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { createStaff, updateStaff } from '../../api/org';
import type { Department, RoleCode, Staff, StaffPatch } from '../../api/types';
import TreeItemSelect from '../../components/TreeItemSelect';
import { useRoleOptions } from '../../components/roles';
import SubmitAlert from '../../components/SubmitAlert';
import { useSchemaRules } from '../../lib/schemaRules';
import { useSubmit } from '../../lib/useSubmit';

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

/** Staff need a department; an account that is only a customer or an evaluator may have none. */
export function needsDepartment(roles: readonly RoleCode[] | undefined): boolean {
  return (roles ?? []).some((role) => role !== 'customer' && role !== 'evaluator');
}

export default function StaffDrawer({ staff, departments, roleCodes, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const roleOptions = useRoleOptions(roleCodes);
  const schema = useSchemaRules('StaffCreate');
  const roles = Form.useWatch('roles', form);
  const submit = useSubmit(
    form,
    (values: Values) => (staff ? updateStaff(staff.id, patchBody(staff, values)) : createStaff(createBody(values))),
    { onSuccess: (saved) => onSaved(saved, staff === null) },
  );

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
          <Button type="primary" loading={submit.pending} onClick={() => form.submit()}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <SubmitAlert submit={submit} />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initialValues(staff)}
        onFinish={submit.run}
        onValuesChange={submit.onValuesChange}
      >
        <Form.Item name="username" label={t('staff.username')} rules={staff ? [] : schema.rules('username')}>
          <Input disabled={staff !== null} autoComplete="off" maxLength={schema.maxLength('username')} />
        </Form.Item>
        <Form.Item name="display_name" label={t('staff.displayName')} rules={schema.rules('display_name')}>
          <Input maxLength={schema.maxLength('display_name')} />
        </Form.Item>
        <Form.Item
          name="department_id"
          label={t('staff.department')}
          dependencies={['roles']}
          rules={schema.rules('department_id', { required: needsDepartment(roles), type: 'number' })}
        >
          <TreeItemSelect items={departments} />
        </Form.Item>
        <Form.Item name="title" label={t('staff.jobTitle')}>
          <Input maxLength={schema.maxLength('title')} />
        </Form.Item>
        <Form.Item name="email" label={t('staff.email')}>
          <Input type="email" maxLength={schema.maxLength('email')} />
        </Form.Item>
        <Form.Item name="phone" label={t('staff.phone')}>
          <Input maxLength={schema.maxLength('phone')} />
        </Form.Item>
        <Form.Item name="roles" label={t('staff.roles')} rules={schema.rules('roles', { type: 'array' })}>
          <Select mode="multiple" options={roleOptions} allowClear optionFilterProp="label" />
        </Form.Item>
        <Form.Item
          name="password"
          label={staff ? t('staff.newPassword') : t('staff.password')}
          extra={staff ? t('staff.newPasswordHelp') : t('staff.passwordHelp', { count: schema.minLength('password') })}
          rules={schema.rules('password', { required: !staff })}
        >
          <Input.Password autoComplete="new-password" maxLength={schema.maxLength('password')} />
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
