// Every import message the server can send has its translation: the keys of
// `Msg("import.…", "English {name}", …)` in src/desk/import/*.cpp, importer.cpp and import_routes.cpp must be in both
// reasons/import catalogues, whose placeholders must be placeholders of the English template.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';

const importSources = readdirSync(new URL('../../src/desk/import/', import.meta.url))
  .filter((name) => name.endsWith('.cpp') && !name.endsWith('_test.cpp'))
  .map((name) => `import/${name}`);
const SOURCES = [...importSources, 'importer.cpp', 'import_routes.cpp'];
const source = (name) => readFileSync(new URL(`../../src/desk/${name}`, import.meta.url), 'utf8');
const catalogue = (name) => JSON.parse(readFileSync(new URL(`../src/i18n/reasons/${name}.json`, import.meta.url), 'utf8'));

// C++ string literals after the key, adjacent ones joined: key -> English template.
function messages(text) {
  const out = new Map();
  for (const m of text.matchAll(/Msg\(\s*"(import\.[a-z0-9_]+)"\s*,\s*((?:"(?:[^"\\]|\\.)*"\s*)+)/g)) {
    const english = [...m[2].matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((s) => s[1].replace(/\\(.)/g, '$1')).join('');
    out.set(m[1], english);
  }
  return out;
}

const used = new Map(SOURCES.flatMap((name) => [...messages(source(name))]));
const languages = { en: catalogue('import.en'), 'zh-CN': catalogue('import.zh-CN') };
const lookup = (object, key) => key.split('.').reduce((o, part) => (o && typeof o === 'object' ? o[part] : undefined), object);
const placeholders = (text, open, close) =>
  new Set([...text.matchAll(new RegExp(`${open}\\s*(\\w+)\\s*${close}`, 'g'))].map((m) => m[1]));

test('the sources use import messages (the scan finds them)', () => {
  assert.ok(used.size >= 60, `found ${used.size} keys`);
});

test('every import message key is in both catalogues', () => {
  for (const [language, entries] of Object.entries(languages)) {
    const missing = [...used.keys()].filter((key) => typeof lookup(entries, key) !== 'string');
    assert.deepEqual(missing, [], `missing in reasons/import.${language}.json`);
  }
});

test('the catalogues hold no key the server no longer sends', () => {
  const flatten = (object, prefix) =>
    Object.entries(object).flatMap(([k, v]) => (typeof v === 'object' ? flatten(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
  for (const [language, entries] of Object.entries(languages)) {
    const stale = flatten(entries, '').filter((key) => !used.has(key));
    assert.deepEqual(stale, [], `unused in reasons/import.${language}.json`);
  }
});

test('translations use only the placeholders the server fills', () => {
  for (const [key, english] of used) {
    const given = placeholders(english, '\\{', '\\}');
    for (const [language, entries] of Object.entries(languages)) {
      for (const name of placeholders(lookup(entries, key) ?? '', '\\{\\{', '\\}\\}')) {
        assert.ok(given.has(name), `${language} ${key}: {{${name}}} is not an arg of "${english}"`);
      }
    }
  }
});

test('the import library has no message without a key', () => {
  const text = importSources.map(source).join(' ').replace(/\s+/g, ' ');
  const unkeyed = [
    /(?<!\w)Error::\w+\( ?[^,()]*, ?(?:"|fmt::format|std::string)/g, // Error::Invalid(field, "plain")
    /\bfail\( ?[^,()]*, ?(?:"|fmt::format|std::string)/g, // fail(Column::kX, "plain")
    /(?:push_back|emplace_back)\(\{? ?[^,;()]+, ?[^,;()]+, ?(?:"|fmt::format)/g, // errors.push_back({line, col, "plain"})
  ].flatMap((re) => [...text.matchAll(re)].map((m) => m[0]));
  assert.deepEqual(unkeyed, []);
});

test('the server catalogues leave the import namespace to the import catalogues', () => {
  // index.ts merges the catalogues shallowly: a top-level "import" there would hide this one.
  for (const name of ['server.en', 'server.zh-CN']) assert.equal(catalogue(name).import, undefined, name);
});
