import type { PubSub, Topic, TopicMap } from '../../infra/pubsub/pubsub';
import type { HouseholdService } from './household.service';

/** Topics about a person's budget: in a household they go to every member of the shared budget. */
const BUDGET_TOPICS: ReadonlySet<Topic> = new Set<Topic>(['budget.updated', 'budget.alert']);

/**
 * The pub/sub with budget events of a household owner's budget published to each member's own
 * scope as well, so every member's subscription (scoped to their own id, on any node) receives the
 * shared budget's updates. Membership is read at publish time: a removed member stops receiving at
 * once, a new one receives from the next write. A member's own budget is dormant while they are in a
 * household, so its events reach nobody.
 */
export function withHouseholdFanOut(
  pubsub: PubSub,
  households: () => Pick<HouseholdService, 'eventScopesOf'>,
): PubSub {
  // The membership read makes a publish wait; events of one budget still leave in the order they
  // were published (a write's alerts, then the next write's), one after the other per scope.
  const tails = new Map<string, Promise<void>>();
  const fanOut = async <K extends Topic>(
    topic: K,
    scope: string,
    payload: TopicMap[K],
  ): Promise<void> => {
    // Events are hints (clients catch up through sync): if membership cannot be read, the
    // owner's own devices still hear of the change.
    const scopes = await households()
      .eventScopesOf(scope)
      .catch(() => [scope]);
    await Promise.all(scopes.map((each) => pubsub.publish(topic, each, payload)));
  };
  return {
    publish: async (topic, scope, payload) => {
      if (!BUDGET_TOPICS.has(topic)) return pubsub.publish(topic, scope, payload);
      const previous = tails.get(scope) ?? Promise.resolve();
      const published = previous.then(() => fanOut(topic, scope, payload));
      const tail = published.catch(() => undefined);
      tails.set(scope, tail);
      void tail.then(() => {
        if (tails.get(scope) === tail) tails.delete(scope);
      });
      return published;
    },
    subscribe: (topic, scope) => pubsub.subscribe(topic, scope),
    close: () => pubsub.close(),
  };
}
