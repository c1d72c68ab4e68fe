import {
  DirectiveLocation,
  GraphQLDirective,
  GraphQLError,
  GraphQLList,
  GraphQLNonNull,
  GraphQLString,
  Kind,
  OperationTypeNode,
  type ConstDirectiveNode,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';
import { Directive, UseMiddleware, type MiddlewareFn } from 'type-graphql';
import { defineErrors } from './app-error';
import type { GraphQLContext } from './context';

/** Every OAuth-style scope a token can carry (domain.md §9). */
export const SCOPES = [
  'read:profile',
  'write:profile',
  'read:transactions',
  'write:transactions',
  'read:budget',
  'manage:budget',
  'read:goals',
  'write:goals',
  'read:analytics',
  'premium:ai_insights',
  'process:receipts',
  // Everything held about the person at once (exportMyData): never implied by a narrower read.
  'export:data',
  'manage:webhooks',
  'admin:*',
] as const;

export type Scope = (typeof SCOPES)[number];

/** What each scope lets a token do, in the person's terms (the `scopes` query, the explorer). */
export const SCOPE_DESCRIPTIONS: Readonly<Record<Scope, string>> = {
  'read:profile':
    'Read the profile (name, e-mail, currency, time zone, language), the signed-in sessions, passkeys and personal access tokens, and the notifications with their settings (live too).',
  'write:profile':
    'Change the profile and password, sign out (here or everywhere), manage sessions, passkeys and personal access tokens, mark notifications read, change notification settings and push registrations, and delete the account.',
  'read:transactions':
    'Read the ledger: transactions one by one or by page, recurring transactions, and the CSV export.',
  'write:transactions':
    'Create, edit, delete and restore transactions, quick expenses, recurring transactions and bank-file imports.',
  'read:budget':
    'Read the plan, the months and days with their allocations and statuses, categories, manual moves, the dashboard, live budget updates and alerts, and installment plans judged against the plan.',
  'manage:budget':
    'Onboard, change the plan settings, make the plan again, create and edit categories, and move budget by hand.',
  'read:goals':
    'Read savings goals with what is saved, habits with their streaks, and mood entries.',
  'write:goals':
    'Create, edit and delete savings goals and put money aside for them; create, edit, archive and check in habits; record and remove moods.',
  'read:analytics':
    'Read spending analytics: the breakdown by category, trends, pace, unusual days, drift, the financial health score, the comparison with peers, and how mood and discretionary spending go together.',
  'premium:ai_insights':
    'The day’s advice (written by an AI model from computed facts, or by rules), on the premium plan.',
  'process:receipts':
    'Upload receipt photos (POST /api/receipts) and see their images, read the receipts with what was recognised (live too), reprocess or discard them, and confirm one as a transaction.',
  'export:data':
    'Export everything held about the person at once (exportMyData). Never implied by a narrower read.',
  'manage:webhooks':
    'Register, change and delete webhook endpoints (HTTPS URLs receiving signed events about transactions, the budget, goals and notifications), rotate their signing secrets, read their deliveries, replay a delivery and send a test event.',
  'admin:*':
    'Operate the service: the audit log, system checks, signing-key rotation, premium and feature flags, people (search, lock, sign out everywhere, delete), job queues, outside services and database statistics. Granted to admins only.',
};

/** The scopes `@requiresScopes` declares on a field (null: none declared). */
export function declaredScopes(field: {
  astNode?: { directives?: readonly ConstDirectiveNode[] } | null;
}): string[] | null {
  const value = field.astNode?.directives?.find((d) => d.name.value === 'requiresScopes')
    ?.arguments?.[0]?.value;
  return value?.kind === Kind.LIST
    ? value.values.flatMap((v) => (v.kind === Kind.STRING ? [v.value] : []))
    : null;
}

/** The sentence ending an operation's description: the scopes its token needs, or none. */
export function accessSentence(scopes: readonly string[] | null): string {
  if (scopes === null) return 'Public: no token needed.';
  const list = scopes.map((scope) => `\`${scope}\``).join(', ');
  return `Needs the scope${scopes.length > 1 ? 's' : ''} ${list} (a token without ${scopes.length > 1 ? 'them' : 'it'} is refused with FORBIDDEN).`;
}

export function isScope(value: string): value is Scope {
  return (SCOPES as readonly string[]).includes(value);
}

export type AccessErrorCode =
  | 'UNAUTHENTICATED'
  | 'TOKEN_EXPIRED'
  | 'TOKEN_REVOKED'
  | 'TOKEN_INVALID'
  | 'SCOPE_MISSING'
  | 'RATE_LIMITED';

export const AccessError = defineErrors<AccessErrorCode>('AccessError', {
  UNAUTHENTICATED: {
    publicCode: 'UNAUTHENTICATED',
    when: 'An operation that needs a token was called without one (no Authorization header, or a websocket connected without `authorization` in its connection params).',
    action: 'Sign in (or create a personal access token) and send `Authorization: Bearer <token>`.',
    message: () => 'Sign in to do this.',
  },
  TOKEN_EXPIRED: {
    publicCode: 'UNAUTHENTICATED',
    when: 'The access token has passed its expiry time.',
    action: 'Get a new pair with refreshToken and repeat the request with the new access token.',
    message: () => 'The access token has expired: refresh it.',
  },
  TOKEN_REVOKED: {
    publicCode: 'UNAUTHENTICATED',
    when: 'The access token’s session was ended: sign-out, sign-out everywhere, the session revoked from another device, a password change or reset, or the account deleted.',
    action: 'Drop the stored tokens and sign in again; refreshing will not help.',
    message: () => 'The access token was revoked: sign in again.',
  },
  TOKEN_INVALID: {
    publicCode: 'UNAUTHENTICATED',
    when: 'The Authorization header is not `Bearer <token>`, the token is malformed or its signature does not verify, or a personal access token is unknown, revoked or expired.',
    action: 'Check how the header is built; sign in again, or create a new personal access token.',
    message: () => 'The access token is not valid.',
  },
  SCOPE_MISSING: {
    publicCode: 'FORBIDDEN',
    when: 'The token lacks a scope the operation needs; details.required lists the missing ones. Each operation’s description ends with the scopes it needs.',
    action:
      'Use a token that carries those scopes (for a personal access token, create one with them); do not retry with the same token.',
    message: (d) => `This token lacks the scope ${(d.required as string[]).join(', ')}.`,
  },
  RATE_LIMITED: {
    publicCode: 'RATE_LIMITED',
    when: 'Too many requests: the token’s request rate limit, the per-address limits on sign-in, registration, token refresh and password resets, or the wait imposed on a new device after wrong passwords.',
    action: 'Wait `retryAfter` seconds (also sent as the Retry-After header) before trying again.',
    message: (d) => `Too many requests: retry in ${String(d.retryAfter)} s.`,
  },
});

/** `@requiresScopes(scopes: [...])` in the SDL: what a caller's token must carry. */
export const requiresScopesDirective = new GraphQLDirective({
  name: 'requiresScopes',
  description: 'The token must carry every listed scope.',
  locations: [DirectiveLocation.FIELD_DEFINITION],
  args: {
    scopes: {
      type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(GraphQLString))),
      description: 'The scopes, as the `scopes` query lists them (e.g. `read:budget`).',
    },
  },
});

