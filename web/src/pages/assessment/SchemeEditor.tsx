// One version of a scheme: the tree of dimensions and indicators with their points, target and
// scoring rule, checked live by the server (`/check`) with every problem on its node; an AHP helper
// per node that shares the node's points among its children; the other settings as JSON; save,
// approve, export.
import { Alert, Button, Card, DatePicker, Flex, Input, InputNumber, Modal, Select, Space, Tabs, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  approveVersion,
  checkVersion,
  createVersion,
  entropy,
  exportVersionUrl,
  saveVersion,
  type CheckProblem,
  type Indicator,
  type RuleKind,
  type SchemeDocument,
  type SchemeNode,
  type SchemeSummary,
  type SchemeVersion,
} from '../../api/assessment';
import { useAuth } from '../../auth/AuthContext';
import { errorText, serverText } from '../../components/errors';
import { useNotify } from '../../components/useNotify';
import { useDebounced } from '../../lib/useDebounced';
import AhpPanel from './AhpPanel';
import { fixed, identityMatrix } from './matrix';
import TableInput, { tableValue, type TableValue } from './TableInput';
import { addChild, fieldOf, nodeAt, ownProblems, removeNode, sharePoints, updateNode, type NodePath } from './schemeTree';
import { bilingual, whoText } from './text';

const RULES: RuleKind[] = ['weighted_rate', 'linear', 'threshold_deduction', 'bands', 'per_event'];

interface NodeProps {
  root: SchemeNode;
  path: NodePath;
  editable: boolean;
  indicators: Indicator[];
  problems: CheckProblem[];
  onChange: (root: SchemeNode) => void;
  onAhp: (path: NodePath) => void;
}

