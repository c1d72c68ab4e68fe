import type { Logger } from '../infra/logger';
import type { Services } from '../app/services';
import type { Authentication } from '../features/auth';
import type { RateLimitOutcome } from '../infra/auth/rate-limiter';

/** Who is calling: derived from an access token (a session) or a personal access token. */
export interface Viewer {
  userId: string;
  scopes: readonly string[];
  /** The refresh-token family of the session; absent for personal access tokens. */
  sessionId?: string;
  tokenKind: 'access' | 'pat';
  /** When the person last proved who they are (sign-in), for actions that need a recent one. */
  authenticatedAt?: Date;
}

/** Why a presented token was refused; public operations still run without a viewer. */
export type AuthFailure = 'TOKEN_EXPIRED' | 'TOKEN_REVOKED' | 'TOKEN_INVALID';

/** What every resolver receives. */
export interface GraphQLContext {
  requestId: string;
  logger: Logger;
  services: Services;
  viewer: Viewer | null;
  authFailure: AuthFailure | null;
  clientIp: string;
  /** The browser's Origin header, for WebAuthn when no relying party is configured. */
  origin: string | undefined;
  /** The viewer's rate-limit check, once per request (sent with authentication, or by the scope guard). */
  admission?: Promise<RateLimitOutcome>;
}

/** Builds a context from what the transport knows: the Authorization value, the client's IP and Origin. */
export async function createContext(
  base: { requestId: string; logger: Logger; services: Services },
  request: {
    authorization: string | undefined;
    /** Already done by the transport for this request (HTTP does it before reading the body). */
    authentication?: Authentication;
    clientIp: string | undefined;
    origin: string | undefined;
  },
): Promise<GraphQLContext> {
  const { viewer, failure, admission } =
    request.authentication ?? (await base.services.auth.authenticate(request.authorization));
  return {
    ...base,
    viewer,
    authFailure: failure,
    admission,
    clientIp: request.clientIp ?? 'unknown',
    origin: request.origin,
  };
}