/** `@public` in the SDL: an operation anyone may call (sign-in, registration …). */
export const publicDirective = new GraphQLDirective({
  name: 'public',
  description: 'Callable without a token.',
  locations: [DirectiveLocation.FIELD_DEFINITION],
});

export const ACCESS_DIRECTIVES = [requiresScopesDirective, publicDirective];

/**
 * Declares the scopes a field needs. The one declaration both writes the SDL directive and installs
 * the check, so `schema.graphql` always shows what the server enforces.
 */
export function RequireScopes(...scopes: [Scope, ...Scope[]]): MethodDecorator & PropertyDecorator {
  const directive = Directive(
    `@requiresScopes(scopes: [${scopes.map((s) => JSON.stringify(s)).join(', ')}])`,
  );
  const middleware = UseMiddleware(scopeGuard(scopes));
  return (target: object, key: string | symbol, descriptor?: PropertyDescriptor) => {
    directive(target, key, descriptor as TypedPropertyDescriptor<unknown>);
    middleware(target, key, descriptor as TypedPropertyDescriptor<unknown>);
  };
}

/** Marks an operation callable without a token. */
export function Public(): MethodDecorator & PropertyDecorator {
  const directive = Directive('@public');
  return (target: object, key: string | symbol, descriptor?: PropertyDescriptor) => {
    directive(target, key, descriptor as TypedPropertyDescriptor<unknown>);
  };
}

