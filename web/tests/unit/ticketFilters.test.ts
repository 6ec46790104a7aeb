// The ticket list's filters: the address, the API query, and saved views, in business days.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { filtersFromParams, filtersToParams, filtersToQuery, NO_FILTERS } from '../../src/pages/desk/ticketFilters';

test('a day range is business-zone days, the end exclusive in the query', () => {
  const filters = { ...NO_FILTERS, from: '2026-11-01', to: '2026-11-30' };
  const query = filtersToQuery(filters);
  assert.equal(query.from, '2026-10-31T16:00:00.000Z');
  assert.equal(query.to, '2026-11-30T16:00:00.000Z');
  // A saved view holds the query's instants; reading it back gives the same days.
  const back = filtersFromParams((key) => (query as Record<string, string | undefined>)[key] ?? null);
  assert.equal(back.from, '2026-11-01');
  assert.equal(back.to, '2026-11-30');
});

test('unknown values are dropped, defaults stay out of the address', () => {
  const params: Record<string, string> = { status: 'new,bogus,closed', type: 'fax', assignee_id: 'me', sort: 'created_desc' };
  const filters = filtersFromParams((key) => params[key] ?? null);
  assert.deepEqual(filters.status, ['new', 'closed']);
  assert.equal(filters.type, undefined);
  assert.deepEqual(filtersToParams(filters), { status: 'new,closed', assignee_id: 'me' });
});
