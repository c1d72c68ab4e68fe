export { ENCRYPTED_COLUMNS, type EncryptedColumn } from './encrypted-columns';
export { EncryptionRotationRepository } from './encryption-rotation.repository';
export { EncryptionRotationService, type RotationReport } from './encryption-rotation.service';
export { rotateEncryptionKeysJob } from './encryption.jobs';
export { openExportedRow } from './export-rows';