function NodeRow({ root, path, editable, indicators, problems, onChange, onAhp }: NodeProps) {
  const { t } = useTranslation();
  const node = nodeAt(root, path);
  const set = (change: (n: SchemeNode) => SchemeNode) => onChange(updateNode(root, path, change));
  const mine = ownProblems(problems, path);
  const children = node.children ?? [];
  const isLeaf = children.length === 0 && path.length > 0;
  const childPoints = children.reduce((sum, c) => sum + (c.max_points ?? 0), 0);
  return (
    <div style={{ marginLeft: path.length === 0 ? 0 : 24, borderLeft: path.length ? '2px solid #f0f0f0' : undefined, paddingLeft: 8 }}>
      <Flex
        gap="small"
        wrap
        align="center"
        data-testid={`node-${fieldOf(path)}`}
        style={{ padding: '6px 0', background: mine.length ? '#fff2f0' : undefined }}
      >
        <Input
          size="small"
          style={{ width: 120 }}
          value={node.code}
          disabled={!editable}
          aria-label={t('assessment.scheme.nodeCode')}
          onChange={(e) => set((n) => ({ ...n, code: e.target.value }))}
        />
        {path.length > 0 && (
          <>
            <Input
              size="small"
              style={{ width: 150 }}
              placeholder={t('assessment.library.nameZh')}
              value={node.name?.zh}
              disabled={!editable}
              onChange={(e) => set((n) => ({ ...n, name: { zh: e.target.value, en: n.name?.en ?? '' } }))}
            />
            <Input
              size="small"
              style={{ width: 150 }}
              placeholder={t('assessment.library.nameEn')}
              value={node.name?.en}
              disabled={!editable}
              onChange={(e) => set((n) => ({ ...n, name: { zh: n.name?.zh ?? '', en: e.target.value } }))}
            />
          </>
        )}
        <InputNumber
          size="small"
          addonBefore={t('assessment.scheme.points')}
          style={{ width: 150 }}
          value={node.max_points ?? null}
          disabled={!editable}
          min={0}
          aria-label={t('assessment.scheme.points')}
          data-testid={`points-${fieldOf(path)}`}
          onChange={(v) => set((n) => ({ ...n, max_points: v }))}
        />
        {children.length > 0 && (
          <Tag color={Math.abs(childPoints - (node.max_points ?? 0)) < 1e-9 ? 'green' : 'red'}>
            Σ {Math.round(childPoints * 100) / 100} / {node.max_points ?? '—'}
          </Tag>
        )}
        {isLeaf && (
          <>
            <Select
              size="small"
              style={{ width: 200 }}
              showSearch
              optionFilterProp="label"
              placeholder={t('assessment.scheme.indicator')}
              value={node.indicator?.code}
              disabled={!editable}
              options={indicators.map((i) => ({ value: i.code, label: `${bilingual(i.name)} (${i.code})` }))}
              onChange={(code: string) =>
                set((n) => ({ ...n, indicator: { ...(n.indicator ?? { rule: { kind: 'weighted_rate' } }), code } }))
              }
            />
            <InputNumber
              size="small"
              style={{ width: 120 }}
              addonBefore={t('assessment.library.target')}
              value={node.indicator?.target ?? null}
              disabled={!editable || !node.indicator}
              onChange={(v) => set((n) => (n.indicator ? { ...n, indicator: { ...n.indicator, target: v } } : n))}
            />
            <Select
              size="small"
              style={{ width: 170 }}
              value={node.indicator?.rule.kind}
              disabled={!editable || !node.indicator}
              placeholder={t('assessment.scheme.rule')}
              options={RULES.map((k) => ({ value: k, label: t(`assessment.rule.${k}`) }))}
              onChange={(kind: RuleKind) =>
                set((n) => (n.indicator ? { ...n, indicator: { ...n.indicator, rule: { ...n.indicator.rule, kind } } } : n))
              }
            />
          </>
        )}
        {editable && (
          <Space size={4}>
            <Button size="small" onClick={() => onChange(addChild(root, path, { code: `n${children.length + 1}`, name: { zh: '', en: '' }, max_points: 0 }))}>
              {t('assessment.scheme.addChild')}
            </Button>
            {children.length >= 2 && (
              <Button size="small" onClick={() => onAhp(path)} data-testid={`ahp-${fieldOf(path)}`}>
                {t('assessment.scheme.weights')}
              </Button>
            )}
            {path.length > 0 && (
              <Button size="small" danger onClick={() => onChange(removeNode(root, path))}>
                {t('assessment.scheme.remove')}
              </Button>
            )}
          </Space>
        )}
      </Flex>
      {mine.map((p, i) => (
        <Typography.Text key={i} type="danger" style={{ display: 'block', fontSize: 12 }} data-testid="node-problem">
          {p.field}: {p.message}
        </Typography.Text>
      ))}
      {children.map((_, i) => (
        <NodeRow key={i} root={root} path={[...path, i]} editable={editable} indicators={indicators} problems={problems} onChange={onChange} onAhp={onAhp} />
      ))}
    </div>
  );
}

/** Entropy weights of a pasted table whose columns are the node's children, in their order. */
function EntropyHelper({ labels, onApply }: { labels: string[]; onApply: (weights: number[]) => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState<TableValue>(() => tableValue(''));
  const [weights, setWeights] = useState<number[] | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const table = value.table;
  const fits = table !== null && table.columns.length === labels.length;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('assessment.scheme.entropyHelp', { columns: labels.join(t('common.listSeparator')) })}
      </Typography.Paragraph>
      <TableInput value={value} onChange={(v) => { setValue(v); setWeights(null); }} testId="scheme-entropy" />
      {table && !fits && <Alert type="warning" showIcon message={t('assessment.scheme.entropyColumns', { count: labels.length })} />}
      <Button
        disabled={!fits}
        onClick={() =>
          table &&
          void entropy(table.matrix).then(
            (w) => { setWeights(w); setFailure(null); },
            (cause: unknown) => setFailure(cause),
          )
        }
      >
        {t('assessment.calculate')}
      </Button>
      {failure !== null && <Alert type="error" showIcon message={errorText(t, failure)} />}
      {weights && (
        <>
          <Typography.Text data-testid="scheme-entropy-weights">
            {weights.map((w, i) => `${labels[i]} ${fixed(w)}`).join(t('common.listSeparator'))}
          </Typography.Text>
          <Button type="primary" onClick={() => onApply(weights)}>
            {t('assessment.ahp.apply')}
          </Button>
        </>
      )}
    </Space>
  );
}

