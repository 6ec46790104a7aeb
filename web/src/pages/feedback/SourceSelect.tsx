// A filter by where answers came from: survey link, callback, external agency (the results page),
// or only the sources that have open text (link, agency: the open-answers page).
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { SOURCES, type SurveySource } from '../../api/feedback';

export default function SourceSelect<S extends SurveySource>({
  value,
  onChange,
  sources = SOURCES as readonly S[],
  testId,
}: {
  value: S | undefined;
  onChange: (value: S | undefined) => void;
  sources?: readonly S[];
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Select<S>
      allowClear
      style={{ minWidth: 180 }}
      placeholder={t('feedback.allSources')}
      value={value}
      onChange={onChange}
      options={sources.map((x) => ({ value: x, label: t(`feedback.source.${x}`) }))}
      id={testId}
      data-testid={testId}
    />
  );
}
