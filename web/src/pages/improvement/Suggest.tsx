// 改进建议: any staff member proposes an improvement; the quality department triages it. Below the
// form, the caller's own suggestions and what became of them.
import { Button, Card, Form, Input, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { listActions, suggest, type Action } from '../../api/improvement';
import { useMe } from '../../auth/AuthContext';
import PageHeader from '../../components/PageHeader';
import SubmitAlert from '../../components/SubmitAlert';
import { formatTime } from '../../lib/format';
import { useAsync } from '../../lib/useAsync';
import { useSubmit } from '../../lib/useSubmit';
import { StatusTag, actionPath } from './labels';

export default function Suggest() {
  const { t } = useTranslation();
  const me = useMe();
  const [form] = Form.useForm<{ title: string; description: string }>();
  const mine = useAsync(() => listActions({ source: 'suggestion', limit: 500 }), []);
  const submit = useSubmit(form, suggest, {
    success: t('improvement.suggest.done'),
    onSuccess: () => {
      form.resetFields();
      void mine.reload();
    },
  });
  return (
    <>
      <PageHeader title={t('improvement.suggest.title')} />
      <Card size="small" style={{ maxWidth: 720, marginBottom: 16 }}>
        <SubmitAlert submit={submit} />
        <Form form={form} layout="vertical" name="suggestion" onFinish={submit.run} onValuesChange={submit.onValuesChange}>
          <Form.Item name="title" label={t('improvement.field.title')} rules={[{ required: true, message: t('common.required') }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="description" label={t('improvement.suggest.description')} rules={[{ required: true, message: t('common.required') }]}>
            <Input.TextArea rows={4} maxLength={4000} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={submit.pending} data-testid="suggest-submit">
            {t('improvement.suggest.submit')}
          </Button>
        </Form>
      </Card>
      <Table<Action>
        rowKey="id"
        loading={mine.loading}
        dataSource={(mine.data ?? []).filter((a) => a.proposed_by === me.id)}
        pagination={false}
        scroll={{ x: true }}
        data-testid="suggestion-table"
        columns={[
          { title: t('improvement.field.title'), key: 'title', render: (_, a) => <Link to={actionPath(a.id)}>{a.title}</Link> },
          { title: t('common.status'), dataIndex: 'status', render: (_, a) => <StatusTag status={a.status} /> },
          { title: t('improvement.field.reason'), dataIndex: 'reason' },
          { title: t('common.createdAt'), dataIndex: 'created_at', render: (at: string) => formatTime(at) },
        ]}
      />
    </>
  );
}