/** The weight helpers of a node: AHP or entropy weights, then the node's points shared by them. */
function WeightsModal({ root, path, onClose, onApply }: { root: SchemeNode; path: NodePath; onClose: () => void; onApply: (root: SchemeNode) => void }) {
  const { t } = useTranslation();
  const node = nodeAt(root, path);
  const children = node.children ?? [];
  const labels = children.map((c) => bilingual(c.name) || c.code);
  const [matrix, setMatrix] = useState(() => identityMatrix(children.length));
  const apply = (weights: number[]) => {
    const points = sharePoints(node.max_points ?? 0, weights);
    onApply(updateNode(root, path, (n) => ({ ...n, children: (n.children ?? []).map((c, i) => ({ ...c, max_points: points[i] })) })));
    onClose();
  };
  return (
    <Modal open width={900} footer={null} onCancel={onClose} title={t('assessment.scheme.ahpTitle', { node: bilingual(node.name) || node.code })}>
      <Typography.Paragraph type="secondary">{t('assessment.scheme.ahpHelp', { points: node.max_points ?? 0 })}</Typography.Paragraph>
      <Tabs
        items={[
          { key: 'ahp', label: 'AHP', children: <AhpPanel labels={labels} matrix={matrix} onMatrixChange={setMatrix} onApply={apply} /> },
          { key: 'entropy', label: t('assessment.entropy.title'), children: <EntropyHelper labels={labels} onApply={apply} /> },
        ]}
      />
    </Modal>
  );
}

interface Props {
  scheme: SchemeSummary;
  version: SchemeVersion;
  indicators: Indicator[];
  /** After a save, a new version or an approval: the version to show. */
  onChanged: (number: number) => void;
}

