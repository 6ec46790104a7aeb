// Both UI languages must define exactly the same keys, and no value may be empty.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

function load(name) {
  return JSON.parse(readFileSync(new URL(`../src/i18n/${name}.json`, import.meta.url), 'utf8'));
}

function flatten(object, prefix = '') {
  return Object.entries(object).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? flatten(value, `${prefix}${key}.`) : [[`${prefix}${key}`, value]],
  );
}

// The UI catalogue, then the server-message catalogues (namespace `reasons`), checked alike.
const catalogues = [['', 'zh-CN', 'en'], ['reasons: ', 'reasons/server.zh-CN', 'reasons/server.en'],
  ['reasons: ', 'reasons/import.zh-CN', 'reasons/import.en']];
const zh = new Map(catalogues.flatMap(([prefix, name]) => flatten(load(name), prefix)));
const en = new Map(catalogues.flatMap(([prefix, , name]) => flatten(load(name), prefix)));

test('zh-CN and en have the same keys', () => {
  const onlyZh = [...zh.keys()].filter((key) => !en.has(key));
  const onlyEn = [...en.keys()].filter((key) => !zh.has(key));
  assert.deepEqual({ onlyZh, onlyEn }, { onlyZh: [], onlyEn: [] });
});

test('every translation is a non-empty string', () => {
  for (const [language, entries] of [['zh-CN', zh], ['en', en]]) {
    for (const [key, value] of entries) {
      assert.ok(typeof value === 'string' && value.trim() !== '', `${language}: ${key} is empty`);
    }
  }
});

test('interpolation placeholders match between languages', () => {
  const placeholders = (text) => [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();
  for (const [key, value] of zh) {
    assert.deepEqual(placeholders(value), placeholders(en.get(key) ?? ''), `placeholders differ for ${key}`);
  }
});
