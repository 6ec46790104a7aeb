// The answer of POST /sla/explain: a summary, then every candidate policy with its verdict, the
// criteria it checked and why. Shown by the policies page tester and the ticket page. The sentences
// are built here from the structured fields (verdict, checks, decided_by, specificity,
// category_depth), so they are in the user's language; the server's English `reason` and
// `summary` are not shown.
import { CheckCircleTwoTone, CloseCircleTwoTone } from '@ant-design/icons';
import { Alert, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Category } from '../../api/deskTypes';
import type { CandidateReport, CriterionCheck, PolicyExplanation, Verdict } from '../../api/slaTypes';
import { useCategories } from '../../components/desk/CategoryTreeSelect';
import i18n from '../../i18n';

const VERDICT_COLORS: Record<Verdict, string> = {
  applied: 'green',
  inactive: 'default',
  not_matching: 'red',
  less_specific: 'orange',
  lost_tie_break: 'gold',
};

/** Enumerations whose values the checks carry as codes ("incident", "P1", "phone"). */
const VALUE_ENUMS: Record<string, string> = { ticket_type: 'type', priority: 'priority', channel: 'channel' };

interface Describe {
  criterion: (name: string) => string;
  value: (criterion: string, value: string) => string;
}

function describer(t: TFunction, categories: readonly Category[] | undefined): Describe {
  const names = new Map((categories ?? []).map((c) => [String(c.id), c.name]));
  return {
    criterion: (name) => {
      const key = `enums.criterion.${name}`;
      return i18n.exists(key) ? String(t(key as 'enums.criterion.category')) : name;
    },
    value: (criterion, value) => {
      if (!value) return '—';
      // A category is an id ("12"); the ticket's is its path from the top ("1/5/12").
      if (criterion === 'category') return value.split('/').map((id) => names.get(id) ?? `#${id}`).join(' / ');
      const key = VALUE_ENUMS[criterion] ? `enums.${VALUE_ENUMS[criterion]}.${value}` : '';
      return key && i18n.exists(key) ? String(t(key as 'enums.type.incident')) : value;
    },
  };
}

function criteriaList(t: TFunction, checks: readonly CriterionCheck[], describe: Describe, failed: boolean): string {
  return checks
    .map((c) =>
      failed
        ? t('explain.mismatch', {
            criterion: describe.criterion(c.criterion),
            wanted: describe.value(c.criterion, c.wanted),
            actual: describe.value(c.criterion, c.actual),
          })
        : t('explain.match', { criterion: describe.criterion(c.criterion), value: describe.value(c.criterion, c.wanted) }),
    )
    .join(t('common.listSeparator'));
}

/** Why this candidate got its verdict, in the user's language. */
function candidateReason(
  t: TFunction,
  candidate: CandidateReport,
  applied: CandidateReport | undefined,
  describe: Describe,
): string {
  const winner = applied?.policy_name ?? '';
  switch (candidate.verdict) {
    case 'applied':
      return candidate.checks.length === 0
        ? t('explain.appliedDefault')
        : t('explain.applied', { criteria: criteriaList(t, candidate.checks, describe, false) });
    case 'inactive':
      return t('explain.inactive');
    case 'not_matching':
      return t('explain.notMatching', {
        criteria: criteriaList(t, candidate.checks.filter((c) => !c.matched), describe, true),
      });
    case 'less_specific':
      return t('explain.lessSpecific', { winner, own: candidate.specificity, theirs: applied?.specificity ?? 0 });
    case 'lost_tie_break':
      if (candidate.decided_by === 'category') {
        return t('explain.lostOnCategory', {
          winner,
          depth: candidate.category_depth,
          winnerDepth: applied?.category_depth ?? 0,
        });
      }
      if (candidate.decided_by) {
        return t('explain.lostOnCriterion', { winner, criterion: describe.criterion(candidate.decided_by) });
      }
      return t('explain.lostOnId', { winner, id: applied?.policy_id ?? 0 });
  }
  return candidate.reason;
}

export default function ExplainResult({ result }: { result: PolicyExplanation }) {
  const { t } = useTranslation();
  const categories = useCategories();
  const describe = describer(t, categories.data);
  const applied = result.candidates.find((c) => c.verdict === 'applied');

  let summary = t('policies.nothingApplies');
  if (applied) {
    const policy = { name: applied.policy_name, id: applied.policy_id, version: applied.policy_version };
    summary =
      applied.checks.length === 0
        ? t('explain.summaryDefault', policy)
        : t('explain.summary', { ...policy, criteria: criteriaList(t, applied.checks, describe, false) });
  }

  const columns: ColumnsType<CandidateReport> = [
    {
      title: t('policies.policy'),
      key: 'policy',
      render: (_, c) => (
        <span>
          #{c.policy_id} {c.policy_name} <Typography.Text type="secondary">v{c.policy_version}</Typography.Text>
        </span>
      ),
    },
    {
      title: t('policies.verdict'),
      dataIndex: 'verdict',
      render: (v: Verdict) => <Tag color={VERDICT_COLORS[v]}>{t(`enums.verdict.${v}`, v)}</Tag>,
    },
    {
      title: t('policies.checks'),
      key: 'checks',
      render: (_, c) => (
        <div>
          {c.checks.length === 0 && <Typography.Text type="secondary">{t('policies.matchesAll')}</Typography.Text>}
          {c.checks.map((check) => (
            <div key={check.criterion}>
              {check.matched ? <CheckCircleTwoTone twoToneColor="#52c41a" /> : <CloseCircleTwoTone twoToneColor="#ff4d4f" />}{' '}
              {describe.criterion(check.criterion)}: {describe.value(check.criterion, check.wanted)}
              {!check.matched && (
                <Typography.Text type="secondary">
                  {' '}
                  ({t('policies.actual', { value: describe.value(check.criterion, check.actual) })})
                </Typography.Text>
              )}
            </div>
          ))}
        </div>
      ),
    },
    {
      title: t('policies.reason'),
      key: 'reason',
      render: (_, c) => <span data-testid="explain-reason">{candidateReason(t, c, applied, describe)}</span>,
    },
  ];
  return (
    <div data-testid="explain-result">
      <Alert
        type={applied ? 'success' : 'warning'}
        showIcon
        message={<span data-testid="explain-summary">{summary}</span>}
        style={{ marginBottom: 12 }}
      />
      <Table<CandidateReport>
        rowKey="policy_id"
        size="small"
        pagination={false}
        columns={columns}
        dataSource={result.candidates}
        scroll={{ x: 'max-content' }}
      />
    </div>
  );
}
