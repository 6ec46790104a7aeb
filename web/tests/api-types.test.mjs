// The web app's API types are generated from docs/openapi.yaml (scripts/gen-api.mjs); this fails
// when the spec changed and `npm run gen:api` was not run, so the client never drifts from the API.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { generate, OUTPUTS } from '../scripts/gen-api.mjs';

test('src/api/generated is up to date with docs/openapi.yaml', async () => {
  const files = await generate();
  for (const [key, path] of Object.entries(OUTPUTS)) {
    assert.ok(readFileSync(path, 'utf8') === files[key], `${path} is stale: run \`npm run gen:api\` in web/`);
  }
});
