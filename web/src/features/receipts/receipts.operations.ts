// Receipts: uploaded by POST /api/receipts, read by a job, reviewed and confirmed here
// (scope process:receipts).

import type { ReceiptFailure, ReceiptField, ReceiptStatus } from '@/lib/graphql/generated';

/** A value read from a receipt with the parser's confidence. */
export interface ReceiptReadField<T> {
  value: T | null;
  confidence: number;
  needsReview: boolean;
}

interface ReceiptMoney {
  amount: string;
  currency: string;
}

/**
 * What `ReceiptFields` selects, typed here (the same shape codegen gives `ReceiptFieldsFragment`)
 * so the screens do not depend on a regeneration to follow the fragment.
 */
export interface ReceiptFields {
  id: string;
  status: ReceiptStatus;
  progress: number;
  stage: string | null;
  failureCode: ReceiptFailure | null;
  failureMessage: string | null;
  createdAt: string;
  needsReview: ReceiptField[];
  transactionId: string | null;
  merchant: ReceiptReadField<string> | null;
  date: ReceiptReadField<string> | null;
  currencyRead: ReceiptReadField<string> | null;
  total: ReceiptReadField<ReceiptMoney> | null;
  tax: ReceiptReadField<ReceiptMoney> | null;
  category: ReceiptReadField<string> | null;
  items: Array<{ description: string; amount: ReceiptMoney; quantity: number | null }>;
}

/** The answer of RECEIPTS. */
export interface ReceiptsPage {
  receipts: {
    nodes: ReceiptFields[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

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
