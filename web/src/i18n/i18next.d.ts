import 'i18next';
import type zhCN from './zh-CN.json';
import type reasonsImport from './reasons/import.zh-CN.json';
import type reasonsServer from './reasons/server.zh-CN.json';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof zhCN; reasons: typeof reasonsServer & typeof reasonsImport };
  }
}
