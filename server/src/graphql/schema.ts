import 'reflect-metadata';
import {
  Kind,
  lexicographicSortSchema,
  parse,
  print,
  printSchema,
  visit,
  type ConstDirectiveNode,
  type GraphQLSchema,
  isInterfaceType,
  isObjectType,
} from 'graphql';
import { buildSchema } from 'type-graphql';
import { RESOLVER_CLASSES } from '../app/services';
import { DateTimeScalar } from './scalars';
import { ACCESS_DIRECTIVES, accessSentence, declaredScopes } from './scopes';

/**
 * Builds the executable schema. Resolver instances come from the composition root; without them
 * (schema emission) resolvers are never called.
 */
export async function buildPaceSchema(instances?: Map<unknown, unknown>): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: [...RESOLVER_CLASSES],
    validate: false,
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    emitSchemaFile: false,
    directives: ACCESS_DIRECTIVES,
    // Every subscription passes its own `subscribe` function scoped to the viewer (see
    // infra/pubsub), so type-graphql's topic-based pub/sub is never used.
    pubSub: {
      publish: () => {
        throw new Error('Publish through the PubSub of infra/pubsub.');
      },
      subscribe: () => {
        throw new Error('Subscriptions must declare their own subscribe function.');
      },
    },
    container: {
      get: (someClass: unknown) => {
        const instance = instances?.get(someClass);
        if (!instance) throw new Error('Resolver instances are not available in this context.');
        return instance;
      },
    },
  });
  describeRoots(schema);
  describeAccess(schema);
  return schema;
}

/** The root types have no class to describe them on. */
function describeRoots(schema: GraphQLSchema): void {
  const roots = [
    [schema.getQueryType(), 'Reads. Each operation’s description ends with the scopes it needs.'],
    [
      schema.getMutationType(),
      'Writes. Those taking a client-chosen id are idempotent: a replay returns what was stored. Each operation’s description ends with the scopes it needs.',
    ],
    [
      schema.getSubscriptionType(),
      'Live events over graphql-ws (the token goes in the connection params as `authorization`); a person receives only events about their own data. Each operation’s description ends with the scopes it needs.',
    ],
  ] as const;
  for (const [root, description] of roots) if (root) root.description = description;
}

/**
 * Ends the description of every operation with the scopes it needs (or that it is public), read
 * from the directive `@RequireScopes` / `@Public` wrote, so introspection (the explorer's docs)
 * shows what the scope guard enforces.
 */
function describeAccess(schema: GraphQLSchema): void {
  for (const root of [
    schema.getQueryType(),
    schema.getMutationType(),
    schema.getSubscriptionType(),
  ]) {
    for (const field of Object.values(root?.getFields() ?? {})) {
      const scopes = declaredScopes(field);
      const isPublic = (field.astNode?.directives ?? []).some((d) => d.name.value === 'public');
      if (!scopes && !isPublic) continue;
      // A field whose scopes depend on what it resolves (`node`) states them itself.
      const own = field.extensions.accessSentence;
      const sentence = typeof own === 'string' ? own : accessSentence(scopes);
      field.description = field.description ? `${field.description}\n\n${sentence}` : sentence;
    }
  }
}

/**
 * The SDL as committed in `schema.graphql`: sorted so diffs show real changes only, with the
 * directives applied to fields (`@requiresScopes`, `@public`), which `printSchema` leaves out.
 */
export function printSortedSchema(schema: GraphQLSchema): string {
  const sorted = lexicographicSortSchema(schema);
  const document = visit(parse(printSchema(sorted)), {
    FieldDefinition: {
      leave(node, _key, _parent, _path, ancestors) {
        const owner = ancestors[ancestors.length - 1];
        if (
          !owner ||
          !('kind' in owner) ||
          (owner.kind !== Kind.OBJECT_TYPE_DEFINITION &&
            owner.kind !== Kind.INTERFACE_TYPE_DEFINITION)
        )
          return undefined;
        const type = sorted.getType(owner.name.value);
        if (!isObjectType(type) && !isInterfaceType(type)) return undefined;
        const applied: readonly ConstDirectiveNode[] =
          type.getFields()[node.name.value]?.astNode?.directives ?? [];
        const extra = applied.filter((d) => d.name.value !== 'deprecated');
        return extra.length > 0
          ? { ...node, directives: [...(node.directives ?? []), ...extra] }
          : undefined;
      },
    },
  });
  return `${print(document)}\n`;
}
