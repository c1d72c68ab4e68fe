export { auditEvents } from './audit-event.table';
export { AuditEventRepository } from './audit-event.repository';
export { AuditService, type AuditEntry, type AuditEventName } from './audit.service';
export { AuditResolver } from './audit.resolver';
export { AuditError } from './audit.errors';
