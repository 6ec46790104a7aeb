// Survey invitations made when tickets were resolved or closed, newest first. "Link" issues the
// single-use answer link (shown once: only its hash is stored) to copy into an SMS, WeChat or
// e-mail; issuing again replaces the earlier link.
import { Button, Card, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { issueLink, listInvitations, type SurveyInvitation } from '../../api/feedback';
import ErrorAlert from '../../components/ErrorAlert';
import PageHeader from '../../components/PageHeader';
import { formatTime } from '../../lib/format';
import { toApiError, useAsync } from '../../lib/useAsync';

const STATE_COLOR: Record<SurveyInvitation['state'], string> = { pending: 'default', open: 'processing', answered: 'success', expired: 'warning' };

export default function SurveyInvitations() {
  const { t } = useTranslation();
  const list = useAsync(() => listInvitations(null, 200), []);
  const [links, setLinks] = useState<Record<number, string>>({});
  const [error, setError] = useState<unknown>(null);

  async function issue(inv: SurveyInvitation) {
    setError(null);
    try {
      const r = await issueLink(inv.id);
      setLinks((l) => ({ ...l, [inv.id]: `${window.location.origin}${r.path}` }));
    } catch (e) {
      setError(toApiError(e));
    }
  }

  return (
    <>
      <PageHeader title={t('feedback.invitationsTitle')} />
      {list.error && <ErrorAlert error={list.error} onRetry={list.reload} />}
      {error ? <ErrorAlert error={error} /> : null}
      <Card size="small">
        <Table<SurveyInvitation>
          size="small"
          rowKey="id"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          scroll={{ x: true }}
          columns={[
            { title: t('tickets.number'), render: (_, i) => <Link to={`/desk/tickets/${i.ticket_id}`}>{i.ticket_number}</Link> },
            { title: t('feedback.state'), render: (_, i) => <Tag color={STATE_COLOR[i.state]}>{t(`feedback.states.${i.state}`)}</Tag> },
            { title: t('feedback.department'), render: (_, i) => i.attribution.department_name || '–' },
            { title: t('feedback.staff'), render: (_, i) => i.attribution.staff_name || '–' },
            { title: t('feedback.sendAt'), render: (_, i) => formatTime(i.send_at) },
            { title: t('feedback.expiresAt'), render: (_, i) => formatTime(i.expires_at) },
            {
              title: t('feedback.link'),
              render: (_, i) =>
                links[i.id] ? (
                  <Typography.Paragraph
                    copyable={{ text: links[i.id] }}
                    style={{ margin: 0, maxWidth: 360, wordBreak: 'break-all' }}
                    data-testid="survey-link"
                    data-link={links[i.id]}
                  >
                    {links[i.id]}
                  </Typography.Paragraph>
                ) : i.state === 'answered' || i.state === 'expired' ? null : (
                  <Button size="small" onClick={() => void issue(i)} data-testid={`issue-link-${i.ticket_number}`}>
                    {i.has_link ? t('feedback.newLink') : t('feedback.getLink')}
                  </Button>
                ),
            },
          ]}
        />
      </Card>
    </>
  );
}
