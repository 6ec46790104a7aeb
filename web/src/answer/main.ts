// The public answer page (answer.html): a customer opens /answer.html#t=<token> from an SMS,
// WeChat or e-mail, on a phone, without signing in. A small entry of its own: plain DOM, no React
// or Ant Design, so it loads fast on a slow phone. Every text from the server (questions, the
// customer's own words) is set with textContent, never as HTML.
import './answer.css';
import { messages, type Lang, type MessageKey } from './messages';

interface Text {
  zh: string;
  en: string;
}
interface Question {
  id: string;
  kind: 'csat' | 'nps' | 'ces' | 'likert' | 'single' | 'multiple' | 'text';
  text: Text;
  required?: boolean;
  options?: Text[];
  points?: number;
}
interface Survey {
  state: 'open' | 'answered' | 'expired';
  ticket_number: string;
  title?: Text;
  intro?: Text;
  questions?: Question[];
}
interface Problem {
  field?: string;
  message: string;
  key?: string;
}

const root = document.getElementById('survey') as HTMLElement;
let lang: Lang = /^zh/i.test(navigator.language) ? 'zh-CN' : 'en';
const token = new URLSearchParams(location.hash.replace(/^#/, '')).get('t') ?? '';
let survey: Survey | null = null;
let view: 'loading' | 'form' | 'thanks' | 'answered' | 'expired' | 'unknown' | 'failed' | 'tooMany' = 'loading';
// What the customer chose so far, kept across a language switch.
const values = new Map<string, number | number[] | string>();
let problems: Problem[] = [];

const m = (key: MessageKey): string => messages[lang][key];
const pick = (t: Text | undefined): string => (t ? (lang === 'zh-CN' ? t.zh || t.en : t.en || t.zh) : '');

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const c of children) node.append(c); // strings become text nodes
  return node;
}

function scaleOf(q: Question): [number, number, MessageKey, MessageKey] | null {
  switch (q.kind) {
    case 'csat': return [1, 5, 'csatLow', 'csatHigh'];
    case 'nps': return [0, 10, 'unlikely', 'likely'];
    case 'ces': return [1, 7, 'cesLow', 'cesHigh'];
    case 'likert': return [1, q.points ?? 5, 'disagree', 'agree'];
    default: return null;
  }
}

function questionField(q: Question, index: number): HTMLElement {
  const name = `q${index}`;
  const problem = problems.find((p) => p.field === `answers.${q.id}`);
  const legend = el('legend', {}, pick(q.text));
  if (q.required) legend.append(el('span', { class: 'req' }, m('required')));
  const box = el('fieldset', { 'data-question': q.id, ...(problem ? { class: 'invalid' } : {}) }, legend);
  const scale = scaleOf(q);
  if (scale) {
    const row = el('div', { class: 'scale', role: 'radiogroup' });
    for (let v = scale[0]; v <= scale[1]; v++) {
      const input = el('input', { type: 'radio', name, value: String(v) });
      if (values.get(q.id) === v) input.checked = true;
      input.addEventListener('change', () => values.set(q.id, v));
      row.append(el('label', {}, input, el('span', {}, String(v))));
    }
    box.append(row, el('div', { class: 'ends' }, el('span', {}, m(scale[2])), el('span', {}, m(scale[3]))));
  } else if (q.kind === 'single' || q.kind === 'multiple') {
    const list = el('div', { class: 'choices' });
    (q.options ?? []).forEach((option, i) => {
      const input = el('input', { type: q.kind === 'single' ? 'radio' : 'checkbox', name, value: String(i) });
      const current = values.get(q.id);
      input.checked = Array.isArray(current) ? current.includes(i) : current === i;
      input.addEventListener('change', () => {
        if (q.kind === 'single') {
          values.set(q.id, i);
        } else {
          const set = new Set(Array.isArray(values.get(q.id)) ? (values.get(q.id) as number[]) : []);
          if (input.checked) set.add(i);
          else set.delete(i);
          values.set(q.id, [...set].sort((a, b) => a - b));
        }
      });
      list.append(el('label', {}, input, el('span', {}, pick(option))));
    });
    box.append(list);
  } else {
    const area = el('textarea', { name, maxlength: '2000', 'aria-label': pick(q.text) });
    area.value = typeof values.get(q.id) === 'string' ? (values.get(q.id) as string) : '';
    area.addEventListener('input', () => values.set(q.id, area.value));
    box.append(area, el('div', { class: 'hint' }, m('textHint')));
  }
  if (problem) box.append(el('p', { class: 'error', role: 'alert' }, problem.message));
  return box;
}

