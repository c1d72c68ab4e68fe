// The GraphQL operations of split payments: the outbox replays its writes with these. Plain
// strings (sent with fetch), typed by codegen.

const SPLIT_PAYLOAD = /* GraphQL */ `
  fragment SyncSplitPayloadFields on SplitPayload {
    conflict
    split {
      id
      total {
        amount
        currency
      }
      bookedOn
      occurredAt
      payee
      description
      partIds
      version
      updatedAt
      deletedAt
    }
    parts {
      id
      amount {
        amount
        currency
      }
      bookedOn
      categoryId
      deletedAt
      description
      direction
      merchant
      occurredAt
      source
      splitId
      tags
      updatedAt
      version
    }
  }
`;

export const SYNC_CREATE_SPLIT = /* GraphQL */ `
  mutation SyncCreateSplitTransaction($input: CreateSplitTransactionInput!) {
    createSplitTransaction(input: $input) {
      ...SyncSplitPayloadFields
    }
  }
  ${SPLIT_PAYLOAD}
`;

export const SYNC_UPDATE_SPLIT = /* GraphQL */ `
  mutation SyncUpdateSplit($input: UpdateSplitInput!) {
    updateSplit(input: $input) {
      ...SyncSplitPayloadFields
    }
  }
  ${SPLIT_PAYLOAD}
`;

export const SYNC_DELETE_SPLIT = /* GraphQL */ `
  mutation SyncDeleteSplit($id: ID!) {
    deleteSplit(id: $id) {
      ...SyncSplitPayloadFields
    }
  }
  ${SPLIT_PAYLOAD}
`;
