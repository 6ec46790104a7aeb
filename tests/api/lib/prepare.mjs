// Makes the seeded template databases the API suite copies for each server (server.mjs) before the
// suite starts, so that test files running side by side do not each seed the same template at once.
// Run by ./test before each API suite: `node tests/api/lib/prepare.mjs` (SQM_TEST_DB as the suite's).
import { createDatabase } from './server.mjs';

for (const seedArgs of [[], ['--days', '0'], ['--days', '1']]) createDatabase({ seedArgs }).cleanup();
