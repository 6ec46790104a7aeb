// Generates the web app's API types from docs/openapi.yaml, so the client and the documented API
// cannot drift apart:
//   src/api/generated/openapi.ts      every schema and operation as TypeScript types, plus a
//                                     runtime array of each enum's values (openapi-typescript)
//   src/api/generated/constraints.ts  each object schema's required fields and length limits,
//                                     for form rules (a field marked required, an input's maxLength)
// `npm run gen:api` writes them; tests/api-types.test.mjs fails when the committed files are stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { parse } from 'yaml';

export const SPEC = fileURLToPath(new URL('../../docs/openapi.yaml', import.meta.url));
export const OUTPUTS = {
  types: fileURLToPath(new URL('../src/api/generated/openapi.ts', import.meta.url)),
  constraints: fileURLToPath(new URL('../src/api/generated/constraints.ts', import.meta.url)),
};

const HEADER = `// Generated from docs/openapi.yaml by web/scripts/gen-api.mjs (npm run gen:api). Do not edit;
// change the spec and regenerate. tests/api-types.test.mjs fails when this file is stale.
/* eslint-disable */
`;

async function typesFile(specText) {
  const ast = await openapiTS(specText, { enumValues: true, defaultNonNullable: false, alphabetize: false });
  return `${HEADER}${astToString(ast)}`;
}

/** { required, maxLength, minLength } of every object schema. */
function constraintsFile(spec) {
  const out = {};
  for (const [name, schema] of Object.entries(spec.components?.schemas ?? {})) {
    if (schema?.type !== 'object' || !schema.properties) continue;
    const maxLength = {};
    const minLength = {};
    for (const [field, property] of Object.entries(schema.properties)) {
      if (typeof property?.maxLength === 'number') maxLength[field] = property.maxLength;
      if (typeof property?.minLength === 'number') minLength[field] = property.minLength;
    }
    out[name] = { required: schema.required ?? [], maxLength, minLength };
  }
  // One schema a line: easy to read in a diff.
  const body = `{\n${Object.entries(out)
    .map(([name, rules]) => `  ${JSON.stringify(name)}: ${JSON.stringify(rules)},`)
    .join('\n')}\n}`;
  return `${HEADER}
/** A request schema's rules: which fields must be sent, and the length limits of text fields. */
export interface SchemaConstraints {
  readonly required: readonly string[];
  readonly maxLength: Readonly<Record<string, number>>;
  readonly minLength: Readonly<Record<string, number>>;
}

export const constraints = ${body} as const satisfies Record<string, SchemaConstraints>;

export type ConstrainedSchema = keyof typeof constraints;
`;
}

/** The generated files' contents, from the spec as it is now. */
export async function generate() {
  const text = readFileSync(SPEC, 'utf8');
  return { types: await typesFile(text), constraints: constraintsFile(parse(text)) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const files = await generate();
  for (const [key, path] of Object.entries(OUTPUTS)) writeFileSync(path, files[key]);
  console.log(`wrote ${Object.values(OUTPUTS).join(', ')}`);
}
