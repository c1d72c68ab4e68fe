import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accessTokenWithScopes,
  ALL_SCOPES,
  bearer,
  errorCodes,
  signUp,
  startTestApi,
  TEST_MODE,
  type TestApi,
  type TestUser,
} from '../kit';
import { CREATE, ONBOARD, US_ONBOARDING } from '../budget/budget-client';

let now = Date.parse('2026-03-01T15:00:00Z');
const clock = { now: () => new Date(now) };

const ADVICE = `query A($date: Date) { advice(date: $date) { on source model fallbackReason summary generatedAt items { kind code title body categoryId params { name value } } } }`;

interface AdviceData {
  on: string;
  source: 'AI' | 'RULES';
  model: string | null;
  fallbackReason: string | null;
  summary: string;
  generatedAt: string;
  items: {
    kind: string;
    code: string | null;
    title: string;
    body: string;
    categoryId: string | null;
    params: { name: string; value: string }[];
  }[];
}

/** A local server speaking the OpenAI chat completions protocol: what the real client talks to. */
function fakeOpenAi() {
  const bodies: string[] = [];
  let answer: (body: Record<string, unknown>) => { status: number; json: unknown } = () => ({
    status: 500,
    json: { error: { message: 'not set' } },
  });
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      bodies.push(`${request.method} ${request.url} ${request.headers.authorization} ${body}`);
      const { status, json } = answer(JSON.parse(body || '{}') as Record<string, unknown>);
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(json));
    });
  });
  return {
    bodies,
    answerWith(fn: typeof answer) {
      answer = fn;
    },
    async start(): Promise<string> {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const completion = (content: string) => ({
  status: 200,
  json: {
    id: 'chatcmpl-1',
    object: 'chat.completion',
    created: 1,
    model: 'local-model',
    choices: [
      {
        index: 0,
        finish_reason: 'stop',
        logprobs: null,
        message: { role: 'assistant', content, refusal: null },
      },
    ],
  },
});

/** An onboarded person with a premium token, who ate out a lot in the first days of March. */
async function personWithAMonth(api: TestApi): Promise<{ user: TestUser; premium: string }> {
  now = Date.parse('2026-03-01T15:00:00Z');
  const user = await signUp(api);
  const call = async (query: string, variables: Record<string, unknown>) => {
    const response = await api.graphql(query, variables, bearer(user.accessToken));
    expect(response.errors).toBeUndefined();
  };
  await call(ONBOARD, { input: US_ONBOARDING });
  for (const day of ['01', '02', '03', '04'])
    await call(CREATE, {
      input: {
        amount: '60.00',
        categoryId: 'dining_out',
        bookedOn: `2026-03-${day}`,
        description: 'Sushi with Anna Example',
      },
    });
  now = Date.parse('2026-03-05T15:00:00Z');
  return { user, premium: await accessTokenWithScopes(api, user.userId, ALL_SCOPES) };
}

describe(`the day's advice (${TEST_MODE})`, () => {
  const openAi = fakeOpenAi();
  let rulesApi: TestApi;
  let aiApi: TestApi;
  beforeAll(async () => {
    const baseUrl = await openAi.start();
    const config = { ACCESS_TOKEN_TTL_S: '3000000' };
    rulesApi = await startTestApi({ clock, config });
    aiApi = await startTestApi({
      clock,
      config: {
        ...config,
        OPENAI_API_KEY: 'sk-test-not-a-secret',
        OPENAI_BASE_URL: baseUrl,
        OPENAI_MODEL: 'local-model',
      },
    });
  });
  afterAll(async () => {
    await rulesApi?.stop();
    await aiApi?.stop();
    await openAi.stop();
  });

  it('without a model, writes rule-based advice from the facts once per local day, for premium only', async () => {
    const { user, premium } = await personWithAMonth(rulesApi);
    // A standard sign-in has no premium scope.
    expect(errorCodes(await rulesApi.graphql(ADVICE, {}, bearer(user.accessToken)))).toEqual([
      'FORBIDDEN',
    ]);
    const first = (await rulesApi.graphql<{ advice: AdviceData }>(ADVICE, {}, bearer(premium)))
      .data!.advice;
    expect(first).toMatchObject({
      on: '2026-03-05',
      source: 'RULES',
      model: null,
      fallbackReason: null,
    });
    expect(first.summary).toMatch(
      /^Day 5 of 31: 240\.00 USD spent of .* USD planned this month\.$/,
    );
    const fast = first.items.find((i) => i.code === 'CATEGORY_FAST');
    expect(fast).toMatchObject({ kind: 'WARNING', categoryId: 'dining_out' });
    expect(fast?.params.map((p) => p.name).sort()).toEqual([
      'category',
      'perDay',
      'ratio',
      'runOutOn',
    ]);

    // The same all day, even after a new expense; a new day writes new advice.
    await rulesApi.graphql(
      CREATE,
      { input: { amount: '1.00', categoryId: 'flex' } },
      bearer(premium),
    );
    now = Date.parse('2026-03-06T03:00:00Z'); // still the 5th in New York
    const again = (await rulesApi.graphql<{ advice: AdviceData }>(ADVICE, {}, bearer(premium)))
      .data!.advice;
    expect(again).toEqual(first);
    now = Date.parse('2026-03-06T15:00:00Z');
    const next = (await rulesApi.graphql<{ advice: AdviceData }>(ADVICE, {}, bearer(premium))).data!
      .advice;
    expect(next.on).toBe('2026-03-06');
    // An earlier day answers the advice written then, or null; a day to come is null.
    const byDate = async (date: string) =>
      (await rulesApi.graphql<{ advice: AdviceData | null }>(ADVICE, { date }, bearer(premium)))
        .data!.advice;
    expect(await byDate('2026-03-05')).toEqual(first);
    expect(await byDate('2026-03-06')).toEqual(next);
    expect(await byDate('2026-03-04')).toBeNull();
    expect(await byDate('2026-03-07')).toBeNull();

    // Before onboarding there is nothing to advise on.
    const fresh = await signUp(rulesApi);
    const token = await accessTokenWithScopes(rulesApi, fresh.userId, ALL_SCOPES);
    expect(errorCodes(await rulesApi.graphql(ADVICE, {}, bearer(token)))).toEqual(['CONFLICT']);
  });

  it('asks the configured model with facts only, validates its answer, and falls back to rules when it fails', async () => {
    const { user, premium } = await personWithAMonth(aiApi);
    openAi.answerWith((body) => {
      // Structured output is asked for with the advice schema.
      expect((body.response_format as { type: string }).type).toBe('json_schema');
      return completion(
        JSON.stringify({
          summary: 'Dining out is ahead of plan.',
          items: [
            {
              kind: 'warning',
              title: 'Slow down on dining out',
              body: 'Cook at home for the next few days.',
              categoryId: 'dining_out',
            },
            { kind: 'tip', title: 'Made up', body: 'x', categoryId: 'not-a-category' },
          ],
        }),
      );
    });
    const ai = (await aiApi.graphql<{ advice: AdviceData }>(ADVICE, {}, bearer(premium))).data!
      .advice;
    expect(ai).toMatchObject({
      source: 'AI',
      model: 'local-model',
      fallbackReason: null,
      summary: 'Dining out is ahead of plan.',
    });
    expect(ai.items.map((i) => [i.kind, i.categoryId, i.code])).toEqual([
      ['WARNING', 'dining_out', null],
      ['TIP', null, null],
    ]);
    const sent = openAi.bodies.join('\n');
    expect(sent).toContain('POST /v1/chat/completions Bearer sk-test-not-a-secret');
    expect(sent).toContain('"model":"local-model"');
    expect(sent).toContain('dining_out');
    // Facts only: never the person's e-mail, a transaction's words, or another identifier.
    expect(sent).not.toContain(user.email);
    expect(sent).not.toContain('Sushi');
    expect(sent).not.toContain('Anna');
    expect(sent).not.toContain(user.userId);
    const calls = openAi.bodies.length;
    await aiApi.graphql(ADVICE, {}, bearer(premium));
    expect(openAi.bodies).toHaveLength(calls);

    // A model answering out of shape (or failing) gets rule-based advice served, with the reason.
    const other = await personWithAMonth(aiApi);
    openAi.answerWith(() => completion(JSON.stringify({ summary: '', items: [] })));
    const fallback = (
      await aiApi.graphql<{ advice: AdviceData }>(ADVICE, {}, bearer(other.premium))
    ).data!.advice;
    expect(fallback.source).toBe('RULES');
    expect(fallback.fallbackReason).toBeTruthy();
    expect(fallback.items.some((i) => i.code === 'CATEGORY_FAST')).toBe(true);
  });
});