function notice(title: string, detail = ''): HTMLElement {
  const box = el('div', { class: 'notice', 'data-testid': 'survey-notice' }, el('h1', {}, title));
  if (detail) box.append(el('p', {}, detail));
  return box;
}

function render(): void {
  document.documentElement.lang = lang;
  const toggle = el('button', { type: 'button', class: 'lang' }, m('switchTo'));
  toggle.addEventListener('click', () => {
    lang = lang === 'zh-CN' ? 'en' : 'zh-CN';
    render();
  });
  const head = el('header', {}, el('div', {}, el('h1', {}, pick(survey?.title) || (lang === 'zh-CN' ? '满意度调查' : 'Survey'))), toggle);
  root.replaceChildren(head);
  switch (view) {
    case 'loading': root.append(el('p', {}, m('loading'))); return;
    case 'thanks': root.append(notice(m('thanks'), m('thanksDetail'))); return;
    case 'answered': root.append(notice(m('alreadyAnswered'))); return;
    case 'expired': root.append(notice(m('expired'))); return;
    case 'unknown': root.append(notice(m('unknown'))); return;
    case 'tooMany': root.append(notice(m('tooMany'))); return;
    default: break;
  }
  if (!survey) {
    root.append(notice(m('failed')));
    return;
  }
  if (survey.ticket_number) (head.firstChild as HTMLElement).append(el('p', { class: 'meta' }, `${m('ticket')} ${survey.ticket_number}`));
  if (pick(survey.intro)) root.append(el('p', { class: 'intro' }, pick(survey.intro)));
  const form = el('form', { novalidate: '' });
  (survey.questions ?? []).forEach((q, i) => form.append(questionField(q, i)));
  if (view === 'failed') form.append(el('p', { class: 'error', role: 'alert' }, m('failed')));
  else if (problems.length) form.append(el('p', { class: 'error', role: 'alert' }, m('fixErrors')));
  const submit = el('button', { type: 'submit' }, m('submit'));
  form.append(submit);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    submit.disabled = true;
    submit.textContent = m('submitting');
    void send();
  });
  root.append(form);
}

const api = (method: 'GET' | 'POST', body?: unknown) =>
  fetch(`/api/v1/public/surveys/${encodeURIComponent(token)}`, {
    method,
    headers: body === undefined ? { Accept: 'application/json' } : { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'omit',
  });

async function errorOf(res: Response): Promise<{ key?: string; problems: Problem[] }> {
  try {
    const body = (await res.json()) as { error?: Problem & { errors?: Problem[] } };
    const e = body.error;
    return { key: e?.key, problems: e ? (e.errors?.length ? e.errors : [e]) : [] };
  } catch {
    return { problems: [] };
  }
}

async function send(): Promise<void> {
  const answers: Record<string, number | number[] | string> = {};
  for (const [id, v] of values) {
    if (typeof v === 'string' ? v.trim() !== '' : !Array.isArray(v) || v.length > 0) answers[id] = v;
  }
  try {
    const res = await api('POST', { answers });
    problems = [];
    if (res.status === 204) view = 'thanks';
    else if (res.status === 429) view = 'tooMany';
    else {
      const { key, problems: list } = await errorOf(res);
      if (key === 'survey.already_answered') view = 'answered';
      else if (key === 'survey.expired') view = 'expired';
      else if (res.status === 404) view = 'unknown';
      else if (res.status === 400) {
        view = 'form';
        problems = list;
      } else view = 'failed';
    }
  } catch {
    view = 'failed';
  }
  render();
}

async function load(): Promise<void> {
  render();
  if (!token) {
    view = 'unknown';
    render();
    return;
  }
  try {
    const res = await api('GET');
    if (res.status === 429) view = 'tooMany';
    else if (!res.ok) view = 'unknown';
    else {
      survey = (await res.json()) as Survey;
      view = survey.state === 'open' ? 'form' : survey.state === 'answered' ? 'answered' : 'expired';
    }
  } catch {
    view = 'failed';
  }
  render();
}

void load();
