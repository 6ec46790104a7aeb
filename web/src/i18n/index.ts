// i18next setup: zh-CN and English bundled; the browser language picks the default
// (zh* → zh-CN, anything else → en) and the header switch stores an explicit choice.
import i18n from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import en from './en.json';
import zhCN from './zh-CN.json';
// Server messages by their stable key (`error.key`, import row `key`, notification `kind`), one
// file per server area so areas can grow their catalogue independently.
import reasonsImportEn from './reasons/import.en.json';
import reasonsImportZhCN from './reasons/import.zh-CN.json';
import reasonsServerEn from './reasons/server.en.json';
import reasonsServerZhCN from './reasons/server.zh-CN.json';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'sqm.lang';

export function toLanguage(tag: string | undefined | null): Language {
  return tag && tag.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export function currentLanguage(): Language {
  return toLanguage(i18n.resolvedLanguage ?? i18n.language);
}

/** Switches the UI language and remembers the choice for later visits. */
export function setLanguage(language: Language): Promise<unknown> {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Storage can be disabled (private mode); the switch still applies to this visit.
  }
  return i18n.changeLanguage(language);
}

function applyToDocument(language: Language): void {
  document.documentElement.lang = language;
  document.title = i18n.t('app.name');
  dayjs.locale(language === 'zh-CN' ? 'zh-cn' : 'en');
}

i18n.on('languageChanged', (lng) => applyToDocument(toLanguage(lng)));

void i18n
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    resources: {
      'zh-CN': { translation: zhCN, reasons: { ...reasonsServerZhCN, ...reasonsImportZhCN } },
      en: { translation: en, reasons: { ...reasonsServerEn, ...reasonsImportEn } },
    },
    supportedLngs: LANGUAGES,
    fallbackLng: 'en',
    load: 'currentOnly',
    interpolation: { escapeValue: false },
    returnNull: false,
    detection: {
      order: ['localStorage', 'navigator'],
      lookupLocalStorage: STORAGE_KEY,
      caches: [],
      convertDetectedLanguage: (lng: string) => toLanguage(lng),
    },
  });

export default i18n;
