import { defineErrors } from '../../graphql/app-error';

export type ImportErrorCode =
  | 'IMPORT_TOO_LARGE'
  | 'IMPORT_FILE_INVALID'
  | 'IMPORT_INPUT_INVALID'
  | 'IMPORT_ID_TAKEN'
  | 'IMPORT_NOT_FOUND';

export const ImportError = defineErrors<ImportErrorCode>('ImportError', {
  IMPORT_TOO_LARGE: {
    publicCode: 'BAD_USER_INPUT',
    message: (d) => `The file is larger than ${String(d.maxMb)} MB.`,
  },
  IMPORT_FILE_INVALID: {
    publicCode: 'BAD_USER_INPUT',
    message: (d) => `The file cannot be read: ${String(d.message)}.`,
  },
  IMPORT_INPUT_INVALID: { publicCode: 'BAD_USER_INPUT', message: (d) => String(d.message) },
  IMPORT_NOT_FOUND: {
    publicCode: 'NOT_FOUND',
    message: () => 'No import of yours has this id.',
  },
  IMPORT_ID_TAKEN: {
    publicCode: 'CONFLICT',
    message: () => 'This import id is already used: generate a new UUID.',
  },
});
