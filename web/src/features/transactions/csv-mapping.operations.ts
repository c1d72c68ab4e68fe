// Saved CSV column mappings: offered again for a file with the same header row, saved from the
// mapping step of the import. The device reads them from its mirror (`changes(since)` brings them).

import type { CsvMappingFieldsFragment } from '@/lib/graphql/generated';

const CSV_MAPPING_FIELDS = /* GraphQL */ `
  fragment CsvMappingFields on CsvMapping {
    id
    name
    header
    delimiter
    hasHeader
    dateFormat
    decimalSeparator
    signConvention
    accountId
    updatedAt
    columns {
      date
      amount
      debit
      credit
      payee
      memo
      category
      externalId
      originalAmount
      originalCurrency: originalCurrencyCode
      rate
    }
  }
`;

export const SAVE_CSV_MAPPING = /* GraphQL */ `
  mutation SaveCsvMapping($input: SaveCsvMappingInput!) {
    saveCsvMapping(input: $input) {
      csvMapping {
        ...CsvMappingFields
      }
    }
  }
  ${CSV_MAPPING_FIELDS}
`;

/** A saved mapping as these operations return it. */
export type SavedCsvMapping = CsvMappingFieldsFragment;
