import type { GraphQLContext } from './context';
import { AccessError } from './scopes';

/** The signed-in user's id; the scope guard has already refused calls without a viewer. */
export function viewerIdOf(context: GraphQLContext): string {
  if (!context.viewer) throw new AccessError(context.authFailure ?? 'UNAUTHENTICATED');
  return context.viewer.userId;
}

/** For subscriptions, whose `subscribe` runs before field middleware: checks the scopes too. */
export function subscriberIdOf(context: GraphQLContext, scopes: readonly string[]): string {
  const userId = viewerIdOf(context);
  const missing = scopes.filter((scope) => !context.viewer?.scopes.includes(scope));
  if (missing.length > 0) throw new AccessError('SCOPE_MISSING', { required: missing });
  return userId;
}
