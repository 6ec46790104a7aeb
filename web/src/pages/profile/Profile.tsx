import { Button, Card, Col, Descriptions, Form, Input, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { changePassword } from '../../api/auth';
import { useMe } from '../../auth/AuthContext';
import PageHeader from '../../components/PageHeader';
import RoleTags from '../../components/RoleTags';
import SubmitAlert from '../../components/SubmitAlert';
import { useSchemaRules } from '../../lib/schemaRules';
import { useSubmit } from '../../lib/useSubmit';

interface PasswordValues {
  current_password: string;
  new_password: string;
  confirm_password: string;
}

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
  const [form] = Form.useForm<PasswordValues>();
  const schema = useSchemaRules('PasswordChange');
  const submit = useSubmit(form, (values: PasswordValues) => changePassword(values.current_password, values.new_password), {
    success: t('profile.passwordChanged'),
    onSuccess: () => form.resetFields(),
  });

  return (
    <Card title={t('profile.changePassword')}>
      <SubmitAlert submit={submit} />
      <Form<PasswordValues>
        form={form}
        layout="vertical"
        onFinish={submit.run}
        onValuesChange={submit.onValuesChange}
        style={{ maxWidth: 400 }}
      >
        <Form.Item name="current_password" label={t('profile.currentPassword')} rules={schema.rules('current_password')}>
          <Input.Password autoComplete="current-password" maxLength={schema.maxLength('current_password')} />
        </Form.Item>
        <Form.Item
          name="new_password"
          label={t('profile.newPassword')}
          extra={t('staff.passwordHelp', { count: schema.minLength('new_password') })}
          rules={schema.rules('new_password')}
        >
          <Input.Password autoComplete="new-password" maxLength={schema.maxLength('new_password')} />
        </Form.Item>
        <Form.Item
          name="confirm_password"
          label={t('profile.confirmPassword')}
          dependencies={['new_password']}
          rules={[
            { required: true, message: t('common.required') },
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
        <Button type="primary" htmlType="submit" loading={submit.pending}>
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
