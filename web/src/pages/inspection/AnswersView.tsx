// A scored inspection read back: each item with its guidance and the answer given.
import { Card, Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Answers, ScorecardDefinition, ScorecardItem } from '../../api/inspection';

export function answerText(t: (key: 'inspection.answer.na' | 'inspection.answer.yes' | 'inspection.answer.no') => string, item: ScorecardItem, value: unknown): string {
  if (value === undefined || value === null) return '—';
  if (value === 'na') return t('inspection.answer.na');
  if (item.scale === 'yes_no') return t(value === 1 ? 'inspection.answer.yes' : 'inspection.answer.no');
  if (item.scale === 'points') return `${String(value)} / ${item.max_points}`;
  return String(value);
}

export default function AnswersView({ card, answers, changed }: { card: ScorecardDefinition; answers: Answers | Record<string, unknown>; changed?: Answers }) {
  const { t } = useTranslation();
  return (
    <>
      {card.sections.map((section) => (
        <Card key={section.code} size="small" title={section.name || section.code} style={{ marginBottom: 12 }}>
          <Descriptions size="small" column={1} bordered>
            {section.items.map((item) => (
              <Descriptions.Item
                key={item.code}
                label={
                  <>
                    <div>{item.name || item.code}</div>
                    {item.guidance && <Typography.Text type="secondary">{item.guidance}</Typography.Text>}
                  </>
                }
              >
                <span data-testid={`answered-${item.code}`}>{answerText(t, item, (answers as Record<string, unknown>)[item.code])}</span>
                {changed && changed[item.code] !== undefined && (
                  <Typography.Text type="warning"> → {answerText(t, item, changed[item.code])}</Typography.Text>
                )}
              </Descriptions.Item>
            ))}
          </Descriptions>
        </Card>
      ))}
    </>
  );
}
