import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDateScalar } from '../../graphql/scalars';
import type { AdviceRow } from './advice.table';

export enum AdviceSourceGql {
  AI = 'ai',
  RULES = 'rules',
}
registerEnumType(AdviceSourceGql, {
  name: 'AdviceSource',
  description: 'Who wrote the advice.',
  valuesConfig: {
    AI: { description: 'An AI model (OPENAI_MODEL on the server), given computed facts only.' },
    RULES: {
      description:
        'The rule-based advisor, from the same facts: when no model is configured, or the model failed (see fallbackReason).',
    },
  },
});

export enum AdviceKindGql {
  WARNING = 'warning',
  TIP = 'tip',
  PRAISE = 'praise',
}
registerEnumType(AdviceKindGql, {
  name: 'AdviceKind',
  description: 'What an advice item is.',
  valuesConfig: {
    WARNING: { description: 'Something needs attention (a deficit, a category running fast).' },
    TIP: { description: 'A suggestion.' },
    PRAISE: { description: 'Something going well.' },
  },
});

@ObjectType({ description: 'A named value an advice item’s text uses.' })
export class AdviceParam {
  @Field(() => String, { description: 'The placeholder name, e.g. `category` or `perDay`.' })
  name!: string;
  @Field(() => String, {
    description: 'Its value as text; amounts are decimals followed by the currency code.',
  })
  value!: string;
}

@ObjectType('AdviceItem', { description: 'One piece of advice.' })
export class AdviceItemGql {
  @Field(() => AdviceKindGql, { description: 'Warning, tip or praise.' }) kind!: AdviceKindGql;
  @Field(() => String, {
    nullable: true,
    description:
      'For rule-based advice, a stable code (MONTH_DEFICIT, CATEGORY_FAST, GOAL_BEHIND, DAYS_WITHIN_BUDGET, HABIT_STREAK, MOOD_SPENDING, STEADY) a client may word in its own language with `params`; null for AI advice.',
  })
  code!: string | null;
  @Field(() => [AdviceParam], { description: 'The values the text names (empty for AI advice).' })
  params!: AdviceParam[];
  @Field(() => String, { description: 'A short headline.' }) title!: string;
  @Field(() => String, { description: 'One or two sentences.' }) body!: string;
  @Field(() => String, {
    nullable: true,
    description: 'The category the item is about, when it is about one.',
  })
  categoryId!: string | null;
}

@ObjectType({
  description:
    'The day’s advice: written once per local day from computed facts (the month so far, goals, habits, the mood–spending link), never from transactions, notes, e-mail or name.',
})
export class DailyAdvice {
  @Field(() => LocalDateScalar, { description: 'The local day it is for (budget time zone).' })
  on!: string;
  @Field(() => AdviceSourceGql, { description: 'Who wrote it.' }) source!: AdviceSourceGql;
  @Field(() => String, { nullable: true, description: 'The model that wrote it (source AI).' })
  model!: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      'Why rule-based advice was served although a model is configured (its error), else null.',
  })
  fallbackReason!: string | null;
  @Field(() => String, { description: 'One sentence about the month so far.' }) summary!: string;
  @Field(() => [AdviceItemGql], { description: 'One to five items, most urgent first.' })
  items!: AdviceItemGql[];
  @Field(() => Date, { description: 'When it was written.' }) generatedAt!: Date;
}

export function toDailyAdvice(row: AdviceRow): DailyAdvice {
  return Object.assign(new DailyAdvice(), {
    on: row.on,
    source: row.source as AdviceSourceGql,
    model: row.model,
    fallbackReason: row.fallbackReason,
    summary: row.advice.summary,
    items: row.advice.items.map((item) =>
      Object.assign(new AdviceItemGql(), {
        kind: item.kind as AdviceKindGql,
        code: item.code,
        params: Object.entries(item.params).map(([name, value]) =>
          Object.assign(new AdviceParam(), { name, value }),
        ),
        title: item.title,
        body: item.body,
        categoryId: item.categoryId,
      }),
    ),
    generatedAt: row.createdAt,
  });
}