function scopeGuard(required: readonly Scope[]): MiddlewareFn<GraphQLContext> {
  return async ({ context, info }, next) => {
    await enforceScopes(context, required, `${info.parentType.name}.${info.fieldName}`);
    return next() as Promise<unknown>;
  };
}

/**
 * What `@RequireScopes` checks, for fields whose scopes depend on what they resolve (`node`):
 * a viewer, the scopes (a refusal is audited), and the viewer's request rate limit.
 */
export async function enforceScopes(
  context: GraphQLContext,
  required: readonly Scope[],
  field: string,
): Promise<void> {
  const { viewer } = context;
  if (!viewer) throw new AccessError(context.authFailure ?? 'UNAUTHENTICATED');
  const missing = required.filter((scope) => !viewer.scopes.includes(scope));
  if (missing.length > 0) {
    await context.services.audit.record({
      event: 'scope.denied',
      userId: viewer.userId,
      ip: context.clientIp,
      details: { field, required: required.join(' ') },
    });
    throw new AccessError('SCOPE_MISSING', { required: missing });
  }
  // Once per request (or per subscription connection): the viewer's request rate limit.
  context.admission ??= context.services.auth.admit(viewer);
  const admitted = await context.admission;
  if (!admitted.allowed)
    throw new AccessError('RATE_LIMITED', { retryAfter: admitted.retryAfterS });
}

/** The viewer of a field guarded by `@RequireScopes` (the guard has already refused anonymous calls). */
export function viewerOf(context: GraphQLContext): NonNullable<GraphQLContext['viewer']> {
  if (!context.viewer) throw new AccessError(context.authFailure ?? 'UNAUTHENTICATED');
  return context.viewer;
}

/**
 * Subscriptions are checked when they start (their field middleware only runs per event), from the
 * same `@requiresScopes` / `@public` directives the schema carries. Returns the errors to answer with.
 */
export async function subscriptionAccessErrors(
  schema: GraphQLSchema,
  document: DocumentNode,
  context: GraphQLContext,
): Promise<GraphQLError[]> {
  const subscriptionType = schema.getSubscriptionType();
  if (!subscriptionType) return [];
  const errors: GraphQLError[] = [];
  for (const definition of document.definitions) {
    if (
      definition.kind !== Kind.OPERATION_DEFINITION ||
      definition.operation !== OperationTypeNode.SUBSCRIPTION
    )
      continue;
    for (const selection of definition.selectionSet.selections) {
      if (selection.kind !== Kind.FIELD) continue;
      const field = subscriptionType.getFields()[selection.name.value];
      const directive = field?.astNode?.directives?.find(
        (d) => d.name.value === requiresScopesDirective.name,
      );
      const isPublic =
        field?.astNode?.directives?.some((d) => d.name.value === publicDirective.name) ?? false;
      if (!field || isPublic) continue;
      const value = directive?.arguments?.[0]?.value;
      const scopes =
        value?.kind === Kind.LIST
          ? value.values.flatMap((v) => (v.kind === Kind.STRING ? [v.value] : []))
          : [];
      try {
        if (!context.viewer) throw new AccessError(context.authFailure ?? 'UNAUTHENTICATED');
        const missing = scopes.filter((scope) => !context.viewer?.scopes.includes(scope));
        if (missing.length > 0) {
          await context.services.audit.record({
            event: 'scope.denied',
            userId: context.viewer.userId,
            ip: context.clientIp,
            details: { field: `Subscription.${field.name}`, required: scopes.join(' ') },
          });
          throw new AccessError('SCOPE_MISSING', { required: missing });
        }
      } catch (error) {
        const access = error as InstanceType<typeof AccessError>;
        errors.push(
          new GraphQLError(access.message, {
            extensions: { code: access.publicCode, reason: access.code },
          }),
        );
      }
    }
  }
  return errors;
}
