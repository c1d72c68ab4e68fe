import OpenAI from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import { z } from 'zod';
import { MAX_ADVICE_ITEMS, ruleBasedAdvice, type Advice, type AdviceFacts } from '@pace/engine';

/** Writes advice from facts. The facts are all it gets: no transaction, note, e-mail or name. */
export interface Advisor {
  readonly source: 'ai' | 'rules';
  /** The model asked (ai), null for rules. */
  readonly model: string | null;
  advise(facts: AdviceFacts, locale: string): Promise<Advice>;
}

export const rulesAdvisor: Advisor = {
  source: 'rules',
  model: null,
  advise: (facts) => Promise.resolve(ruleBasedAdvice(facts)),
};

/** What a model must answer, checked before anything it says is stored or shown. */
export const AI_ADVICE_SCHEMA = z.object({
  summary: z.string().min(1).max(400),
  items: z
    .array(
      z.object({
        kind: z.enum(['warning', 'tip', 'praise']),
        title: z.string().min(1).max(120),
        body: z.string().min(1).max(500),
        categoryId: z.string().max(64).nullable(),
      }),
    )
    .min(1)
    .max(MAX_ADVICE_ITEMS),
});

const INSTRUCTIONS = [
  'You are the budgeting coach of Pace, a personal-finance app that splits a monthly income into daily budgets per category and rebalances overspending across the remaining days.',
  'You are given computed facts about one person’s month as JSON (amounts in minor units of `currency`; pace 1 = on plan). You never see transactions or who the person is.',
  `Answer with a short summary and 1 to ${MAX_ADVICE_ITEMS} concrete, kind, non-judgemental items, most urgent first: warnings for a deficit or categories running fast, tips, and praise where it is earned.`,
  'Use only the facts given; do not invent numbers. Write amounts as decimals with the currency code. Never suggest taking money from savings without saying it is the person’s choice. No financial products, no investment advice.',
  'Set categoryId to the fact’s category id when an item is about one category, else null.',
].join(' ');

/** The reason an AI answer was refused: bad shape, or the client's own error. */
export class AdvisorError extends Error {}

/** Advice from an OpenAI-compatible chat completions API, answer validated with zod. */
export function openAiAdvisor(options: {
  apiKey: string;
  baseURL: string;
  model: string;
  timeoutMs: number;
}): Advisor {
  const client = new OpenAI({
    apiKey: options.apiKey,
    baseURL: options.baseURL,
    timeout: options.timeoutMs,
    maxRetries: 1,
  });
  return {
    source: 'ai',
    model: options.model,
    async advise(facts, locale) {
      const completion = await client.chat.completions.parse({
        model: options.model,
        temperature: 0.3,
        messages: [
          {
            role: 'system',
            content: `${INSTRUCTIONS} Write in the language of the locale ${locale}.`,
          },
          { role: 'user', content: JSON.stringify(facts) },
        ],
        response_format: zodResponseFormat(AI_ADVICE_SCHEMA, 'advice'),
      });
      const message = completion.choices[0]?.message;
      if (!message?.parsed) throw new AdvisorError(message?.refusal ?? 'the model gave no advice');
      // Parsed by the client already; checked again here so nothing unvalidated is ever stored.
      const answer = AI_ADVICE_SCHEMA.safeParse(message.parsed);
      if (!answer.success) throw new AdvisorError('the model’s advice had the wrong shape');
      const known = new Set(facts.categories.map((c) => c.id));
      return {
        summary: answer.data.summary,
        items: answer.data.items.map((item) => ({
          ...item,
          code: null,
          params: {},
          categoryId: item.categoryId && known.has(item.categoryId) ? item.categoryId : null,
        })),
      };
    },
  };
}
