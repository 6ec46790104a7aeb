// docs/openapi.yaml describes every route of `sqm routes`, with the same method and permission.
//
// No YAML library (tests/api has no dependencies): a small reader walks the indentation of the
// block-style YAML this file is written in, and picks out what the checks need: path keys, their
// operations, each operation's x-permission / description / operationId, the component names and
// every $ref.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import { listRoutes, REPO } from './lib/server.mjs';

const SPEC = path.join(REPO, 'docs', 'openapi.yaml');
const METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

function unquote(s) {
  const t = s.trim();
  if ((t.startsWith("'") && t.endsWith("'")) || (t.startsWith('"') && t.endsWith('"'))) return t.slice(1, -1);
  return t;
}

// The lines that carry mapping keys: [{line, indent, key, value}], skipping comments, blank lines
// and the insides of block scalars (`|`, `>`), whose text could look like keys.
function keyLines(text) {
  const out = [];
  let blockIndent = -1; // inside a block scalar started at this indent
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    if (raw.trim() === '') continue;
    const indent = raw.length - raw.trimStart().length;
    if (blockIndent >= 0) {
      if (indent > blockIndent) continue;
      blockIndent = -1;
    }
    const trimmed = raw.trim();
    if (trimmed.startsWith('#')) continue;
    const body = trimmed.startsWith('- ') ? trimmed.slice(2) : trimmed;
    const m = /^('(?:[^']|'')*'|"(?:[^"\\]|\\.)*"|[^\s'"#:{[][^:#]*?)\s*:(?:\s+(.*))?$/.exec(body);
    if (!m) continue;
    const value = (m[2] ?? '').replace(/\s+#.*$/, '');
    out.push({ line: i + 1, indent: trimmed.startsWith('- ') ? indent + 2 : indent, key: unquote(m[1]), value });
    if (/^[|>][-+0-9]*$/.test(value.trim())) blockIndent = indent;
  }
  return out;
}

// Children of the key at `index` (one level deeper), as indexes into `keys`.
function children(keys, index) {
  const parent = keys[index];
  const out = [];
  let childIndent = -1;
  for (let i = index + 1; i < keys.length && keys[i].indent > parent.indent; i++) {
    if (childIndent < 0) childIndent = keys[i].indent;
    if (keys[i].indent === childIndent) out.push(i);
  }
  return out;
}

function readSpec(text) {
  const keys = keyLines(text);
  const top = (name) => keys.findIndex((k) => k.indent === 0 && k.key === name);
  const operations = []; // {method, path, permission, description, operationId, line}
  const pathsAt = top('paths');
  assert.ok(pathsAt >= 0, 'docs/openapi.yaml has a top-level paths: key');
  for (const p of children(keys, pathsAt)) {
    for (const o of children(keys, p)) {
      if (!METHODS.has(keys[o].key)) continue;
      const fields = Object.fromEntries(children(keys, o).map((f) => [keys[f].key, unquote(keys[f].value)]));
      operations.push({
        method: keys[o].key.toUpperCase(),
        path: keys[p].key,
        permission: fields['x-permission'],
        description: 'description' in fields ? fields.description : undefined,
        operationId: fields.operationId,
        line: keys[o].line,
      });
    }
  }
  const components = new Set();
  const componentsAt = top('components');
  if (componentsAt >= 0) {
    for (const section of children(keys, componentsAt)) {
      for (const name of children(keys, section)) components.add(`#/components/${keys[section].key}/${keys[name].key}`);
    }
  }
  const refs = [...text.matchAll(/\$ref:\s*['"]?([^'"\s}]+)['"]?/g)].map((m) => m[1]);
  const version = keys.find((k) => k.indent === 0 && k.key === 'openapi');
  return { operations, components, refs, version: version && unquote(version.value) };
}

const routes = listRoutes();
const text = fs.readFileSync(SPEC, 'utf8');
const spec = readSpec(text);
const key = (r) => `${r.method} ${r.path}`;

test('docs/openapi.yaml is OpenAPI 3.0.x', () => {
  assert.match(spec.version ?? '', /^3\.0\.\d+$/);
});

test('every route from `sqm routes` is documented with the same path and method', () => {
  const documented = new Set(spec.operations.map(key));
  const missing = routes.filter((r) => !documented.has(key(r))).map(key);
  assert.deepEqual(missing, [], `routes missing from docs/openapi.yaml:\n  ${missing.join('\n  ')}`);
});

test('every documented operation names the route\'s permission in x-permission', () => {
  const byKey = new Map(spec.operations.map((o) => [key(o), o]));
  const wrong = [];
  for (const r of routes) {
    const o = byKey.get(key(r));
    if (o && o.permission !== r.permission) {
      wrong.push(`${key(r)}: x-permission is ${o.permission ?? '(missing)'}, the route needs ${r.permission} (line ${o.line})`);
    }
  }
  assert.deepEqual(wrong, []);
});

test('no documented operation is missing from the server (stale docs)', () => {
  const served = new Set(routes.map(key));
  const extra = spec.operations.filter((o) => !served.has(key(o))).map((o) => `${key(o)} (line ${o.line})`);
  assert.deepEqual(extra, [], `documented but not served:\n  ${extra.join('\n  ')}`);
});

test('every operation has a description and a unique operationId', () => {
  const problems = [];
  const ids = new Map();
  for (const o of spec.operations) {
    if (!o.description) problems.push(`${key(o)} has no description (line ${o.line})`);
    if (!o.operationId) problems.push(`${key(o)} has no operationId (line ${o.line})`);
    else if (ids.has(o.operationId)) problems.push(`operationId ${o.operationId} is used by ${ids.get(o.operationId)} and ${key(o)}`);
    else ids.set(o.operationId, key(o));
  }
  assert.deepEqual(problems, []);
});

test('every $ref points at a defined component', () => {
  assert.ok(spec.components.size > 0);
  const dangling = [...new Set(spec.refs.filter((r) => r.startsWith('#/') && !spec.components.has(r)))];
  assert.deepEqual(dangling, []);
});

test('the schemas the API answers with are defined', () => {
  for (const name of ['Department', 'Staff', 'Me', 'ApiToken', 'Event', 'Page', 'Error']) {
    assert.ok(spec.components.has(`#/components/schemas/${name}`), `schema ${name}`);
  }
  for (const name of ['sessionCookie', 'csrfHeader', 'bearerToken']) {
    assert.ok(spec.components.has(`#/components/securitySchemes/${name}`), `security scheme ${name}`);
  }
});

test('the reader itself: finds keys, skips block scalars and comments', () => {
  const sample = [
    'openapi: 3.0.3',
    'paths:',
    '  # a comment',
    "  '/a/{id}':",
    '    get:',
    '      description: |',
    '        /not/a/path:',
    '          post:',
    '      x-permission: org.read',
    '      operationId: getA',
    '    parameters:',
    '      - name: id',
    '  /b:',
    '    post:',
    "      x-permission: 'public'",
    '      description: >-',
    '        folded',
    '      operationId: postB',
    'components:',
    '  schemas:',
    '    A: { type: object }',
  ].join('\n');
  const s = readSpec(sample);
  assert.deepEqual(s.operations.map((o) => [o.method, o.path, o.permission, o.operationId]), [
    ['GET', '/a/{id}', 'org.read', 'getA'],
    ['POST', '/b', 'public', 'postB'],
  ]);
  assert.deepEqual([...s.components], ['#/components/schemas/A']);
});
