// Recurring expenses: listed, created and ended online (the server posts the occurrences).

export const RECURRING_LIST = /* GraphQL */ `
  query RecurringList {
    recurringTransactions {
      id
      categoryId
      dayNumber
      description
      endOn
      frequency
      startOn
      amount {
        amount
        currency
      }
    }
  }
`;

export const RECURRING_CREATE = /* GraphQL */ `
  mutation RecurringCreate($input: CreateRecurringTransactionInput!) {
    createRecurringTransaction(input: $input) {
      id
    }
  }
`;

export const RECURRING_END = /* GraphQL */ `
  mutation RecurringEnd($id: ID!) {
    endRecurringTransaction(id: $id) {
      id
      endOn
    }
  }
`;
