import { defineErrors } from '../../graphql/app-error';

export type AuditErrorCode = 'AUDIT_BAD_CURSOR' | 'AUDIT_PAGE_SIZE';

export const AuditError = defineErrors<AuditErrorCode>('AuditError', {
  AUDIT_BAD_CURSOR: { publicCode: 'BAD_USER_INPUT', message: () => 'The cursor is not valid.' },
  AUDIT_PAGE_SIZE: {
    publicCode: 'BAD_USER_INPUT',
    message: (d) => `first must be between 1 and ${String(d.max)}.`,
  },
});
