import {
  GraphQLError,
  Kind,
  TypeInfo,
  getArgumentValues,
  getNamedType,
  getVariableValues,
  isInputObjectType,
  isListType,
  isNonNullType,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type FieldNode,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLContext } from './context';

/**
 * The one check every argument value passes before a resolver runs (after GraphQL's own type
 * coercion, which the scalars narrow further: dates within 1970–2100). By class, not by field:
 * every String and ID is free of NUL characters and lone surrogates (the database cannot hold
 * them) and bounded in length, every list is bounded in size, and every page size (`first`) is
 * within 0..MAX_PAGE_SIZE. A field whose input legitimately differs says so in INPUT_LIMITS.
 */

/** Most UTF-16 units of a String input without a limit of its own. */
export const DEFAULT_MAX_TEXT = 1_000;
/** Most UTF-16 units of an ID input (UUIDs and client-chosen ids). */
export const DEFAULT_MAX_ID = 128;
/** Most items of a list input without a limit of its own. */
export const DEFAULT_MAX_ITEMS = 100;
/** Largest page any `first` argument may ask for, unless its field allows less. */
export const MAX_PAGE_SIZE = 500;
/** Argument names that are page sizes, whatever their field. */
const PAGE_SIZE_ARGUMENTS = new Set(['first', 'last', 'limit']);

export interface InputLimit {
  maxLength?: number;
  maxItems?: number;
  min?: number;
  max?: number;
}

/**
 * Inputs whose bounds differ from the defaults, by schema coordinate (`Type.field` for an input
 * field, `Type.field(arg:)` for an argument). A test checks every coordinate exists.
 */
export const INPUT_LIMITS: Readonly<Record<string, InputLimit>> = {
  // A bank file; the import's own byte cap (IMPORT_TOO_LARGE, 5 MB) is checked by its service.
  'ImportTransactionsInput.content': { maxLength: 5 * 1024 * 1024 },
  'ImportTransactionsInput.previewRows': { min: 0, max: 200 },
  'Mutation.finishPasskeyRegistration(responseJson:)': { maxLength: 65_536 },
  'Mutation.completePasskeyRegistration(responseJson:)': { maxLength: 65_536 },
  'Mutation.finishPasskeySignIn(responseJson:)': { maxLength: 65_536 },
  'Mutation.finishPasskeyRegistration(name:)': { maxLength: 100 },
  'GoogleSignInInput.idToken': { maxLength: 8_192 },
  'CreateCategoryInput.name': { maxLength: 60 },
  'UpdateCategoryInput.name': { maxLength: 60 },
  'BillInputGql.name': { maxLength: 100 },
  'CreateGoalInput.name': { maxLength: 100 },
  'UpdateGoalInput.name': { maxLength: 100 },
  'CreatePersonalAccessTokenInput.name': { maxLength: 100 },
  'CompleteOnboardingInput.bills': { maxItems: 50 },
  'UpdatePlanSettingsInput.bills': { maxItems: 50 },
  'InstallmentPlanInput.months': { min: 1, max: 600 },
  'Query.transactions(first:)': { min: 0, max: 200 },
  'Query.auditLog(first:)': { min: 1, max: 200 },
  'Query.changes(first:)': { min: 1, max: 500 },
  'Dashboard.recentTransactions(first:)': { min: 0, max: 50 },
  // A rule preview lists at most MAX_PREVIEW_ITEMS (features/rules); more was silently cut.
  'Query.previewRule(first:)': { min: 0, max: 100 },
};

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

interface Problem {
  field: string;
  argument: string;
  problem: string;
}

interface FieldWithArguments {
  node: FieldNode;
  parentType: string;
  definition: GraphQLField<unknown, unknown>;
}

/** Per parsed document (Apollo and graphql-ws reuse them): the fields that are given arguments. */
const fieldsByDocument = new WeakMap<DocumentNode, FieldWithArguments[]>();

function fieldsWithArguments(schema: GraphQLSchema, document: DocumentNode): FieldWithArguments[] {
  const cached = fieldsByDocument.get(document);
  if (cached) return cached;
  const found: FieldWithArguments[] = [];
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        if (!node.arguments?.length) return;
        const definition = typeInfo.getFieldDef();
        const parentType = typeInfo.getParentType();
        if (definition && parentType) found.push({ node, parentType: parentType.name, definition });
      },
    }),
  );
  fieldsByDocument.set(document, found);
  return found;
}

