// The Pace API explorer in the browser: a small shell around graphql-js (parsing, printing,
// introspection into a schema for the docs) and graphql-ws (subscriptions). Bundled by esbuild into
// one script and one stylesheet that the API serves itself: nothing comes from elsewhere.
import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isUnionType,
  Kind,
  OperationTypeNode,
  parse,
  print,
  type DocumentNode,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type GraphQLType,
  type IntrospectionQuery,
  type OperationDefinitionNode,
} from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import './style.css';

interface Config {
  endpoint: string;
  defaultQuery: string;
  defaultTitle: string;
  fullEditorUrl?: string;
}

interface Tab {
  id: string;
  title: string;
  query: string;
  variables: string;
  operation?: string;
}

interface HistoryEntry {
  query: string;
  variables: string;
  operation?: string;
  at: number;
}

const STORE = 'pace-explorer:';
const config = JSON.parse(
  document.getElementById('pace-explorer-config')?.textContent ?? '{}',
) as Config;

// ---------- small helpers ----------

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<Record<string, string>> = {},
  ...children: (Node | string | null | undefined)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined) continue;
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = value;
    else node.setAttribute(key, value);
  }
  for (const child of children) if (child != null) node.append(child);
  return node;
}

function load<T>(key: string, fallback: T): T {
  try {
    const raw = localStorage.getItem(STORE + key);
    return raw === null ? fallback : (JSON.parse(raw) as T);
  } catch {
    return fallback;
  }
}

function save(key: string, value: unknown): void {
  try {
    localStorage.setItem(STORE + key, JSON.stringify(value));
  } catch {
    // Private mode or full storage: the explorer still works, it just forgets.
  }
}

/** Replaces an element's children, skipping the absent ones. */
function fill(parent: HTMLElement, ...children: (Node | string | null | undefined)[]): void {
  parent.replaceChildren(...children.filter((child): child is Node | string => child != null));
}

const newId = (): string => Math.random().toString(36).slice(2, 10);

