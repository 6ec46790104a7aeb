import { GlobalOutlined } from '@ant-design/icons';
import { Segmented, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage, toLanguage, type Language } from '../i18n';

export default function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <Space size="small">
      <GlobalOutlined aria-hidden />
      <Segmented<Language>
        aria-label={t('lang.label')}
        data-testid="language-switch"
        value={toLanguage(i18n.resolvedLanguage)}
        onChange={(language) => void setLanguage(language)}
        options={LANGUAGES.map((language) => ({
          value: language,
          label: language === 'zh-CN' ? t('lang.zh-CN') : t('lang.en'),
        }))}
      />
    </Space>
  );
}
