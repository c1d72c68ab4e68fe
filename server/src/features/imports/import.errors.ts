import { defineErrors } from '../../graphql/app-error';

export type ImportErrorCode =
  | 'IMPORT_TOO_LARGE'
  | 'IMPORT_FILE_INVALID'
  | 'IMPORT_INPUT_INVALID'
  | 'IMPORT_ID_TAKEN'
  | 'IMPORT_NOT_FOUND'
  | 'CSV_MAPPING_INVALID'
  | 'CSV_MAPPING_LIMIT_REACHED'
  | 'CSV_MAPPING_NOT_FOUND';

export const ImportError = defineErrors<ImportErrorCode>('ImportError', {
  IMPORT_TOO_LARGE: {
    publicCode: 'BAD_USER_INPUT',
    when: 'The bank file’s content is larger than details.maxMb megabytes (5 MB) in UTF-8.',
    action: 'Split the file into smaller date ranges and import each part with its own importId.',
    message: (d) => `The file is larger than ${String(d.maxMb)} MB.`,
  },
  IMPORT_FILE_INVALID: {
    publicCode: 'BAD_USER_INPUT',
    when: 'The file cannot be read in the chosen format (CSV, OFX, QFX, QIF, CAMT053, MT940) or with the given CSV options; the message says why. A queued import that fails this way reports this reason too.',
    action:
      'Check the format and the CSV column mapping, fix or re-export the file, and import it with a new importId.',
    message: (d) => `The file cannot be read: ${String(d.message)}.`,
  },
  IMPORT_INPUT_INVALID: {
    publicCode: 'BAD_USER_INPUT',
    when: 'The import request is incomplete: importId is not a UUID, or a CSV import has no csv options with a column mapping.',
    action: 'Send a UUID as importId and, for CSV, the csv options; then import again.',
    message: (d) => String(d.message),
  },
  IMPORT_NOT_FOUND: {
    publicCode: 'NOT_FOUND',
    when: '`importReport` was given an id that names no import of yours.',
    action: 'Use the importId you sent with importBankFile.',
    message: () => 'No import of yours has this id.',
  },
  IMPORT_ID_TAKEN: {
    publicCode: 'CONFLICT',
    when: 'importBankFile was given an importId that another person’s import already uses.',
    action: 'Generate a new random UUID as importId and import again.',
    message: () => 'This import id is already used: generate a new UUID.',
  },
  CSV_MAPPING_INVALID: {
    publicCode: 'BAD_USER_INPUT',
    when: 'saveCsvMapping was given an empty or too long name, no header, a column that is not in the header, or neither an amount nor debit/credit columns; the message says which.',
    action: 'Fix the mapping as the message says and save it again.',
    message: (d) => `The CSV mapping cannot be saved: ${String(d.message)}.`,
  },
  CSV_MAPPING_LIMIT_REACHED: {
    publicCode: 'BAD_USER_INPUT',
    when: 'saveCsvMapping would add a new name while you already keep details.max (50) saved CSV mappings.',
    action:
      'Delete a mapping you no longer use (deleteCsvMapping), or save under an existing name to replace it.',
    message: (d) => `You already keep ${String(d.max)} CSV mappings.`,
  },
  CSV_MAPPING_NOT_FOUND: {
    publicCode: 'NOT_FOUND',
    when: 'deleteCsvMapping was given an id that names no CSV mapping of yours.',
    action: 'Use an id from `csvMappings`.',
    message: () => 'No CSV mapping of yours has this id.',
  },
});
