// Saved CSV column mappings: offered again for a file with the same header row, saved from the
// mapping step of the import.

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
    columns {
      date
      amount
      debit
      credit
      payee
      memo
      category
      externalId
    }
  }
`;

export const CSV_MAPPINGS = /* GraphQL */ `
  query CsvMappings($header: [String!]) {
    csvMappings(header: $header) {
      ...CsvMappingFields
    }
  }
  ${CSV_MAPPING_FIELDS}
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

/** A saved mapping as these operations return it (until codegen types the operations). */
export interface SavedCsvMapping {
  id: string;
  name: string;
  header: string[];
  delimiter: string;
  hasHeader: boolean;
  dateFormat: 'YYYY_MM_DD' | 'DD_MM_YYYY' | 'MM_DD_YYYY' | 'DD_MM_YYYY_DOTS';
  decimalSeparator: 'DOT' | 'COMMA';
  signConvention: 'NEGATIVE_IS_EXPENSE' | 'POSITIVE_IS_EXPENSE';
  columns: {
    date: string;
    amount: string | null;
    debit: string | null;
    credit: string | null;
    payee: string | null;
    memo: string | null;
    category: string | null;
    externalId: string | null;
  };
}