export default function SchemeEditor({ scheme, version, indicators, onChanged }: Props) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const notify = useNotify();
  const [doc, setDoc] = useState<SchemeDocument>(version.document);
  const [json, setJson] = useState(() => JSON.stringify(version.document, null, 2));
  const [jsonProblem, setJsonProblem] = useState<string | null>(null);
  const [problems, setProblems] = useState<CheckProblem[]>([]);
  const [checked, setChecked] = useState<boolean | null>(null);
  const [ahpAt, setAhpAt] = useState<NodePath | null>(null);
  const [effective, setEffective] = useState<Dayjs | null>(null);
  const [pending, setPending] = useState(false);
  const draft = version.status === 'draft';
  const editable = draft && can('assessment.manage');
  const settled = useDebounced(doc, 300);

  useEffect(() => {
    setDoc(version.document);
    setJson(JSON.stringify(version.document, null, 2));
  }, [version]);

  // Live validation: the server checks the document as it is edited, nothing is written.
  useEffect(() => {
    const abort = new AbortController();
    checkVersion(scheme.id, version.number, settled, abort.signal)
      .then((r) => {
        setProblems(r.errors);
        setChecked(r.ok);
      })
      .catch((cause: unknown) => {
        if (cause instanceof DOMException && cause.name === 'AbortError') return;
        setChecked(null);
        setProblems([{ field: '', message: errorText(t, cause) }]);
      });
    return () => abort.abort();
  }, [settled, scheme.id, version.number, t]);

  const change = (next: SchemeDocument) => {
    setDoc(next);
    setJson(JSON.stringify(next, null, 2));
  };

  const act = async (work: () => Promise<SchemeVersion>, message: string) => {
    setPending(true);
    try {
      const saved = await work();
      notify.success(message);
      onChanged(saved.number);
    } catch (cause) {
      notify.failure(cause);
    } finally {
      setPending(false);
    }
  };

  const problemText = (p: CheckProblem) => serverText(t, p.key, p.args, p.message);

  return (
    <div data-testid="scheme-editor">
    <Card
      title={
        <Space wrap>
          <span>{t('assessment.scheme.version', { number: version.number })}</span>
          <Tag data-testid="version-status">{t(`assessment.versionStatus.${version.status}` as 'assessment.versionStatus.draft')}</Tag>
          {version.effective_from && <Tag>{t('assessment.scheme.effectiveFrom', { date: version.effective_from.slice(0, 10) })}</Tag>}
          {version.author && <Typography.Text type="secondary">{t('assessment.scheme.author', { name: whoText(version.author) })}</Typography.Text>}
          {version.approver && <Typography.Text type="secondary">{t('assessment.scheme.approver', { name: whoText(version.approver) })}</Typography.Text>}
        </Space>
      }
      extra={
        <Space wrap>
          {editable && (
            <Button type="primary" loading={pending} onClick={() => void act(() => saveVersion(scheme.id, version.number, doc), t('assessment.scheme.saved'))} data-testid="save-version">
              {t('common.save')}
            </Button>
          )}
          {!draft && can('assessment.manage') && (
            <Button loading={pending} onClick={() => void act(() => createVersion(scheme.id, doc), t('assessment.scheme.newVersionMade'))} data-testid="new-version">
              {t('assessment.scheme.newVersion')}
            </Button>
          )}
          <Button href={exportVersionUrl(scheme.id, version.number)} download={`${scheme.code}-v${version.number}.json`}>
            {t('assessment.scheme.export')}
          </Button>
        </Space>
      }
    >
      {checked === true && <Alert type="success" showIcon message={t('assessment.scheme.valid')} data-testid="scheme-check" style={{ marginBottom: 12 }} />}
      {problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          data-testid="scheme-check"
          style={{ marginBottom: 12 }}
          message={t('errors.problems', { count: problems.length })}
          description={
            <ul style={{ margin: 0 }}>
              {problems.map((p, i) => (
                <li key={i}>
                  {p.field && <Typography.Text code>{p.field}</Typography.Text>} {problemText(p)}
                </li>
              ))}
            </ul>
          }
        />
      )}
      <Tabs
        items={[
          {
            key: 'tree',
            label: t('assessment.scheme.tree'),
            children: (
              <NodeRow
                root={doc.tree}
                path={[]}
                editable={editable}
                indicators={indicators}
                problems={problems}
                onChange={(tree) => change({ ...doc, tree })}
                onAhp={setAhpAt}
              />
            ),
          },
          {
            key: 'settings',
            label: t('assessment.scheme.settings'),
            children: (
              <Space direction="vertical" style={{ width: '100%' }}>
                <Typography.Paragraph type="secondary">{t('assessment.scheme.settingsHelp')}</Typography.Paragraph>
                <Input.TextArea
                  rows={20}
                  value={json}
                  disabled={!editable}
                  style={{ fontFamily: 'monospace' }}
                  data-testid="scheme-json"
                  onChange={(e) => {
                    setJson(e.target.value);
                    try {
                      setDoc(JSON.parse(e.target.value) as SchemeDocument);
                      setJsonProblem(null);
                    } catch (cause) {
                      setJsonProblem(cause instanceof Error ? cause.message : String(cause));
                    }
                  }}
                />
                {jsonProblem && <Alert type="warning" showIcon message={t('assessment.scheme.badJson', { problem: jsonProblem })} />}
              </Space>
            ),
          },
        ]}
      />
      {draft && can('assessment.approve') && (
        <Flex gap="small" align="center" style={{ marginTop: 16 }} wrap>
          <Typography.Text>{t('assessment.scheme.approveHelp')}</Typography.Text>
          <DatePicker value={effective} onChange={setEffective} aria-label={t('assessment.scheme.effectiveDate')} data-testid="effective-from" />
          <Button
            type="primary"
            disabled={!effective || checked === false}
            loading={pending}
            data-testid="approve-version"
            onClick={() => effective && void act(() => approveVersion(scheme.id, version.number, effective.format('YYYY-MM-DD')), t('assessment.scheme.approved'))}
          >
            {t('assessment.scheme.approve')}
          </Button>
        </Flex>
      )}
      {ahpAt && <WeightsModal root={doc.tree} path={ahpAt} onClose={() => setAhpAt(null)} onApply={(tree) => change({ ...doc, tree })} />}
    </Card>
    </div>
  );
}
