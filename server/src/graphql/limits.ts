import {
  GraphQLError,
  Kind,
  parse,
  type ASTVisitor,
  type DocumentNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';

export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxComplexity: number;
}

/**
 * Validation rules refusing abusive documents before they run: too deep, too many aliases, or too
 * many fields once fragments are expanded (each field costs 1; lists are not multiplied, since
 * every list here is paged with a bounded `first`). Introspection fields are not counted.
 */
export function queryLimitRules(limits: QueryLimits): ValidationRule[] {
  return [
    (context) =>
      ({
        Document: {
          leave(document) {
            const fragments = new Map<string, FragmentDefinitionNode>();
            for (const definition of document.definitions) {
              if (definition.kind === Kind.FRAGMENT_DEFINITION)
                fragments.set(definition.name.value, definition);
            }
            const memo = new Map<string, Measure>();
            for (const definition of document.definitions) {
              if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
              const measured = measure(definition.selectionSet, fragments, memo, new Set());
              // The operation's own selection set is level 1.
              check(context, 'depth', measured.depth + 1, limits.maxDepth);
              check(context, 'aliases', measured.aliases, limits.maxAliases);
              check(context, 'complexity', measured.fields, limits.maxComplexity);
            }
          },
        },
      }) satisfies ASTVisitor,
  ];
}

function check(context: ValidationContext, what: string, value: number, limit: number): void {
  if (value <= limit) return;
  context.reportError(
    new GraphQLError(`The query exceeds the maximum ${what} (${value} > ${limit}).`, {
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: what },
    }),
  );
}

interface Measure {
  /** Nested selection sets below the measured one (0 when it selects only leaves). */
  depth: number;
  aliases: number;
  fields: number;
}

/**
 * Measures a selection set, each fragment once: a fragment's measure is memoised and added at
 * every spread, so a document of fragments spreading each other twice costs linear time while
 * its field count still grows as the expansion would.
 */
function measure(
  selectionSet: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  memo: Map<string, Measure>,
  visiting: Set<string>,
): Measure {
  const total: Measure = { depth: 0, aliases: 0, fields: 0 };
  const add = (inner: Measure, below: number) => {
    total.depth = Math.max(total.depth, inner.depth + below);
    total.aliases += inner.aliases;
    total.fields += inner.fields;
  };
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value.startsWith('__')) continue;
      total.fields += 1;
      if (selection.alias) total.aliases += 1;
      if (selection.selectionSet)
        add(measure(selection.selectionSet, fragments, memo, visiting), 1);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      add(measure(selection.selectionSet, fragments, memo, visiting), 0);
    } else {
      const name = selection.name.value;
      const fragment = fragments.get(name);
      // A cycle is reported by GraphQL's own NoFragmentCycles rule.
      if (!fragment || visiting.has(name)) continue;
      let inner = memo.get(name);
      if (!inner) {
        visiting.add(name);
        inner = measure(fragment.selectionSet, fragments, memo, visiting);
        visiting.delete(name);
        memo.set(name, inner);
      }
      add(inner, 0);
    }
  }
  return total;
}

export interface DocumentLimits {
  maxBytes: number;
  maxTokens: number;
}

/** The refusal of a document larger than the byte cap, checked before it is parsed. */
export function documentSizeError(query: unknown, limits: DocumentLimits): GraphQLError | null {
  if (typeof query !== 'string' || Buffer.byteLength(query, 'utf8') <= limits.maxBytes) return null;
  return new GraphQLError(`The document is larger than ${limits.maxBytes} bytes.`, {
    extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'bytes' },
  });
}

/** Parses with the token cap; a document over either cap is refused with a typed error. */
export function parseLimited(
  query: string,
  limits: DocumentLimits,
): { document: DocumentNode } | { errors: GraphQLError[] } {
  const tooLarge = documentSizeError(query, limits);
  if (tooLarge) return { errors: [tooLarge] };
  try {
    return { document: parse(query, { maxTokens: limits.maxTokens }) };
  } catch (error) {
    const message = error instanceof GraphQLError ? error.message : 'The document does not parse.';
    return {
      errors: [new GraphQLError(message, { extensions: { code: 'GRAPHQL_PARSE_FAILED' } })],
    };
  }
}
