import type { NodeSource } from '../../graphql/node';
import { toPasskey, toPersonalAccessToken, toSignedInSession } from './auth.type';

/** A personal access token by id for `node`, revoked and expired ones too. */
export const personalAccessTokenNode: NodeSource = {
  typeName: 'PersonalAccessToken',
  scope: 'read:profile',
  find: async (ctx, viewer, id) => {
    const rows = await ctx.services.personalAccessTokens.list(viewer.userId);
    const row = rows.find((r) => r.id === id);
    return row ? toPersonalAccessToken(row) : null;
  },
};

/** A passkey by its credential id for `node`. */
export const passkeyNode: NodeSource = {
  typeName: 'Passkey',
  scope: 'read:profile',
  find: async (ctx, viewer, id) => {
    const row = (await ctx.services.passkeys.list(viewer.userId)).find((r) => r.id === id);
    return row ? toPasskey(row) : null;
  },
};

/** A signed-in session by id for `node`, among those `sessions` lists. */
export const signedInSessionNode: NodeSource = {
  typeName: 'SignedInSession',
  scope: 'read:profile',
  find: async (ctx, viewer, id) => {
    const row = (await ctx.services.sessions.listSessions(viewer)).find((r) => r.id === id);
    return row ? toSignedInSession(row) : null;
  },
};
