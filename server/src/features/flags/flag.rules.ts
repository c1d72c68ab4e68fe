import { createHash } from 'node:crypto';

/** A flag as evaluation needs it. */
export interface FlagRule {
  readonly key: string;
  readonly enabled: boolean;
  readonly rolloutPercent: number;
}

/**
 * A person's bucket for a flag, 0–99: the same person always lands in the same bucket of a flag
 * (so raising the percentage only adds people), and buckets of different flags are independent.
 */
export function rolloutBucket(flagKey: string, userId: string): number {
  const digest = createHash('sha256').update(`${flagKey}:${userId}`).digest();
  return digest.readUInt32BE(0) % 100;
}

/** Whether a flag is on for a person: their override, else on for all, else within the rollout. */
export function isFlagOn(flag: FlagRule, userId: string, override: boolean | undefined): boolean {
  if (override !== undefined) return override;
  if (flag.enabled) return true;
  return rolloutBucket(flag.key, userId) < flag.rolloutPercent;
}

/** Flag keys: lower-case words with dots, dashes or underscores, as code and admins write them. */
export const FLAG_KEY = /^[a-z][a-z0-9]*(?:[._-][a-z0-9]+)*$/;
export const MAX_FLAG_KEY = 64;
