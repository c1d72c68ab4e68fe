import {
  GraphQLError,
  Kind,
  type ASTVisitor,
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
            for (const definition of document.definitions) {
              if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
              const measured = measure(definition.selectionSet, fragments, 1, new Set());
              check(context, 'depth', measured.depth, limits.maxDepth);
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
  depth: number;
  aliases: number;
  fields: number;
}

function measure(
  selectionSet: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  level: number,
  visiting: Set<string>,
): Measure {
  const total: Measure = { depth: level, aliases: 0, fields: 0 };
  const add = (inner: Measure) => {
    total.depth = Math.max(total.depth, inner.depth);
    total.aliases += inner.aliases;
    total.fields += inner.fields;
  };
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value.startsWith('__')) continue;
      total.fields += 1;
      if (selection.alias) total.aliases += 1;
      if (selection.selectionSet)
        add(measure(selection.selectionSet, fragments, level + 1, visiting));
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      add(measure(selection.selectionSet, fragments, level, visiting));
    } else {
      const name = selection.name.value;
      const fragment = fragments.get(name);
      // A cycle is reported by GraphQL's own NoFragmentCycles rule.
      if (!fragment || visiting.has(name)) continue;
      add(measure(fragment.selectionSet, fragments, level, new Set([...visiting, name])));
    }
  }
  return total;
}
