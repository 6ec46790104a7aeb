import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router-dom';
import { useAuth } from '../../auth/AuthContext';
import PageSpin from '../../components/PageSpin';
import SubmitAlert from '../../components/SubmitAlert';
import LanguageSwitch from '../../layout/LanguageSwitch';
import { useSubmit } from '../../lib/useSubmit';

interface Credentials {
  username: string;
  password: string;
}

/** Only same-site paths are accepted as the place to return to after signing in. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export default function Login() {
  const { t } = useTranslation();
  const { status, expired, login } = useAuth();
  const [params] = useSearchParams();
  const [form] = Form.useForm<Credentials>();
  const submit = useSubmit(form, ({ username, password }: Credentials) => login(username.trim(), password));

  if (status === 'loading') return <PageSpin />;
  if (status === 'authenticated') return <Navigate to={safeNext(params.get('next'))} replace />;

  return (
    <Flex vertical align="center" justify="center" style={{ minHeight: '100vh', background: '#f0f2f5', padding: 16 }}>
      <div style={{ position: 'absolute', top: 16, right: 24 }}>
        <LanguageSwitch />
      </div>
      <Card style={{ width: '100%', maxWidth: 400 }}>
        <Typography.Title level={3} style={{ textAlign: 'center', marginTop: 0 }}>
          {t('app.name')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          {t('login.title')}
        </Typography.Paragraph>
        {expired && !submit.failure && <Alert type="warning" showIcon message={t('errors.sessionExpired')} style={{ marginBottom: 16 }} />}
        <SubmitAlert submit={submit} title={t('login.failed')} />
        <Form<Credentials>
          form={form}
          layout="vertical"
          onFinish={submit.run}
          onValuesChange={submit.onValuesChange}
          requiredMark={false}
          autoComplete="on"
        >
          <Form.Item
            name="username"
            label={t('login.username')}
            rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('login.password')}
            rules={[{ required: true, message: t('login.passwordRequired') }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={submit.pending}>
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}
