import { hash, verify, type Algorithm } from '@node-rs/argon2';

// `Algorithm` is a const enum that esbuild cannot inline from the package: Argon2id is 2.
const ARGON2ID = 2 as Algorithm;

/**
 * Passwords are compared in Unicode NFC, so "é" typed as one code point or as "e" + combining accent
 * is the same password. ASCII is unchanged by NFC, so hashes of ASCII passwords stay valid.
 */
export function normalisePassword(password: string): string {
  return password.normalize('NFC');
}

/** argon2id with the OWASP parameters (m=19 MiB, t=2, p=1); the memory cost comes from config. */
export class PasswordHasher {
  private dummyHash: Promise<string> | undefined;

  constructor(private readonly options: { memoryKib: number }) {}

  hash(password: string): Promise<string> {
    return hash(normalisePassword(password), {
      algorithm: ARGON2ID,
      memoryCost: this.options.memoryKib,
      timeCost: 2,
      parallelism: 1,
    });
  }

  async verify(passwordHash: string, password: string): Promise<boolean> {
    return (await this.check(passwordHash, password)) !== 'wrong';
  }

  /**
   * Verifies the NFC form; a hash stored before normalisation (of a non-NFC password, exactly as
   * typed then) is tried once with the raw form and reported as `rehash`, so the caller stores the
   * NFC hash and the next sign-in needs one verification again.
   */
  async check(passwordHash: string, password: string): Promise<'ok' | 'rehash' | 'wrong'> {
    const normalised = normalisePassword(password);
    if (await verify(passwordHash, normalised).catch(() => false)) return 'ok';
    if (normalised === password) return 'wrong';
    return (await verify(passwordHash, password).catch(() => false)) ? 'rehash' : 'wrong';
  }

  /** Spends the time of a real verification, so an unknown e-mail answers as slowly as a known one. */
  async verifyNothing(password: string): Promise<void> {
    this.dummyHash ??= this.hash('pace-timing-equaliser');
    await this.verify(await this.dummyHash, password);
  }
}
