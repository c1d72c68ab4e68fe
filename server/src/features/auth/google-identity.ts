import { createRemoteJWKSet, jwtVerify } from 'jose';
import type { Clock } from '../../infra/clock';
import { AuthError } from './auth.errors';

export interface GoogleIdentity {
  subject: string;
  email: string;
  name: string;
}

/** Verifies a Google ID token: signature against the JWKS, audience, issuer, expiry, verified e-mail. */
export class GoogleIdentityVerifier {
  private readonly jwks: ReturnType<typeof createRemoteJWKSet>;

  constructor(
    private readonly options: {
      clientId: string | undefined;
      jwksUrl: string;
      issuers: string[];
      clock: Clock;
    },
  ) {
    this.jwks = createRemoteJWKSet(new URL(options.jwksUrl));
  }

  /** The OAuth client id browsers sign in with, or null when Google sign-in is off. */
  get clientId(): string | null {
    return this.options.clientId ?? null;
  }

  async verify(idToken: string): Promise<GoogleIdentity> {
    const { clientId, issuers, clock } = this.options;
    if (!clientId) throw new AuthError('GOOGLE_NOT_CONFIGURED');
    try {
      const { payload } = await jwtVerify(idToken, this.jwks, {
        audience: clientId,
        issuer: issuers,
        currentDate: clock.now(),
        algorithms: ['RS256', 'ES256'],
      });
      const { sub, email, email_verified: verified, name } = payload;
      if (typeof sub !== 'string' || typeof email !== 'string' || verified !== true)
        throw new AuthError('GOOGLE_TOKEN_INVALID');
      return { subject: sub, email, name: typeof name === 'string' ? name : '' };
    } catch (error) {
      if (error instanceof AuthError) throw error;
      throw new AuthError('GOOGLE_TOKEN_INVALID');
    }
  }
}
