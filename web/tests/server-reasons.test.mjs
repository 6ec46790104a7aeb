// Every keyed server message (Msg("key", ...) in src/) has a translation in the `reasons`
// catalogues, with the same placeholders as its English template, so no message reaches a
// Chinese-speaking user untranslated.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const src = fileURLToPath(new URL('../../src/', import.meta.url));
const i18n = fileURLToPath(new URL('../src/i18n/reasons/', import.meta.url));

function sources(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /(?<!_test)\.(cpp|h)$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

function lookup(catalogue, key) {
  return key.split('.').reduce((node, part) => (node && typeof node === 'object' ? node[part] : undefined), catalogue);
}

// Msg("key", "english {name}", ...) — the key and the template (when it is a literal).
const used = new Map();
for (const file of sources(src)) {
  const text = readFileSync(file, 'utf8');
  for (const m of text.matchAll(/\bMsg\(\s*"([a-z_.]+)",\s*((?:"(?:[^"\\]|\\.)*"\s*)+)?/g)) {
    const english = m[2] ? [...m[2].matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((x) => x[1]).join('') : null;
    used.set(m[1], { file, english });
  }
}

const catalogues = ['en', 'zh-CN'].map((lang) => ({
  lang,
  entries: ['server', 'import'].map((area) => JSON.parse(readFileSync(join(i18n, `${area}.${lang}.json`), 'utf8'))),
}));

test('the sources use keyed messages', () => {
  assert.ok(used.size > 20, `found only ${used.size} Msg keys`);
});

test('every Msg key is translated, with the English placeholders', () => {
  const names = (text) => [...text.matchAll(/{{?\s*(\w+)\s*}}?/g)].map((x) => x[1]).sort();
  for (const [key, { file, english }] of used) {
    for (const { lang, entries } of catalogues) {
      const value = entries.map((c) => lookup(c, key)).find((v) => typeof v === 'string');
      assert.ok(value, `${lang}: no translation for ${key} (${file})`);
      if (english !== null) assert.deepEqual(names(value), names(english), `${lang}: placeholders of ${key}`);
    }
  }
});
