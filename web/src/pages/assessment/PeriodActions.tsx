// The workflow buttons of a period, by its status: planned → collect, collecting → evaluate,
// evaluated → publish, published → lock (after the appeal window), locked → verify (recompute from
// the snapshot and compare the SHA-256). Each step is confirmed; the server refuses a wrong state.
import { Button, Popconfirm, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { stepPeriod, verifyPeriod, type Period, type PeriodStep } from '../../api/assessment';
import { useAuth } from '../../auth/AuthContext';
import { useNotify } from '../../components/useNotify';
import { formatTime } from '../../lib/format';

const NEXT: Record<string, PeriodStep> = { planned: 'collect', collecting: 'evaluate', evaluated: 'publish', published: 'lock' };

export function PeriodStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  const color = { planned: 'default', collecting: 'processing', evaluated: 'warning', published: 'blue', locked: 'green' }[status];
  return (
    <Tag color={color} data-testid="period-status">
      {t(`assessment.periodStatus.${status}` as 'assessment.periodStatus.planned')}
    </Tag>
  );
}

export default function PeriodActions({ period, onChanged }: { period: Period; onChanged: (p: Period) => void }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const notify = useNotify();
  const [pending, setPending] = useState(false);
  const step = NEXT[period.status];

  const run = async <R,>(work: () => Promise<R>, done: (r: R) => void) => {
    setPending(true);
    try {
      done(await work());
    } catch (cause) {
      notify.failure(cause);
    } finally {
      setPending(false);
    }
  };

  return (
    <>
      {step && can('assessment.manage') && (
        <Popconfirm
          title={
            // Locking inside the appeal window ends it early: say so.
            step === 'lock' && period.appeal_deadline && Date.parse(period.appeal_deadline) > Date.now()
              ? t('assessment.step.lockConfirmOpen', { deadline: formatTime(period.appeal_deadline) })
              : t(`assessment.step.${step}Confirm`)
          }
          onConfirm={() =>
            void run(
              () => stepPeriod(period.id, step),
              (p) => {
                notify.success(t('assessment.step.done', { status: t(`assessment.periodStatus.${p.status}` as 'assessment.periodStatus.planned') }));
                onChanged(p);
              },
            )
          }
        >
          <Button type="primary" size="small" loading={pending} data-testid={`period-${step}`}>
            {t(`assessment.step.${step}`)}
          </Button>
        </Popconfirm>
      )}
      {period.status === 'locked' && (
        <Button
          size="small"
          loading={pending}
          data-testid="period-verify"
          onClick={() =>
            void run(
              () => verifyPeriod(period.id),
              (r) =>
                r.identical
                  ? notify.success(t('assessment.step.identical', { sha: r.sha256.slice(0, 12) }))
                  : notify.failure(new Error(t('assessment.step.different', { sha: r.sha256.slice(0, 12) }))),
            )
          }
        >
          {t('assessment.step.verify')}
        </Button>
      )}
    </>
  );
}
