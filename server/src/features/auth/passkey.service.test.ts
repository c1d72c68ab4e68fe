import { describe, expect, it } from 'vitest';
import { PasskeyService, type RelyingParty } from './passkey.service';

function service(relyingParty: RelyingParty): PasskeyService {
  const unused = {} as never;
  return new PasskeyService({
    repository: unused,
    users: unused,
    audit: unused,
    clock: unused,
    relyingParty,
  });
}

describe('passkey relying party', () => {
  it('in production, without configuration, refuses with a typed error and never trusts Origin', async () => {
    const passkeys = service({ name: 'Pace', origins: [], allowRequestOrigin: false });
    await expect(passkeys.startSignIn('https://evil.example')).rejects.toMatchObject({
      code: 'PASSKEYS_NOT_CONFIGURED',
      publicCode: 'UNAVAILABLE',
    });
  });
});
