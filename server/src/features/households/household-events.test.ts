import { describe, expect, it } from 'vitest';
import type { PubSub } from '../../infra/pubsub/pubsub';
import { withHouseholdFanOut } from './household-events';

describe('household fan-out', () => {
  it('delivers a budget’s events in the order they were published, to every member', async () => {
    const delivered: string[] = [];
    const base = {
      publish: async (_topic: string, scope: string, payload: unknown) => {
        delivered.push(`${scope}:${String((payload as { n: number }).n)}`);
      },
      subscribe: () => {
        throw new Error('not used');
      },
      close: async () => undefined,
    } as unknown as PubSub;
    // The first membership read is the slowest: without ordering, event 1 would leave last.
    let delay = 30;
    const pubsub = withHouseholdFanOut(base, () => ({
      eventScopesOf: async (scope: string) => {
        const wait = delay;
        delay -= 10;
        await new Promise((resolve) => setTimeout(resolve, wait));
        return [scope, 'member'];
      },
    }));
    const publish = (topic: string, scope: string, payload: unknown) =>
      (pubsub.publish as (this: void, t: string, s: string, p: unknown) => Promise<void>)(
        topic,
        scope,
        payload,
      );
    await Promise.all([1, 2, 3].map((n) => publish('budget.alert', 'owner', { n })));
    expect(delivered).toEqual([
      'owner:1',
      'member:1',
      'owner:2',
      'member:2',
      'owner:3',
      'member:3',
    ]);
  });
});
