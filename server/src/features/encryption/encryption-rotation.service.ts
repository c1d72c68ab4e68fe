import type { FieldCipher } from '../../infra/crypto/field-cipher';
import type { AuditService } from '../audit';
import type { EncryptedReceiptStorage } from '../receipts';
import { ENCRYPTED_COLUMNS, type EncryptedColumn } from './encrypted-columns';
import type { EncryptionRotationRepository, StoredValue } from './encryption-rotation.repository';

const BATCH = 200;

/** What one rotation run rewrote, per column (`receipt_images` for the images). */
export type RotationReport = Record<string, number>;

/**
 * Re-encrypts every value not under the active key (older keys and legacy plaintext), in batches.
 * Values already rewritten are not selected again, so a run that stopped half-way is resumed by
 * running it again, and a second run rewrites nothing.
 */
export class EncryptionRotationService {
  constructor(
    private readonly deps: {
      repository: EncryptionRotationRepository;
      cipher: FieldCipher;
      images: EncryptedReceiptStorage;
      audit: AuditService;
      columns?: readonly EncryptedColumn[];
    },
  ) {}

  async rotateAll(actor: { userId: string | null; via: 'job' | 'cli' }): Promise<RotationReport> {
    const { cipher, audit } = this.deps;
    const details = { activeKeyId: cipher.activeKeyId, via: actor.via };
    await audit.record({
      event: 'admin.encryption_rotation_started',
      userId: actor.userId,
      details,
    });
    const report: RotationReport = {};
    for (const spec of this.deps.columns ?? ENCRYPTED_COLUMNS)
      report[spec.name] = await this.rotateColumn(spec);
    report.receipt_images = await this.rotateImages();
    await audit.record({
      event: 'admin.encryption_rotation_finished',
      userId: actor.userId,
      details: { ...details, ...report },
    });
    return report;
  }

  private async rotateColumn(spec: EncryptedColumn): Promise<number> {
    const { repository, cipher } = this.deps;
    let afterId: readonly string[] | null = null;
    let rewritten = 0;
    for (;;) {
      const batch = await repository.listStale(spec, {
        activeKeyId: cipher.activeKeyId,
        afterId,
        limit: BATCH,
      });
      for (const stored of batch) {
        const next = cipher.encryptText(
          plaintextOf(spec, stored, cipher),
          spec.context(...stored.bound),
        );
        if (await repository.replace(spec, stored, next)) rewritten += 1;
      }
      if (batch.length < BATCH) return rewritten;
      afterId = batch[batch.length - 1]?.id ?? null;
    }
  }

  private async rotateImages(): Promise<number> {
    let afterId: string | null = null;
    let rewritten = 0;
    for (;;) {
      const batch = await this.deps.repository.listReceiptImageKeys(afterId, BATCH);
      for (const { storageKey } of batch)
        if (await this.deps.images.reencrypt(storageKey)) rewritten += 1;
      if (batch.length < BATCH) return rewritten;
      afterId = batch[batch.length - 1]?.id ?? null;
    }
  }
}

/** The value's plaintext: decrypted under its own key, or the legacy value as it was stored. */
function plaintextOf(spec: EncryptedColumn, stored: StoredValue, cipher: FieldCipher): string {
  if (spec.isJson && typeof stored.value !== 'string') return JSON.stringify(stored.value);
  if (typeof stored.value !== 'string') throw new Error(`${spec.name}: unexpected stored value`);
  return cipher.decryptText(stored.value, spec.context(...stored.bound));
}
