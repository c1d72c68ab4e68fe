import { defineErrors } from '../../graphql/app-error';

export type AuditErrorCode = 'AUDIT_BAD_CURSOR' | 'AUDIT_PAGE_SIZE';

export const AuditError = defineErrors<AuditErrorCode>('AuditError', {
  AUDIT_BAD_CURSOR: {
    publicCode: 'BAD_USER_INPUT',
    when: 'The `after` cursor given to `auditLog` is not one the server handed out.',
    action:
      'Start again from the first page (no cursor) and page on with the `endCursor` values returned.',
    message: () => 'The cursor is not valid.',
  },
  AUDIT_PAGE_SIZE: {
    publicCode: 'BAD_USER_INPUT',
    when: '`auditLog` was asked for a page size (`first`) outside 1 to details.max (200).',
    action: 'Ask for between 1 and 200 events per page.',
    message: (d) => `first must be between 1 and ${String(d.max)}.`,
  },
});
