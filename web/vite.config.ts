import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

// The dev server forwards API calls to a running `sqm serve` (SQM_API, default 127.0.0.1:8080).
const apiTarget = process.env.SQM_API ?? 'http://127.0.0.1:8080';

// Third-party code is split into long-lived chunks so that app changes do not bust them. The big
// antd widgets that only some pages use (table, date picker, tree) get their own chunks so the
// sign-in page and the shell load less; locale files stay in the core chunk because the shell
// imports them.
const ANTD_WIDGETS: [RegExp, string][] = [
  [/\/node_modules\/(antd\/es\/(table|pagination|list)|rc-table|rc-pagination)\//, 'antd-table'],
  [/\/node_modules\/(antd\/es\/(date-picker|time-picker|calendar)|rc-picker)\//, 'antd-picker'],
  [/\/node_modules\/(antd\/es\/(tree|tree-select)|rc-tree|rc-tree-select)\//, 'antd-tree'],
  // Widgets only the service-desk pages use.
  [
    /\/node_modules\/(antd\/es\/(upload|progress|statistic|timeline|auto-complete)|rc-upload|rc-progress)\//,
    'antd-desk',
  ],
];

function vendorChunk(id: string): string | undefined {
  if (!id.includes('/node_modules/')) return undefined;
  if (/\/node_modules\/(echarts|zrender)\//.test(id)) return 'echarts';
  if (/\/node_modules\/(react|react-dom|scheduler|react-router|react-router-dom|@remix-run)\//.test(id)) {
    return 'react';
  }
  if (/\/node_modules\/(i18next|react-i18next|i18next-browser-languagedetector)\//.test(id)) return 'i18n';
  if (!id.includes('/locale/')) {
    const widget = ANTD_WIDGETS.find(([pattern]) => pattern.test(id));
    if (widget) return widget[1];
  }
  return 'antd';
}

export default defineConfig({
  plugins: [react()],
  build: {
    target: 'es2020',
    outDir: 'dist',
    assetsDir: 'assets',
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      // Two entries: the app, and the customers' survey answer page (a small page of its own).
      input: {
        main: fileURLToPath(new URL('./index.html', import.meta.url)),
        answer: fileURLToPath(new URL('./answer.html', import.meta.url)),
      },
      output: {
        manualChunks: vendorChunk,
      },
    },
  },
  server: {
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/healthz': { target: apiTarget, changeOrigin: false },
    },
  },
});