function textProblem(value: string, maxLength: number): string | null {
  if (value.includes('\u0000')) return 'must not contain NUL characters (U+0000)';
  if (LONE_SURROGATE.test(value)) return 'must be valid Unicode (it has a lone surrogate)';
  if (value.length > maxLength) return `must be at most ${maxLength} characters long`;
  return null;
}

function checkValue(
  value: unknown,
  type: GraphQLInputType,
  at: { path: string; coordinate: string; isPageSize: boolean },
  report: (argument: string, problem: string) => void,
): void {
  if (value === null || value === undefined) return;
  if (isNonNullType(type)) {
    checkValue(value, type.ofType, at, report);
    return;
  }
  const limit = INPUT_LIMITS[at.coordinate] ?? {};
  if (isListType(type)) {
    if (!Array.isArray(value)) return;
    const maxItems = limit.maxItems ?? DEFAULT_MAX_ITEMS;
    if (value.length > maxItems) {
      report(at.path, `must have at most ${maxItems} items`);
      return;
    }
    value.forEach((item, index) =>
      checkValue(item, type.ofType, { ...at, path: `${at.path}[${index}]` }, report),
    );
    return;
  }
  if (isInputObjectType(type)) {
    if (typeof value !== 'object') return;
    const object = value as Record<string, unknown>;
    for (const field of Object.values(type.getFields())) {
      checkValue(
        object[field.name],
        field.type,
        {
          path: `${at.path}.${field.name}`,
          coordinate: `${type.name}.${field.name}`,
          isPageSize: false,
        },
        report,
      );
    }
    return;
  }
  if (typeof value === 'string') {
    const fallback = getNamedType(type).name === 'ID' ? DEFAULT_MAX_ID : DEFAULT_MAX_TEXT;
    const problem = textProblem(value, limit.maxLength ?? fallback);
    if (problem) report(at.path, problem);
    return;
  }
  if (typeof value === 'number') {
    const min = limit.min ?? (at.isPageSize ? 0 : undefined);
    const max = limit.max ?? (at.isPageSize ? MAX_PAGE_SIZE : undefined);
    if ((min !== undefined && value < min) || (max !== undefined && value > max))
      report(at.path, `must be between ${min ?? '−∞'} and ${max ?? '∞'}`);
  }
}

/**
 * The argument values of an operation that break the input bounds, as BAD_USER_INPUT errors
 * naming the field and argument. Variables GraphQL cannot coerce are left to execution, which
 * refuses them with its own BAD_USER_INPUT.
 */
export function inputBoundErrors(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Readonly<Record<string, unknown>> | null | undefined,
): GraphQLError[] {
  const fields = fieldsWithArguments(schema, document);
  if (fields.length === 0) return [];
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode =>
      d.kind === Kind.OPERATION_DEFINITION && (!operationName || d.name?.value === operationName),
  );
  if (!operation) return [];
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {}, {
    maxErrors: 1,
  });
  if (coerced.errors) return [];
  const problems: Problem[] = [];
  for (const { node, parentType, definition } of fields) {
    let values: Record<string, unknown>;
    try {
      values = getArgumentValues(definition, node, coerced.coerced);
    } catch {
      // Another operation's variables, or a value execution refuses itself.
      continue;
    }
    for (const argument of definition.args) {
      checkValue(
        values[argument.name],
        argument.type,
        {
          path: argument.name,
          coordinate: `${parentType}.${definition.name}(${argument.name}:)`,
          isPageSize: PAGE_SIZE_ARGUMENTS.has(argument.name),
        },
        (path, problem) => problems.push({ field: definition.name, argument: path, problem }),
      );
    }
    if (problems.length >= 10) break;
  }
  return problems.slice(0, 10).map(
    ({ field, argument, problem }) =>
      new GraphQLError(`${field}: ${argument} ${problem}.`, {
        extensions: { code: 'BAD_USER_INPUT', field, argument },
      }),
  );
}

/** Applies the bounds to every HTTP operation once it is parsed and validated, before it runs. */
export function inputBoundsPlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    requestDidStart: () =>
      Promise.resolve({
        didResolveOperation: ({ schema, document, operationName, request }) => {
          const [first] = inputBoundErrors(schema, document, operationName, request.variables);
          if (!first) return Promise.resolve();
          // A client error, sent as such (Apollo answers a plugin's error with 500 otherwise).
          throw new GraphQLError(first.message, {
            extensions: { ...first.extensions, http: { status: 400 } },
          });
        },
      }),
  };
}
