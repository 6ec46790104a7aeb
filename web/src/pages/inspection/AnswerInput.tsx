// One item's answer: the values of its scale as buttons (yes / no, ratings), points as a number,
// and N/A where the item allows it. Big enough to tap on a phone.
import { Button, InputNumber, Radio, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Answer, ScorecardItem } from '../../api/inspection';
import { naAllowed, scaleValues } from './card';

interface Props {
  id?: string;
  item: ScorecardItem;
  value?: Answer | null;
  onChange?: (value: Answer | undefined) => void;
  disabled?: boolean;
}

export default function AnswerInput({ id, item, value, onChange, disabled }: Props) {
  const { t } = useTranslation();
  const values = scaleValues(item.scale);
  // The test ids sit on the visible text: antd hides a radio button's own input.
  const na = naAllowed(item) ? (
    <Radio.Button value="na">
      <span data-testid={`answer-${item.code}-na`}>{t('inspection.answer.na')}</span>
    </Radio.Button>
  ) : null;
  if (values.length === 0) {
    return (
      <Space wrap id={id}>
        <span data-testid={`answer-${item.code}`}>
          <InputNumber
          min={0}
          max={item.max_points}
          step={0.5}
          value={typeof value === 'number' ? value : null}
          disabled={disabled || value === 'na'}
          onChange={(v) => onChange?.(typeof v === 'number' ? v : undefined)}
          addonAfter={t('inspection.answer.ofPoints', { max: item.max_points })}
          style={{ width: 180 }}
          />
        </span>
        {naAllowed(item) && (
          <Button
            disabled={disabled}
            type={value === 'na' ? 'primary' : 'default'}
            onClick={() => onChange?.(value === 'na' ? undefined : 'na')}
            data-testid={`answer-${item.code}-na`}
          >
            {t('inspection.answer.na')}
          </Button>
        )}
      </Space>
    );
  }
  return (
    <Radio.Group
      id={id}
      optionType="button"
      buttonStyle="solid"
      disabled={disabled}
      value={value ?? undefined}
      onChange={(e) => onChange?.(e.target.value as Answer)}
      data-testid={`answer-${item.code}`}
    >
      {values.map((v) => (
        <Radio.Button key={v} value={v}>
          <span data-testid={`answer-${item.code}-${v}`}>
            {item.scale === 'yes_no' ? t(v === 1 ? 'inspection.answer.yes' : 'inspection.answer.no') : String(v)}
          </span>
        </Radio.Button>
      ))}
      {na}
    </Radio.Group>
  );
}
