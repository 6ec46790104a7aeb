// Helpers for the service-desk tests: a signed-in API client (only to look up ids the UI of a
// role without org.read cannot list), and the UI steps several tests share.
import { request, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { expect } from './fixtures';
import { DEMO_PASSWORD } from './global-setup';

/** An API client signed in as `username` against the e2e server. */
export async function apiAs(baseURL: string, username: string): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL });
  const response = await api.post('/api/v1/auth/login', { data: { username, password: DEMO_PASSWORD } });
  expect(response.status(), await response.text()).toBe(200);
  return api;
}

/** Like apiAs, with the CSRF token that writes (POST, PATCH, ...) must send as X-CSRF-Token. */
export async function apiSession(baseURL: string, username: string): Promise<{ api: APIRequestContext; csrf: string }> {
  const api = await request.newContext({ baseURL });
  const response = await api.post('/api/v1/auth/login', { data: { username, password: DEMO_PASSWORD } });
  expect(response.status(), await response.text()).toBe(200);
  const { csrf_token: csrf } = (await response.json()) as { csrf_token: string };
  return { api, csrf };
}

/** Registers a consultation through the API as `username` (e.g. agent); answers its id and number. */
export async function registerConsultation(
  baseURL: string,
  title: string,
  username = 'agent',
  more: Record<string, unknown> = {},
): Promise<{ id: number; number: string }> {
  const { api, csrf } = await apiSession(baseURL, username);
  try {
    const response = await api.post('/api/v1/tickets', {
      data: { type: 'consultation', channel: 'phone', title, ...more },
      headers: { 'X-CSRF-Token': csrf },
    });
    expect(response.status(), await response.text()).toBe(201);
    return (await response.json()) as { id: number; number: string };
  } finally {
    await api.dispose();
  }
}

/** The id of the department with this code (via an admin session). */
export async function departmentId(baseURL: string, code: string): Promise<number> {
  const api = await apiAs(baseURL, 'admin');
  try {
    const response = await api.get('/api/v1/departments?limit=500');
    expect(response.status()).toBe(200);
    const body = (await response.json()) as { items: { id: number; code: string | null }[] };
    const found = body.items.find((d) => d.code === code);
    if (!found) throw new Error(`no department with code ${code}`);
    return found.id;
  } finally {
    await api.dispose();
  }
}

/** The ticket id in the current /desk/tickets/:id or /portal/tickets/:id address. */
export function ticketIdFromUrl(page: Page): number {
  const match = /\/tickets\/(\d+)/.exec(page.url());
  if (!match) throw new Error(`not on a ticket page: ${page.url()}`);
  return Number(match[1]);
}

/** Picks an option in an antd Select opened by clicking `trigger`, by visible text. */
export async function pickOption(page: Page, trigger: Locator, text: string | RegExp): Promise<void> {
  await trigger.click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first().click();
}

/** Picks the first node of an open antd TreeSelect whose title contains `text`. */
export async function pickTreeOption(page: Page, trigger: Locator, text: string): Promise<void> {
  await trigger.click();
  await page.locator('.ant-select-dropdown:visible .ant-select-tree-node-content-wrapper', { hasText: text }).first().click();
}

/** Chooses a customer by typing part of their name or phone into the registration look-up. */
export async function chooseCustomer(page: Page, search: string): Promise<void> {
  const input = page.locator('#customer_id');
  await input.fill(search);
  await page.getByTestId('customer-option').filter({ hasText: search }).first().click();
}

export interface NewTicket {
  customer: string;
  type: string;
  title: string;
  description?: string;
  category?: string;
}

/** Registers a ticket on /desk/tickets/new and opens it; returns its id. */
export async function registerTicket(page: Page, ticket: NewTicket): Promise<number> {
  await page.goto('/desk/tickets/new');
  await expect(page.locator('#customer_id')).toBeFocused();
  await chooseCustomer(page, ticket.customer);
  await page.locator('#type').getByText(ticket.type, { exact: true }).click();
  if (ticket.category) await pickTreeOption(page, page.locator('#category_id'), ticket.category);
  await page.locator('#title').fill(ticket.title);
  if (ticket.description) await page.locator('#description').fill(ticket.description);
  await page.locator('#title').press('Control+Enter');
  // Straight to the ticket, or first a result page that warns about possible duplicates.
  const open = page.getByRole('button', { name: '打开工单' });
  await expect(page.getByTestId('ticket-number').or(open)).toBeVisible();
  if (await open.isVisible()) await open.click();
  await expect(page.getByTestId('ticket-number')).toBeVisible();
  return ticketIdFromUrl(page);
}

/** The ticket page's status tag. */
export function ticketStatus(page: Page): Locator {
  return page.getByRole('heading').getByTestId('status-tag');
}

/** Clicks an action button on the ticket page. */
export function actionButton(page: Page, action: string): Locator {
  return page.getByTestId('ticket-actions').locator(`button[data-action="${action}"]`);
}

/** Opens an action's form, lets `fill` complete it, and submits it. */
export async function doAction(page: Page, action: string, fill?: (modal: Locator) => Promise<void>): Promise<void> {
  await actionButton(page, action).click();
  const modal = page.locator('.ant-modal-content');
  await expect(modal).toBeVisible();
  if (fill) await fill(modal);
  await modal.locator('.ant-modal-footer .ant-btn-primary').click();
  await expect(modal).toBeHidden();
}

/** Opens a new ticket's page (its agent signed in) and accepts and resolves it there. */
export async function acceptAndResolve(page: Page, ticketId: number): Promise<void> {
  await page.goto(`/desk/tickets/${ticketId}`);
  await actionButton(page, 'accept').click();
  await expect(ticketStatus(page)).toHaveText('已受理');
  await doAction(page, 'resolve', async (modal) => {
    await modal.locator('#note').fill('已解答客户的问题。');
  });
  await expect(ticketStatus(page)).toHaveText('已解决');
}

/** The id of the staff account with this username (via an admin session). */
export async function staffId(baseURL: string, username: string): Promise<number> {
  const api = await apiAs(baseURL, 'admin');
  try {
    const response = await api.get(`/api/v1/staff?q=${encodeURIComponent(username)}&limit=50`);
    expect(response.status()).toBe(200);
    const body = (await response.json()) as { items: { id: number; username: string }[] };
    const found = body.items.find((s) => s.username === username);
    if (!found) throw new Error(`no staff member ${username}`);
    return found.id;
  } finally {
    await api.dispose();
  }
}
