import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { buildSchema } from 'type-graphql';
import { RESOLVER_CLASSES } from '../app/services';

/**
 * Builds the executable schema. Resolver instances come from the composition root; without them
 * (schema emission) resolvers are never called.
 */
export async function buildPaceSchema(instances?: Map<unknown, unknown>): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [...RESOLVER_CLASSES],
    validate: false,
    scalarsMap: [{ type: Date, scalar: GraphQLDateTime }],
    emitSchemaFile: false,
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
}

/** The SDL as committed in `schema.graphql`: sorted so diffs show real changes only. */
export function printSortedSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
