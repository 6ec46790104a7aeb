// The ticket list's column choice.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_COLUMNS, readColumns, writeColumns } from '../../src/pages/desk/ticketColumns';

function memoryStore() {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => void data.set(key, value),
    removeItem: (key: string) => void data.delete(key),
  };
}

test('nothing chosen: the defaults', () => {
  assert.deepEqual(readColumns(memoryStore()), DEFAULT_COLUMNS);
  assert.deepEqual(readColumns(null), DEFAULT_COLUMNS);
});

test('a choice is remembered in display order, the number always kept, unknown names dropped', () => {
  const store = memoryStore();
  assert.deepEqual(writeColumns(store, ['updated_at', 'title', 'bogus' as never]), ['number', 'title', 'updated_at']);
  assert.deepEqual(readColumns(store), ['number', 'title', 'updated_at']);
  store.setItem('sqm.ticketColumns', '["department","nope"]');
  assert.deepEqual(readColumns(store), ['number', 'department']);
});

test('choosing the defaults forgets the choice; garbage reads as the defaults', () => {
  const store = memoryStore();
  writeColumns(store, ['title']);
  writeColumns(store, DEFAULT_COLUMNS);
  assert.equal(store.data.size, 0);
  store.setItem('sqm.ticketColumns', '{not json');
  assert.deepEqual(readColumns(store), DEFAULT_COLUMNS);
  store.setItem('sqm.ticketColumns', '[]');
  assert.deepEqual(readColumns(store), DEFAULT_COLUMNS);
});
