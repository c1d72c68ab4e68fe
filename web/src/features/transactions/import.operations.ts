// Bank-file import: a preview that writes nothing, then the import itself (online only); a large
// import runs as a job on the server, followed through `importReport` until it is done.

const IMPORT_REPORT_FIELDS = /* GraphQL */ `
  fragment ImportReportFields on ImportReport {
    committed
    failed
    imported
    skipped
    totalRows
    rowsTruncated
    replayed
    importId
    status
    progress
    failure
    rows {
      line
      status
      reason
      amount
      bookedOn
      categoryId
      direction
      payee
      memo
    }
  }
`;

export const PREVIEW_IMPORT = /* GraphQL */ `
  mutation PreviewImport($input: ImportTransactionsInput!) {
    previewBankFile(input: $input) {
      report {
        ...ImportReportFields
      }
    }
  }
  ${IMPORT_REPORT_FIELDS}
`;

export const IMPORT_TRANSACTIONS = /* GraphQL */ `
  mutation ImportTransactions($input: ImportTransactionsInput!) {
    importBankFile(input: $input) {
      report {
        ...ImportReportFields
      }
    }
  }
  ${IMPORT_REPORT_FIELDS}
`;

export const IMPORT_REPORT = /* GraphQL */ `
  query ImportReport($importId: ID!) {
    importReport(importId: $importId) {
      ...ImportReportFields
    }
  }
  ${IMPORT_REPORT_FIELDS}
`;
