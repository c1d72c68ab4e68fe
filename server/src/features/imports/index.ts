export { importJobs, transactionImports } from './import.table';
export { runImportJob } from './import.jobs';
export { ImportRepository } from './import.repository';
export { ImportService, MAX_IMPORT_BYTES } from './import.service';
export { TransactionExportService } from './transaction-export.service';
export { ImportResolver, type ImportServices } from './import.resolver';
export { ImportError } from './import.errors';
