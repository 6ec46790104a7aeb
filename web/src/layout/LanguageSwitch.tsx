import { GlobalOutlined } from '@ant-design/icons';
import { Segmented, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage, toLanguage, type Language } from '../i18n';

/** The language switch; `compact` (phones) shows short labels and no globe. */
export default function LanguageSwitch({ compact = false }: { compact?: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <Space size="small">
      {!compact && <GlobalOutlined aria-hidden />}
      <Segmented<Language>
        aria-label={t('lang.label')}
        data-testid="language-switch"
        value={toLanguage(i18n.resolvedLanguage)}
        onChange={(language) => void setLanguage(language)}
        options={LANGUAGES.map((language) => ({
          value: language,
          label: compact ? (language === 'zh-CN' ? '中' : 'EN') : language === 'zh-CN' ? t('lang.zh-CN') : t('lang.en'),
          title: language === 'zh-CN' ? t('lang.zh-CN') : t('lang.en'),
        }))}
      />
    </Space>
  );
}
