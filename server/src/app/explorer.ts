import { renderGraphiQL } from '@graphql-yoga/render-graphiql';

/**
 * The GraphQL explorer page: GraphiQL with every script, style and web worker inlined, so it works
 * with no internet access. Headers (e.g. `Authorization: Bearer …`) are editable in its panel; its
 * first tab explains how to get a token and lists the scopes.
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
      '# Each operation’s docs (the book icon) end with the',
      '# scopes it needs. The query below lists every scope',
      '# and needs no token: press Run.',
      '#',
      '# To act as a person:',
      '# 1. Sign in (the token lasts 15 minutes):',
      '#    mutation {',
      '#      login(email: "you@example.com", password: "…") {',
      '#        accessToken',
      '#      }',
      '#    }',
      '# 2. In Headers below:',
      '#    { "Authorization": "Bearer <accessToken>" }',
      '# 3. For an integration, make a token with only the',
      '#    scopes it needs (shown once), sent the same way:',
      '#    mutation {',
      '#      createPersonalAccessToken(input: {',
      '#        name: "My app"',
      '#        scopes: ["read:transactions"]',
      '#        expiresInDays: 90',
      '#      }) { token }',
      '#    }',
      '#',
      '# Answers carry RateLimit-* headers; a refused one',
      '# also Retry-After (seconds).',
      'query Scopes {',
      '  scopes {',
      '    name',
      '    description',
      '    operations',
      '  }',
      '}',
      '',
    ].join('\n'),
  });
}
