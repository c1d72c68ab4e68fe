// Measures the API explorer as a browser gets it: every response the page loads (raw bytes and
// bytes as sent with gzip, then with brotli) and the time until its editor takes input, median of a
// few loads in Debian's Chromium. Needs a running API (npm start).
//   node server/scripts/measure-explorer.mjs [http://localhost:4000/graphql] [--graphiql] [--runs=5]
// --graphiql measures the former GraphiQL page (`?ide=graphiql`) for comparison.
import http from 'node:http';
import { chromium } from 'playwright-core';

const args = process.argv.slice(2);
const url = new URL(args.find((arg) => !arg.startsWith('--')) ?? 'http://localhost:4000/graphql');
const graphiql = args.includes('--graphiql');
const runs = Number(args.find((arg) => arg.startsWith('--runs='))?.slice(7) ?? 5);
if (graphiql) url.searchParams.set('ide', 'graphiql');
// The selector of an editor that takes input.
const ready = graphiql ? '.graphiql-query-editor .monaco-editor textarea' : 'textarea.pe-query';

const browser = await chromium.launch({
  executablePath: process.env.PACE_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
});

/** Every URL the page loads, and the time until its editor is ready (a fresh context each time). */
async function load() {
  const context = await browser.newContext();
  const page = await context.newPage();
  const urls = new Set();
  const answers = [];
  page.on('requestfinished', (request) => {
    if (request.method() === 'GET') urls.add(request.url());
    // GraphQL answers the page asks for (the schema for the docs): their size as received.
    else answers.push(request.sizes().then((sizes) => sizes.responseBodySize));
  });
  const started = performance.now();
  await page.goto(url.href);
  await page.locator(ready).first().waitFor({ state: 'visible', timeout: 30_000 });
  const ms = performance.now() - started;
  await page.waitForLoadState('load');
  const answerBytes = (await Promise.all(answers)).reduce((a, b) => a + b, 0);
  await context.close();
  return { ms, answerBytes, urls: [...urls].filter((u) => u.startsWith('http')) };
}

const times = [];
let urls = [];
let answerBytes = 0;
for (let i = 0; i < runs; i += 1) {
  const result = await load();
  times.push(result.ms);
  urls = result.urls;
  answerBytes = result.answerBytes;
}
await browser.close();

// Bytes as the server sends them for each encoding: ask with one encoding at a time, read the
// compressed length from a raw request (fetch would decode the body).
function wire(resource, encoding) {
  return new Promise((resolve, reject) => {
    http
      .get(
        resource,
        { headers: { accept: 'text/html,*/*', 'accept-encoding': encoding } },
        (res) => {
          let bytes = 0;
          res.on('data', (chunk) => (bytes += chunk.length));
          res.on('end', () =>
            resolve({ bytes, encoding: res.headers['content-encoding'] ?? 'none' }),
          );
        },
      )
      .on('error', reject);
  });
}

const rows = [];
for (const resource of urls) {
  const [raw, gzip, br] = await Promise.all([
    wire(resource, 'identity'),
    wire(resource, 'gzip'),
    wire(resource, 'br'),
  ]);
  rows.push({ resource, raw: raw.bytes, gzip: gzip.bytes, br: br.bytes, sentAs: gzip.encoding });
}
const sum = (key) => rows.reduce((total, row) => total + row[key], 0);
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
console.table(
  rows.map((row) => ({
    ...row,
    resource: new URL(row.resource).pathname + new URL(row.resource).search,
  })),
);
console.log(
  JSON.stringify(
    {
      page: url.href,
      resources: rows.length,
      rawBytes: sum('raw'),
      gzipBytes: sum('gzip'),
      brotliBytes: sum('br'),
      graphqlAnswerBytesCompressed: answerBytes,
      interactiveMsMedian: Math.round(median),
      interactiveMs: times.map(Math.round),
    },
    null,
    2,
  ),
);
