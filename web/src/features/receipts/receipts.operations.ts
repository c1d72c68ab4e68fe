// Receipts: uploaded by POST /api/receipts, read by a job, reviewed and confirmed here
// (scope process:receipts).

import type { ReceiptFieldsFragment, ReceiptsQuery } from '@/lib/graphql/generated';

/** What `ReceiptFields` selects. */
export type ReceiptFields = ReceiptFieldsFragment;

/** The answer of RECEIPTS. */
export type ReceiptsPage = ReceiptsQuery;

export const RECEIPT_FIELDS = /* GraphQL */ `
  fragment ReceiptFields on Receipt {
    id
    status
    progress
    stage
    failureCode
    failureMessage
    createdAt
    needsReview
    transactionId
    merchant {
      value
      confidence
      needsReview
    }
    date {
      value
      confidence
      needsReview
    }
    currencyRead {
      value
      confidence
      needsReview
    }
    total {
      value {
        amount
        currency
      }
      confidence
      needsReview
    }
    tax {
      value {
        amount
        currency
      }
      confidence
      needsReview
    }
    category {
      value
      confidence
      needsReview
    }
    items {
      description
      amount {
        amount
        currency
      }
      quantity
    }
  }
`;

export const RECEIPT = /* GraphQL */ `
  query Receipt($id: ID!) {
    receipt(id: $id) {
      ...ReceiptFields
    }
  }
  ${RECEIPT_FIELDS}
`;

export const RECEIPTS = /* GraphQL */ `
  query Receipts($first: Int, $after: String) {
    receipts(first: $first, after: $after) {
      nodes {
        ...ReceiptFields
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
  ${RECEIPT_FIELDS}
`;

export const REPROCESS_RECEIPT = /* GraphQL */ `
  mutation ReprocessReceipt($id: ID!) {
    reprocessReceipt(id: $id) {
      receipt {
        ...ReceiptFields
      }
    }
  }
  ${RECEIPT_FIELDS}
`;

export const CONFIRM_RECEIPT = /* GraphQL */ `
  mutation ConfirmReceipt($input: ConfirmReceiptInput!) {
    confirmReceipt(input: $input) {
      receipt {
        ...ReceiptFields
      }
      transaction {
        id
      }
    }
  }
  ${RECEIPT_FIELDS}
`;

export const DISCARD_RECEIPT = /* GraphQL */ `
  mutation DiscardReceipt($id: ID!) {
    discardReceipt(id: $id) {
      receipt {
        ...ReceiptFields
      }
    }
  }
  ${RECEIPT_FIELDS}
`;

export const RECEIPT_PROCESSED = /* GraphQL */ `
  subscription ReceiptProcessed {
    receiptProcessed {
      ...ReceiptFields
    }
  }
  ${RECEIPT_FIELDS}
`;
