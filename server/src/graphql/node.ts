import { Field, ID, InterfaceType } from 'type-graphql';
import { AppError } from './app-error';
import type { GraphQLContext, Viewer } from './context';
import type { Scope } from './scopes';

/**
 * The typename of each value the `node`/`nodes` queries return. Their values are plain mapped
 * objects, not class instances, so the interface cannot tell them apart by prototype.
 */
const NODE_TYPENAMES = new WeakMap<object, string>();

/** Marks a value as a node of `typeName` for the `Node` interface's type resolution. */
export function asNode<T extends object>(typeName: string, value: T): T {
  NODE_TYPENAMES.set(value, typeName);
  return value;
}

@InterfaceType('Node', {
  description:
    'A record the viewer owns, fetched again by its id alone with `node(id)` or `nodes(ids)`. Ids are globally unique (UUIDs, a passkey’s credential id, or an opaque id for a mood entry) and never change.',
  resolveType: (value: object) => NODE_TYPENAMES.get(value) ?? value.constructor.name,
})
export abstract class Node {
  @Field(() => ID, {
    description: 'Globally unique and stable: pass it to `node(id)` to fetch this record again.',
  })
  id!: string;
}

/**
 * How one node type is fetched by id for its owner. Each feature declares its own (`*.node.ts`);
 * `find` answers null for an id that is not one of the viewer's records of that type.
 */
export interface NodeSource {
  typeName: string;
  /** The scope the type's own query needs; `node` enforces the same. */
  scope: Scope;
  find(context: GraphQLContext, viewer: Viewer, id: string): Promise<object | null>;
}

/** The value of a lookup that throws NOT_FOUND for another person's id, or null then. */
export async function nullWhenNotFound<T>(lookup: Promise<T>): Promise<T | null> {
  try {
    return await lookup;
  } catch (error) {
    if (error instanceof AppError && error.publicCode === 'NOT_FOUND') return null;
    throw error;
  }
}
