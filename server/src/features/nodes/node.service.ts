import type { GraphQLContext, Viewer } from '../../graphql/context';
import { asNode, type NodeSource } from '../../graphql/node';
import { enforceScopes } from '../../graphql/scopes';
import { budgetAdjustmentNode, budgetCategoryNode } from '../budget';
import { challengeParticipationNode } from '../challenges';
import { goalNode } from '../goals';
import { habitNode, moodEntryNode } from '../habits';
import { notificationNode } from '../notifications';
import { receiptNode } from '../receipts';
import { recurringTransactionNode } from '../recurring';
import { ruleNode } from '../rules';
import { moneyAccountNode, transferNode } from '../money-accounts';
import { splitNode } from '../splits';
import { transactionNode } from '../transactions';
import { passkeyNode, personalAccessTokenNode, signedInSessionNode } from '../auth';

/** Every type implementing `Node`, each fetched as its own query would answer it. */
export const NODE_SOURCES: readonly NodeSource[] = [
  transactionNode,
  goalNode,
  habitNode,
  moodEntryNode,
  notificationNode,
  recurringTransactionNode,
  ruleNode,
  moneyAccountNode,
  transferNode,
  challengeParticipationNode,
  budgetAdjustmentNode,
  budgetCategoryNode,
  personalAccessTokenNode,
  passkeyNode,
  signedInSessionNode,
  receiptNode,
  splitNode,
];

/** The ids `nodes` takes at once. */
export const MAX_NODE_IDS = 100;

/** The sentence ending `node`/`nodes` descriptions, from the same table `find` enforces. */
export function nodeAccessSentence(): string {
  const byType = NODE_SOURCES.map((s) => `${s.typeName} \`${s.scope}\``).join(', ');
  return `Needs a token; each record needs the scope its type’s own query needs (${byType}): a record of yours whose scope the token lacks is refused with FORBIDDEN.`;
}

/**
 * The viewer's record with this id, or null when it is none of theirs. Ids are unique across the
 * node types, so at most one source finds it; the scope is checked once the type is known.
 */
export async function findNode(
  context: GraphQLContext,
  viewer: Viewer,
  id: string,
): Promise<object | null> {
  if (id.length === 0 || id.length > 512) return null;
  const found = await Promise.all(
    NODE_SOURCES.map(async (source) => {
      const value = await source.find(context, viewer, id);
      return value ? { source, value } : null;
    }),
  );
  const hit = found.find((entry) => entry !== null);
  if (!hit) return null;
  await enforceScopes(context, [hit.source.scope], `Query.node(${hit.source.typeName})`);
  return asNode(hit.source.typeName, hit.value);
}