/** Text with `code` spans, as the schema's descriptions write them. */
function richText(text: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  text.split(/(`[^`]+`)/).forEach((part) => {
    if (part.startsWith('`') && part.endsWith('`') && part.length > 1)
      fragment.append(el('code', { text: part.slice(1, -1) }));
    else if (part) fragment.append(part);
  });
  return fragment;
}

// ---------- GraphQL syntax colouring (a tokenizer that tolerates half-typed text) ----------

const TOKEN =
  /(#[^\n]*)|("""[\s\S]*?(?:"""|$)|"(?:[^"\\\n]|\\.)*"?)|(\$[_A-Za-z][_0-9A-Za-z]*)|(@[_A-Za-z][_0-9A-Za-z]*)|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|([_A-Za-z][_0-9A-Za-z]*)|([{}()[\]:=!|&,]|\.\.\.)/g;
const KEYWORDS = new Set([
  'query',
  'mutation',
  'subscription',
  'fragment',
  'on',
  'true',
  'false',
  'null',
]);

function colour(source: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  let last = 0;
  for (const match of source.matchAll(TOKEN)) {
    const index = match.index ?? 0;
    if (index > last) fragment.append(source.slice(last, index));
    const [text, comment, string, variable, directive, number, name] = match;
    const kind = comment
      ? 'comment'
      : string
        ? 'string'
        : variable
          ? 'variable'
          : directive
            ? 'directive'
            : number
              ? 'number'
              : name
                ? KEYWORDS.has(name)
                  ? 'keyword'
                  : /^[A-Z]/.test(name)
                    ? 'type'
                    : 'name'
                : 'punct';
    fragment.append(el('span', { class: `t-${kind}`, text }));
    last = index + text.length;
  }
  if (last < source.length) fragment.append(source.slice(last));
  // A trailing newline needs a character after it to take room in the <pre>.
  fragment.append('\n');
  return fragment;
}

/** A textarea with a coloured copy of its text behind it (GraphQL or JSON). */
function codeEditor(label: string, className: string): HTMLTextAreaElement {
  const area = el('textarea', {
    class: `pe-code ${className}`,
    'aria-label': label,
    spellcheck: 'false',
    autocapitalize: 'off',
    autocomplete: 'off',
    wrap: 'off',
  });
  const shadow = el('pre', { class: 'pe-code-shadow', 'aria-hidden': 'true' });
  const box = el('div', { class: 'pe-code-box' }, shadow, area);
  const paint = (): void => {
    shadow.replaceChildren(colour(area.value));
    shadow.scrollTop = area.scrollTop;
    shadow.scrollLeft = area.scrollLeft;
  };
  area.addEventListener('input', paint);
  area.addEventListener('scroll', () => {
    shadow.scrollTop = area.scrollTop;
    shadow.scrollLeft = area.scrollLeft;
  });
  area.addEventListener('keydown', (event) => {
    if (event.key === 'Tab' && !event.shiftKey && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      area.setRangeText('  ', area.selectionStart, area.selectionEnd, 'end');
      paint();
    }
  });
  (area as HTMLTextAreaElement & { paint: () => void }).paint = paint;
  (area as HTMLTextAreaElement & { box: HTMLElement }).box = box;
  return area;
}

function setCode(area: HTMLTextAreaElement, value: string): void {
  area.value = value;
  (area as HTMLTextAreaElement & { paint: () => void }).paint();
}

const boxOf = (area: HTMLTextAreaElement): HTMLElement =>
  (area as HTMLTextAreaElement & { box: HTMLElement }).box;

// ---------- state ----------

function defaultTab(): Tab {
  return { id: newId(), title: config.defaultTitle, query: config.defaultQuery, variables: '' };
}

const firstTab = defaultTab();
let tabs = load<Tab[]>('tabs', []).filter((tab) => typeof tab.query === 'string');
if (tabs.length === 0) tabs = [firstTab];
let activeId = load<string>('active', '');
if (!tabs.some((tab) => tab.id === activeId)) activeId = (tabs[0] ?? firstTab).id;
let history = load<HistoryEntry[]>('history', []);
let headersText = load<string>('headers', '{\n  "Authorization": ""\n}');
let schema: GraphQLSchema | undefined;
let wsClient: { client: Client; headers: string } | undefined;
let stopSubscription: (() => void) | undefined;

const active = (): Tab => tabs.find((tab) => tab.id === activeId) ?? tabs[0] ?? firstTab;

// ---------- layout ----------

const tabList = el('div', { class: 'pe-tabs', role: 'group', 'aria-label': 'Tabs' });
const addTab = el('button', {
  class: 'pe-tab-add',
  type: 'button',
  title: 'New tab',
  'aria-label': 'New tab',
  text: '+',
});
const runButton = el('button', {
  class: 'pe-run',
  type: 'button',
  title: 'Run (Ctrl+Enter)',
  'aria-label': 'Run',
});
runButton.append(el('span', { 'aria-hidden': 'true', text: '▶' }), ' Run');
const operationSelect = el('select', { class: 'pe-operation', 'aria-label': 'Operation to run' });
const prettifyButton = el('button', { type: 'button', text: 'Prettify', title: 'Shift+Ctrl+P' });
const docsButton = el('button', { type: 'button', class: 'pe-docs-toggle', text: 'Docs' });
const historyButton = el('button', { type: 'button', text: 'History' });
const themeButton = el('button', { type: 'button', class: 'pe-theme', title: 'Colours' });
const fullEditor = config.fullEditorUrl
  ? el('a', {
      href: config.fullEditorUrl,
      class: 'pe-full',
      text: 'Full GraphiQL',
      title: 'GraphiQL with autocompletion (about 2.4 MB)',
    })
  : null;

const queryEditor = codeEditor('Query', 'pe-query');
const variablesEditor = codeEditor('Variables (JSON)', 'pe-variables');
const headersEditor = codeEditor('Headers (JSON)', 'pe-headers');
const variablesTab = el('button', {
  type: 'button',
  role: 'tab',
  class: 'pe-tool-tab',
  text: 'Variables',
});
const headersTab = el('button', {
  type: 'button',
  role: 'tab',
  class: 'pe-tool-tab',
  text: 'Headers',
});
const responseMeta = el('div', { class: 'pe-response-meta', 'aria-live': 'polite' });
const useTokenButton = el('button', {
  type: 'button',
  class: 'pe-use-token',
  text: 'Use this token',
  hidden: '',
});
const responseView = el('pre', { class: 'pe-response', tabindex: '0', 'aria-label': 'Response' });

const docsSearch = el('input', {
  type: 'search',
  class: 'pe-docs-search',
  placeholder: 'Search the schema',
  'aria-label': 'Search the schema',
});
const docsBack = el('button', { type: 'button', class: 'pe-docs-back', text: '‹ Back' });
const docsBody = el('div', { class: 'pe-docs-body' });
const docsClose = el('button', { type: 'button', class: 'pe-close', 'aria-label': 'Close docs' });
docsClose.textContent = '×';
const docsPanel = el(
  'aside',
  { class: 'pe-docs', 'aria-label': 'Documentation', hidden: '' },
  el('div', { class: 'pe-panel-head' }, el('h2', { text: 'Docs' }), docsClose),
  docsSearch,
  docsBack,
  docsBody,
);
const historyList = el('ol', { class: 'pe-history-list' });
const historyClose = el('button', {
  type: 'button',
  class: 'pe-close',
  'aria-label': 'Close history',
  text: '×',
});
const historyPanel = el(
  'aside',
  { class: 'pe-history', 'aria-label': 'History', hidden: '' },
  el('div', { class: 'pe-panel-head' }, el('h2', { text: 'History' }), historyClose),
  historyList,
);

const root = document.getElementById('root') ?? document.body;
root.replaceChildren(
  el(
    'header',
    { class: 'pe-top' },
    el('h1', { text: 'Pace API explorer' }),
    el('div', { class: 'pe-tabbar' }, tabList, addTab),
    el(
      'div',
      { class: 'pe-actions' },
      runButton,
      operationSelect,
      prettifyButton,
      docsButton,
      historyButton,
      themeButton,
      fullEditor,
    ),
  ),
  el(
    'main',
    { class: 'pe-main' },
    el(
      'section',
      { class: 'pe-left', 'aria-label': 'Request' },
      boxOf(queryEditor),
      el(
        'div',
        { class: 'pe-tools' },
        el('div', { class: 'pe-tool-tabs', role: 'tablist' }, variablesTab, headersTab),
        boxOf(variablesEditor),
        boxOf(headersEditor),
      ),
    ),
    el(
      'section',
      { class: 'pe-right', 'aria-label': 'Result' },
      el('div', { class: 'pe-response-head' }, responseMeta, useTokenButton),
      responseView,
    ),
    docsPanel,
    historyPanel,
  ),
);

// ---------- tabs ----------

function persistTabs(): void {
  save('tabs', tabs);
  save('active', activeId);
}

function titleOf(query: string): string | undefined {
  const match = /\b(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/.exec(
    query.replace(/#[^\n]*/g, ''),
  );
  return match?.[1];
}

function renderTabs(): void {
  tabList.replaceChildren(
    ...tabs.map((tab) => {
      const selected = tab.id === activeId;
      const button = el('button', {
        type: 'button',
        class: 'pe-tab',
        'aria-pressed': String(selected),
        text: tab.title,
      });
      button.addEventListener('click', () => switchTab(tab.id));
      const close = el('button', {
        type: 'button',
        class: 'pe-tab-close',
        'aria-label': `Close ${tab.title}`,
        text: '×',
      });
      close.addEventListener('click', () => closeTab(tab.id));
      return el('div', { class: selected ? 'pe-tab-item active' : 'pe-tab-item' }, button, close);
    }),
  );
}

function showTab(): void {
  const tab = active();
  setCode(queryEditor, tab.query);
  setCode(variablesEditor, tab.variables);
  refreshOperations();
  renderTabs();
}

function switchTab(id: string): void {
  activeId = id;
  persistTabs();
  showTab();
}

function openTab(tab: Partial<Tab> = {}): void {
  const query = tab.query ?? '{\n  \n}\n';
  const created: Tab = {
    id: newId(),
    title: titleOf(query) ?? 'New tab',
    query,
    variables: tab.variables ?? '',
    ...(tab.operation ? { operation: tab.operation } : {}),
  };
  tabs.push(created);
  switchTab(created.id);
}

function closeTab(id: string): void {
  tabs = tabs.filter((tab) => tab.id !== id);
  if (tabs.length === 0) tabs = [defaultTab()];
  if (activeId === id) activeId = (tabs[tabs.length - 1] ?? firstTab).id;
  persistTabs();
  showTab();
}

addTab.addEventListener('click', () => openTab());
queryEditor.addEventListener('input', () => {
  const tab = active();
  tab.query = queryEditor.value;
  if (tab.title !== config.defaultTitle) {
    const title = titleOf(tab.query);
    if (title && title !== tab.title) {
      tab.title = title;
      renderTabs();
    }
  }
  refreshOperations();
  persistTabs();
});
variablesEditor.addEventListener('input', () => {
  active().variables = variablesEditor.value;
  persistTabs();
});
headersEditor.addEventListener('input', () => {
  headersText = headersEditor.value;
  save('headers', headersText);
});

function showTool(which: 'variables' | 'headers'): void {
  variablesTab.setAttribute('aria-selected', String(which === 'variables'));
  headersTab.setAttribute('aria-selected', String(which === 'headers'));
  boxOf(variablesEditor).hidden = which !== 'variables';
  boxOf(headersEditor).hidden = which !== 'headers';
  save('tool', which);
}
variablesTab.addEventListener('click', () => showTool('variables'));
headersTab.addEventListener('click', () => showTool('headers'));

// ---------- operations in the document ----------

function operationsOf(query: string): OperationDefinitionNode[] {
  try {
    return parse(query).definitions.filter(
      (definition): definition is OperationDefinitionNode =>
        definition.kind === Kind.OPERATION_DEFINITION,
    );
  } catch {
    return [];
  }
}

function refreshOperations(): void {
  const names = operationsOf(queryEditor.value).flatMap((operation) =>
    operation.name ? [operation.name.value] : [],
  );
  const tab = active();
  operationSelect.hidden = names.length < 2;
  const current = [...operationSelect.options].map((option) => option.value).join();
  if (current !== names.join())
    operationSelect.replaceChildren(
      ...names.map((name) => el('option', { value: name, text: name })),
    );
  if (tab.operation && names.includes(tab.operation)) operationSelect.value = tab.operation;
}

operationSelect.addEventListener('change', () => {
  active().operation = operationSelect.value;
  persistTabs();
});

/** Placing the cursor inside an operation picks it, as GraphiQL does. */
function pickOperationAtCursor(): void {
  const cursor = queryEditor.selectionStart;
  const operation = operationsOf(queryEditor.value).find(
    (definition) =>
      definition.name &&
      definition.loc &&
      definition.loc.start <= cursor &&
      cursor <= definition.loc.end,
  );
  if (operation?.name && operation.name.value !== operationSelect.value) {
    operationSelect.value = operation.name.value;
    active().operation = operation.name.value;
    persistTabs();
  }
}
queryEditor.addEventListener('click', pickOperationAtCursor);
queryEditor.addEventListener('keyup', pickOperationAtCursor);

// ---------- running ----------

function parseJson(text: string, what: string): Record<string, unknown> {
  if (text.trim() === '') return {};
  const value = JSON.parse(text) as unknown;
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Error(`${what} must be a JSON object`);
  return value as Record<string, unknown>;
}

function requestHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(parseJson(headersEditor.value, 'Headers')))
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      if (value !== '') headers[name] = String(value);
  return headers;
}

function showResult(value: unknown, meta: string): void {
  responseView.replaceChildren(colour(JSON.stringify(value, null, 2)));
  responseMeta.textContent = meta;
  const token = findToken(value);
  useTokenButton.hidden = token === undefined;
  useTokenButton.dataset.token = token ?? '';
}

/** An `accessToken` or `token` in an answer, to put in the Authorization header in one click. */
function findToken(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [key, inner] of Object.entries(value)) {
    if ((key === 'accessToken' || key === 'token') && typeof inner === 'string') return inner;
    const found = findToken(inner);
    if (found) return found;
  }
  return undefined;
}

useTokenButton.addEventListener('click', () => {
  let headers: Record<string, unknown> = {};
  try {
    headers = parseJson(headersEditor.value, 'Headers');
  } catch {
    // Replace headers that do not parse.
  }
  headers.Authorization = `Bearer ${useTokenButton.dataset.token ?? ''}`;
  setCode(headersEditor, JSON.stringify(headers, null, 2));
  headersText = headersEditor.value;
  save('headers', headersText);
  showTool('headers');
  responseMeta.textContent = 'The token is in the Authorization header.';
});

function remember(entry: HistoryEntry): void {
  history = [
    entry,
    ...history.filter((old) => old.query !== entry.query || old.variables !== entry.variables),
  ].slice(0, 30);
  save('history', history);
  renderHistory();
}

async function run(): Promise<void> {
  stopSubscription?.();
  let variables: Record<string, unknown>;
  let headers: Record<string, string>;
  let document: DocumentNode;
  try {
    variables = parseJson(variablesEditor.value, 'Variables');
    headers = requestHeaders();
    document = parse(queryEditor.value);
  } catch (error) {
    showResult({ error: (error as Error).message }, 'Not sent');
    return;
  }
  const operations = document.definitions.filter(
    (definition): definition is OperationDefinitionNode =>
      definition.kind === Kind.OPERATION_DEFINITION,
  );
  const operationName =
    operations.length > 1 ? operationSelect.value || operations[0]?.name?.value : undefined;
  const operation =
    operations.find((definition) => definition.name?.value === operationName) ?? operations[0];
  const query = queryEditor.value;
  remember({
    query,
    variables: variablesEditor.value,
    ...(operationName ? { operation: operationName } : {}),
    at: Date.now(),
  });
  const body = { query, variables, ...(operationName ? { operationName } : {}) };
  if (operation?.operation === OperationTypeNode.SUBSCRIPTION) return subscribe(body, headers);
  responseMeta.textContent = 'Running…';
  runButton.disabled = true;
  const started = performance.now();
  try {
    const response = await fetch(config.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    const ms = Math.round(performance.now() - started);
    const text = await response.text();
    let value: unknown = text;
    try {
      value = JSON.parse(text);
    } catch {
      // Not JSON: shown as text.
    }
    const limit = response.headers.get('ratelimit-remaining');
    showResult(
      value,
      `${response.status} ${response.statusText} · ${ms} ms` +
        (limit ? ` · ${limit} requests left` : '') +
        (response.headers.get('retry-after')
          ? ` · retry after ${response.headers.get('retry-after')} s`
          : ''),
    );
  } catch (error) {
    showResult({ error: (error as Error).message }, 'Network error');
  } finally {
    runButton.disabled = false;
  }
}

function subscribe(
  body: { query: string; variables: Record<string, unknown>; operationName?: string },
  headers: Record<string, string>,
): void {
  const key = JSON.stringify(headers);
  if (!wsClient || wsClient.headers !== key) {
    void wsClient?.client.dispose();
    const url = new URL(config.endpoint, location.href);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    wsClient = {
      headers: key,
      client: createClient({
        url: url.href,
        connectionParams: headers.Authorization ? { authorization: headers.Authorization } : {},
        lazy: true,
      }),
    };
  }
  const events: unknown[] = [];
  showResult([], 'Subscribed: waiting for events…');
  runButton.textContent = '■ Stop';
  runButton.setAttribute('aria-label', 'Stop');
  const stop = wsClient.client.subscribe(body, {
    next: (value) => {
      events.unshift(value);
      showResult(events.slice(0, 50), `Subscribed · ${events.length} event(s)`);
    },
    error: (error) => {
      showResult({ error: error instanceof Error ? error.message : error }, 'Subscription error');
      finish();
    },
    complete: () => {
      responseMeta.textContent = `Subscription ended · ${events.length} event(s)`;
      finish();
    },
  });
  const finish = (): void => {
    stopSubscription = undefined;
    runButton.replaceChildren(el('span', { 'aria-hidden': 'true', text: '▶' }), ' Run');
    runButton.setAttribute('aria-label', 'Run');
  };
  stopSubscription = () => {
    stop();
    finish();
  };
}

runButton.addEventListener('click', () => {
  if (stopSubscription) stopSubscription();
  else void run();
});
document.addEventListener('keydown', (event) => {
  const mod = event.ctrlKey || event.metaKey;
  if (mod && event.key === 'Enter') {
    event.preventDefault();
    void run();
  } else if (mod && event.shiftKey && event.key.toLowerCase() === 'p') {
    event.preventDefault();
    prettify();
  }
});

function prettify(): void {
  try {
    const source = queryEditor.value;
    if (/^\s*#/m.test(source) && !confirm('Prettify removes the comments. Go on?')) return;
    setCode(queryEditor, print(parse(source)) + '\n');
    queryEditor.dispatchEvent(new Event('input'));
    if (variablesEditor.value.trim()) {
      setCode(variablesEditor, JSON.stringify(JSON.parse(variablesEditor.value), null, 2));
      variablesEditor.dispatchEvent(new Event('input'));
    }
  } catch (error) {
    showResult({ error: (error as Error).message }, 'Cannot prettify');
  }
}
prettifyButton.addEventListener('click', prettify);

// ---------- history ----------

function renderHistory(): void {
  historyList.replaceChildren(
    ...history.map((entry) => {
      const button = el('button', {
        type: 'button',
        text:
          entry.operation ?? titleOf(entry.query) ?? entry.query.replace(/\s+/g, ' ').slice(0, 40),
      });
      button.append(el('small', { text: new Date(entry.at).toLocaleString() }));
      button.addEventListener('click', () =>
        openTab({
          query: entry.query,
          variables: entry.variables,
          ...(entry.operation ? { operation: entry.operation } : {}),
        }),
      );
      return el('li', {}, button);
    }),
  );
  if (history.length === 0)
    historyList.append(el('li', { class: 'pe-muted', text: 'Nothing run yet.' }));
}

function togglePanel(panel: HTMLElement, other: HTMLElement, show = panel.hidden): void {
  panel.hidden = !show;
  if (show) other.hidden = true;
  docsButton.setAttribute('aria-pressed', String(!docsPanel.hidden));
  historyButton.setAttribute('aria-pressed', String(!historyPanel.hidden));
  save('panel', !docsPanel.hidden ? 'docs' : !historyPanel.hidden ? 'history' : '');
}
historyButton.addEventListener('click', () => togglePanel(historyPanel, docsPanel));
historyClose.addEventListener('click', () => togglePanel(historyPanel, docsPanel, false));

// ---------- docs ----------

type DocsPage =
  | { kind: 'home' }
  | { kind: 'type'; name: string }
  | { kind: 'field'; type: string; field: string };
let docsTrail: DocsPage[] = [{ kind: 'home' }];

async function loadSchema(): Promise<void> {
  try {
    const response = await fetch(config.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query: getIntrospectionQuery({ inputValueDeprecation: true }) }),
    });
    const result = (await response.json()) as { data?: IntrospectionQuery; errors?: unknown };
    if (!result.data) throw new Error(JSON.stringify(result.errors ?? response.status));
    schema = buildClientSchema(result.data);
  } catch (error) {
    docsBody.replaceChildren(
      el('p', {
        class: 'pe-muted',
        text: `The schema could not be loaded: ${(error as Error).message}`,
      }),
    );
    return;
  }
  renderDocs();
}

function typeLink(type: GraphQLType): DocumentFragment {
  const fragment = document.createDocumentFragment();
  const text = String(type);
  const named = getNamedType(type);
  const [before, after] = text.split(named.name) as [string, string];
  fragment.append(before);
  const link = el('a', { href: '#', class: 'pe-type', text: named.name });
  link.addEventListener('click', (event) => {
    event.preventDefault();
    goDocs({ kind: 'type', name: named.name });
  });
  fragment.append(link, after);
  return fragment;
}

function description(text: string | null | undefined): HTMLElement | null {
  return text ? el('p', { class: 'pe-description' }, richText(text)) : null;
}

function fieldLink(typeName: string, field: GraphQLField<unknown, unknown>): HTMLElement {
  const link = el('a', { href: '#', class: 'pe-field', text: field.name });
  link.addEventListener('click', (event) => {
    event.preventDefault();
    goDocs({ kind: 'field', type: typeName, field: field.name });
  });
  const firstLine = field.description?.split('\n')[0];
  return el(
    'li',
    {},
    link,
    field.args.length ? '(…)' : '',
    ': ',
    typeLink(field.type),
    firstLine ? el('div', { class: 'pe-summary' }, richText(firstLine)) : null,
  );
}

function argumentItem(arg: GraphQLArgument | GraphQLInputField): HTMLElement {
  return el(
    'li',
    {},
    el('span', { class: 'pe-arg', text: arg.name }),
    ': ',
    typeLink(arg.type),
    arg.defaultValue !== undefined ? ` = ${JSON.stringify(arg.defaultValue)}` : '',
    arg.deprecationReason ? el('span', { class: 'pe-deprecated', text: ' deprecated' }) : null,
    description(arg.description),
  );
}

function renderDocs(): void {
  if (!schema) {
    docsBody.replaceChildren(el('p', { class: 'pe-muted', text: 'Loading the schema…' }));
    return;
  }
  const page = docsTrail[docsTrail.length - 1] ?? { kind: 'home' };
  docsBack.hidden = docsTrail.length < 2;
  const search = docsSearch.value.trim().toLowerCase();
  if (search) return renderSearch(search);
  if (page.kind === 'home') {
    const roots = [
      ['Queries', schema.getQueryType()],
      ['Mutations', schema.getMutationType()],
      ['Subscriptions', schema.getSubscriptionType()],
    ] as const;
    docsBody.replaceChildren(
      ...roots.flatMap(([title, type]) =>
        type
          ? [
              el('h3', { text: title }),
              el(
                'ul',
                { class: 'pe-list' },
                ...Object.values(type.getFields()).map((f) => fieldLink(type.name, f)),
              ),
            ]
          : [],
      ),
    );
    return;
  }
  const type = schema.getType(page.kind === 'type' ? page.name : page.type);
  if (!type) return void docsBody.replaceChildren(el('p', { text: 'Unknown type.' }));
  if (page.kind === 'field') {
    const field = (
      type as { getFields?: () => Record<string, GraphQLField<unknown, unknown>> }
    ).getFields?.()[page.field];
    if (!field) return void docsBody.replaceChildren(el('p', { text: 'Unknown field.' }));
    fill(
      docsBody,
      el('h3', { class: 'pe-doc-title', text: field.name }),
      el('p', { class: 'pe-signature' }, `${type.name}.${field.name}: `, typeLink(field.type)),
      field.deprecationReason
        ? el('p', { class: 'pe-deprecated', text: `Deprecated: ${field.deprecationReason}` })
        : null,
      description(field.description) ?? el('p', { class: 'pe-muted', text: 'No description.' }),
      ...(field.args.length
        ? [
            el('h4', { text: 'Arguments' }),
            el('ul', { class: 'pe-list' }, ...field.args.map(argumentItem)),
          ]
        : []),
    );
    return;
  }
  fill(docsBody, ...typePage(type));
}

function typePage(type: GraphQLNamedType): (HTMLElement | null)[] {
  const parts: (HTMLElement | null)[] = [
    el('h3', { class: 'pe-doc-title', text: type.name }),
    description(type.description),
  ];
  if (isObjectType(type) || isInterfaceType(type)) {
    const interfaces = type.getInterfaces();
    if (interfaces.length)
      parts.push(el('p', {}, 'Implements ', ...interfaces.flatMap((i) => [typeLink(i), ' '])));
    parts.push(
      el('h4', { text: 'Fields' }),
      el(
        'ul',
        { class: 'pe-list' },
        ...Object.values(type.getFields()).map((f) => fieldLink(type.name, f)),
      ),
    );
  } else if (isInputObjectType(type)) {
    parts.push(
      el('h4', { text: 'Input fields' }),
      el('ul', { class: 'pe-list' }, ...Object.values(type.getFields()).map(argumentItem)),
    );
  } else if (isEnumType(type)) {
    parts.push(
      el('h4', { text: 'Values' }),
      el(
        'ul',
        { class: 'pe-list' },
        ...type
          .getValues()
          .map((value) =>
            el(
              'li',
              {},
              el('span', { class: 'pe-arg', text: value.name }),
              description(value.description),
            ),
          ),
      ),
    );
  } else if (isUnionType(type)) {
    parts.push(el('p', {}, 'One of ', ...type.getTypes().flatMap((t) => [typeLink(t), ' '])));
  }
  return parts;
}

function renderSearch(search: string): void {
  if (!schema) return;
  const hits: HTMLElement[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (type.name.toLowerCase().includes(search)) {
      const link = el('a', { href: '#', class: 'pe-type', text: type.name });
      link.addEventListener('click', (event) => {
        event.preventDefault();
        goDocs({ kind: 'type', name: type.name });
      });
      hits.push(el('li', {}, link));
    }
    if (isObjectType(type) || isInterfaceType(type))
      for (const field of Object.values(type.getFields()))
        if (field.name.toLowerCase().includes(search)) {
          const item = fieldLink(type.name, field);
          item.prepend(`${type.name}.`);
          hits.push(item);
        }
    if (hits.length >= 100) break;
  }
  docsBody.replaceChildren(
    hits.length
      ? el('ul', { class: 'pe-list' }, ...hits)
      : el('p', { class: 'pe-muted', text: 'No match.' }),
  );
}

function goDocs(page: DocsPage): void {
  docsSearch.value = '';
  docsTrail.push(page);
  if (docsPanel.hidden) togglePanel(docsPanel, historyPanel, true);
  renderDocs();
  docsBody.scrollTop = 0;
}
docsBack.addEventListener('click', () => {
  if (docsTrail.length > 1) docsTrail.pop();
  renderDocs();
});
docsSearch.addEventListener('input', renderDocs);
docsButton.addEventListener('click', () => {
  togglePanel(docsPanel, historyPanel);
  if (!docsPanel.hidden) docsTrail = [{ kind: 'home' }];
  renderDocs();
});
docsClose.addEventListener('click', () => togglePanel(docsPanel, historyPanel, false));

// ---------- theme ----------

type Theme = 'system' | 'light' | 'dark';
let theme = load<Theme>('theme', 'system');
function applyTheme(): void {
  if (theme === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
  themeButton.textContent = theme === 'dark' ? '☾ Dark' : theme === 'light' ? '☀ Light' : '◐ Auto';
  themeButton.setAttribute('aria-label', `Colours: ${theme}`);
}
themeButton.addEventListener('click', () => {
  theme = theme === 'system' ? 'dark' : theme === 'dark' ? 'light' : 'system';
  save('theme', theme);
  applyTheme();
});

// ---------- start ----------

applyTheme();
setCode(headersEditor, headersText);
showTab();
showTool(load<'variables' | 'headers'>('tool', 'headers'));
renderHistory();
const panel = load<string>('panel', '');
if (panel === 'docs') togglePanel(docsPanel, historyPanel, true);
if (panel === 'history') togglePanel(historyPanel, docsPanel, true);
renderDocs();
void loadSchema();
responseMeta.textContent = 'Press Run (Ctrl+Enter) to send the selected operation.';
document.documentElement.dataset.ready = 'true';
