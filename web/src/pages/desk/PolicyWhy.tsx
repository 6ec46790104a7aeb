// "Why this policy?" on the ticket page (for SLA managers): asks the server which policy a ticket
// with this ticket's facts gets now, and shows every candidate with its verdict.
import { QuestionCircleOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getCustomer } from '../../api/desk';
import type { Ticket } from '../../api/deskTypes';
import { explainPolicy } from '../../api/sla';
import type { PolicyExplanation, TicketFacts } from '../../api/slaTypes';
import { errorText } from '../../components/errors';
import PageSpin from '../../components/PageSpin';
import ExplainResult from '../sla/ExplainResult';

/** The ticket's facts as the server's policy matching reads them (a person inherits the tier of
 *  their organisation's contract when they have none of their own). */
async function factsOf(ticket: Ticket): Promise<TicketFacts> {
  const facts: TicketFacts = {
    ticket_type: ticket.type,
    priority: ticket.priority,
    channel: ticket.channel,
    category_id: ticket.category_id ?? undefined,
  };
  if (ticket.customer_id) {
    const customer = await getCustomer(ticket.customer_id);
    let tier = customer.tier;
    if (tier === 'standard' && customer.organisation_id) tier = (await getCustomer(customer.organisation_id)).tier;
    facts.customer_tier = tier;
  }
  return facts;
}

export default function PolicyWhy({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [result, setResult] = useState<PolicyExplanation | null>(null);
  const [error, setError] = useState<unknown>(null);

  const show = () => {
    setOpen(true);
    setResult(null);
    setError(null);
    factsOf(ticket)
      .then(explainPolicy)
      .then(setResult)
      .catch((cause: unknown) => setError(cause));
  };

  return (
    <>
      <Button size="small" icon={<QuestionCircleOutlined />} onClick={show} data-testid="policy-why">
        {t('ticket.whyPolicy')}
      </Button>
      <Modal open={open} width={900} title={t('ticket.whyPolicy')} footer={null} onCancel={() => setOpen(false)}>
        <Typography.Paragraph type="secondary">{t('ticket.whyPolicyHelp')}</Typography.Paragraph>
        {error !== null && <Alert type="error" showIcon message={errorText(t, error)} />}
        {!result && error === null && <PageSpin />}
        {result && <ExplainResult result={result} />}
      </Modal>
    </>
  );
}
