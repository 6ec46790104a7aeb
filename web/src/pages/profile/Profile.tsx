import { Button, Card, Col, Descriptions, Form, Input, Row } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { changePassword } from '../../api/auth';
import { useMe } from '../../auth/AuthContext';
import PageHeader from '../../components/PageHeader';
import RoleTags from '../../components/RoleTags';
import { useNotify } from '../../components/useNotify';
import { showFieldError } from '../../lib/forms';

interface PasswordValues {
  current_password: string;
  new_password: string;
  confirm_password: string;
}

const PASSWORD_FIELDS = ['current_password', 'new_password'] as const;

function MyDetails() {
  const { t } = useTranslation();
  const me = useMe();
  const none = t('common.none');
  return (
    <Card title={t('profile.details')}>
      <Descriptions column={1} bordered size="small">
        <Descriptions.Item label={t('staff.username')}>{me.username}</Descriptions.Item>
        <Descriptions.Item label={t('staff.displayName')}>{me.display_name}</Descriptions.Item>
        <Descriptions.Item label={t('staff.department')}>{me.department_name || none}</Descriptions.Item>
        <Descriptions.Item label={t('staff.jobTitle')}>{me.title || none}</Descriptions.Item>
        <Descriptions.Item label={t('staff.email')}>{me.email || none}</Descriptions.Item>
        <Descriptions.Item label={t('staff.phone')}>{me.phone || none}</Descriptions.Item>
        <Descriptions.Item label={t('staff.roles')}>
          <RoleTags roles={me.roles} />
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

function ChangePassword() {
  const { t } = useTranslation();
  const notify = useNotify();
  const [form] = Form.useForm<PasswordValues>();
  const [saving, setSaving] = useState(false);
  const required = { required: true, message: t('common.required') };

  const onFinish = async (values: PasswordValues) => {
    setSaving(true);
    try {
      await changePassword(values.current_password, values.new_password);
      form.resetFields();
      notify.success(t('profile.passwordChanged'));
    } catch (cause) {
      if (!showFieldError(form, cause, PASSWORD_FIELDS)) notify.failure(cause);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card title={t('profile.changePassword')}>
      <Form<PasswordValues> form={form} layout="vertical" onFinish={onFinish} style={{ maxWidth: 400 }}>
        <Form.Item name="current_password" label={t('profile.currentPassword')} rules={[required]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="new_password"
          label={t('profile.newPassword')}
          extra={t('staff.passwordHelp')}
          rules={[required]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm_password"
          label={t('profile.confirmPassword')}
          dependencies={['new_password']}
          rules={[
            required,
            ({ getFieldValue }) => ({
              validator: (_, value: string | undefined) =>
                !value || value === getFieldValue('new_password')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('profile.passwordMismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving}>
          {t('profile.submit')}
        </Button>
      </Form>
    </Card>
  );
}

export default function Profile() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('profile.title')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <MyDetails />
        </Col>
        <Col xs={24} lg={12}>
          <ChangePassword />
        </Col>
      </Row>
    </>
  );
}
