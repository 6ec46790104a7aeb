// The audit log's objects and event types.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AUDIT_EVENT_GROUPS, objectRef } from '../../src/pages/audit/catalogue';
import { eventKey } from '../../src/components/desk/events';

test('a ticket shows as its number and opens its page', () => {
  assert.deepEqual(objectRef('ticket', '2938'), {
    text: 'T002938',
    link: { to: '/desk/tickets/2938', permission: 'ticket.read' },
  });
});

test('named objects show their name; each opens the page that shows it', () => {
  assert.deepEqual(objectRef('department', '4', { name: '客服部', code: 'CS' }), {
    text: '客服部 #4',
    link: { to: '/org/departments?id=4', permission: 'org.read' },
  });
  assert.deepEqual(objectRef('staff', '7', { username: 'agent' }).link, { to: '/org/staff?id=7', permission: 'org.read' });
  assert.equal(objectRef('staff', '7', { username: 'agent' }).text, 'agent #7');
  assert.equal(objectRef('sla_policy', '3').link?.to, '/sla/policies?id=3');
  assert.equal(objectRef('category', '12').link?.to, '/sla/categories?id=12');
  assert.equal(objectRef('customer', '42').link?.to, '/desk/tickets?customer_id=42');
  assert.deepEqual(objectRef('calendar', 'cn-mainland'), {
    text: 'cn-mainland',
    link: { to: '/sla/calendars?code=cn-mainland', permission: 'sla.manage' },
  });
});

test('objects nothing shows have no link', () => {
  assert.deepEqual(objectRef('saved_view', '5'), { text: '#5' });
  assert.deepEqual(objectRef('notification', 'all'), { text: 'all' });
  assert.deepEqual(objectRef('system', 'demo'), { text: 'demo' });
  assert.deepEqual(objectRef('ticket', ''), { text: '' });
});

test('every ticket and SLA event type of the catalogue has a name in the ticket timeline', () => {
  for (const type of [...AUDIT_EVENT_GROUPS.ticket, ...AUDIT_EVENT_GROUPS.sla.filter((t) => !t.startsWith('sla.policy_'))]) {
    assert.notEqual(eventKey(type), null, type);
  }
  assert.equal(eventKey('ticket.accept'), 'accept');
  assert.equal(eventKey('sla.warning'), 'sla_warning');
  assert.equal(eventKey('department.created'), null);
});

test('every event type and object type has a name (the catalogues have the same keys in both languages)', async () => {
  const en = (await import('../../src/i18n/en.json', { with: { type: 'json' } })).default as Record<string, unknown>;
  const lookup = (key: string) =>
    key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), en);
  for (const type of Object.values(AUDIT_EVENT_GROUPS).flat()) {
    const key = eventKey(type);
    assert.ok(typeof lookup(`auditEvents.${type}`) === 'string' || (key && typeof lookup(`events.${key}`) === 'string'), type);
  }
  for (const group of Object.keys(AUDIT_EVENT_GROUPS)) assert.equal(typeof lookup(`auditGroups.${group}`), 'string', group);
  for (const entity of (await import('../../src/pages/audit/catalogue')).AUDIT_ENTITIES) {
    assert.equal(typeof lookup(`auditEntities.${entity}`), 'string', entity);
  }
});
