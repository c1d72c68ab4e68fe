import { renderGraphiQL } from '@graphql-yoga/render-graphiql';

/**
 * The GraphQL explorer page: GraphiQL with every script, style and web worker inlined, so it works
 * with no internet access. Headers (e.g. `Authorization: Bearer …`) are editable in its panel.
 */
export function renderExplorer(endpoint: string): string {
  return renderGraphiQL({
    title: 'Pace API explorer',
    endpoint,
    subscriptionsProtocol: 'WS',
    isHeadersEditorEnabled: true,
    defaultEditorToolsVisibility: 'headers',
    method: 'POST',
    shouldPersistHeaders: true,
    defaultQuery: [
      '# Welcome to the Pace API explorer.',
      '# To act as a user, add in Headers:',
      '# { "Authorization": "Bearer <token>" }',
      '{',
      '  __typename',
      '}',
      '',
    ].join('\n'),
  });
}
