// The GraphQL operations of money accounts: the outbox replays the writes with these; `changes`
// brings accounts and transfers to the device (features/sync). Plain strings, typed by codegen.

const ACCOUNT_FIELDS = /* GraphQL */ `
  fragment SyncMoneyAccountFields on MoneyAccount {
    id
    name
    kind
    currency
    openingBalance {
      amount
      currency
    }
    openingOn
    isDefault
    isArchived
    reconciledThrough
    version
    createdAt
    updatedAt
  }
`;

const TRANSFER_FIELDS = /* GraphQL */ `
  fragment SyncTransferFields on Transfer {
    id
    fromAccountId
    toAccountId
    amount {
      amount
      currency
    }
    transferredOn
    note
    version
    createdAt
    updatedAt
    deletedAt
  }
`;

export const SYNC_CREATE_MONEY_ACCOUNT = /* GraphQL */ `
  mutation SyncCreateMoneyAccount($input: CreateMoneyAccountInput!) {
    createMoneyAccount(input: $input) {
      conflict
      account {
        ...SyncMoneyAccountFields
      }
    }
  }
  ${ACCOUNT_FIELDS}
`;

export const SYNC_UPDATE_MONEY_ACCOUNT = /* GraphQL */ `
  mutation SyncUpdateMoneyAccount($input: UpdateMoneyAccountInput!) {
    updateMoneyAccount(input: $input) {
      conflict
      account {
        ...SyncMoneyAccountFields
      }
    }
  }
  ${ACCOUNT_FIELDS}
`;

export const SYNC_CREATE_TRANSFER = /* GraphQL */ `
  mutation SyncCreateTransfer($input: CreateTransferInput!) {
    createTransfer(input: $input) {
      conflict
      transfer {
        ...SyncTransferFields
      }
    }
  }
  ${TRANSFER_FIELDS}
`;

export const SYNC_DELETE_TRANSFER = /* GraphQL */ `
  mutation SyncDeleteTransfer($id: ID!) {
    deleteTransfer(id: $id) {
      conflict
      transfer {
        ...SyncTransferFields
      }
    }
  }
  ${TRANSFER_FIELDS}
`;

/** Makes sure the default account exists and brings every account (the first visit, online). */
export const ACCOUNTS = /* GraphQL */ `
  query Accounts {
    accounts(first: 100) {
      nodes {
        ...SyncMoneyAccountFields
      }
    }
  }
  ${ACCOUNT_FIELDS}
`;

export const RECONCILE_ACCOUNT = /* GraphQL */ `
  mutation ReconcileAccount($accountId: ID!, $statementBalance: Decimal!, $on: Date!) {
    reconcileAccount(accountId: $accountId, statementBalance: $statementBalance, on: $on) {
      reconciliation {
        id
        difference {
          amount
          currency
        }
        isReconciled
      }
      account {
        ...SyncMoneyAccountFields
      }
    }
  }
  ${ACCOUNT_FIELDS}
`;
