import { hash, verify, type Algorithm } from '@node-rs/argon2';

// `Algorithm` is a const enum that esbuild cannot inline from the package: Argon2id is 2.
const ARGON2ID = 2 as Algorithm;

/** argon2id with the OWASP parameters (m=19 MiB, t=2, p=1); the memory cost comes from config. */
export class PasswordHasher {
  private dummyHash: Promise<string> | undefined;

  constructor(private readonly options: { memoryKib: number }) {}

  hash(password: string): Promise<string> {
    return hash(password, {
      algorithm: ARGON2ID,
      memoryCost: this.options.memoryKib,
      timeCost: 2,
      parallelism: 1,
    });
  }

  verify(passwordHash: string, password: string): Promise<boolean> {
    return verify(passwordHash, password).catch(() => false);
  }

  /** Spends the time of a real verification, so an unknown e-mail answers as slowly as a known one. */
  async verifyNothing(password: string): Promise<void> {
    this.dummyHash ??= this.hash('pace-timing-equaliser');
    await this.verify(await this.dummyHash, password);
  }
}
