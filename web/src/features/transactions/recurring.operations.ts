// Recurring expenses: created, changed from a date on and ended online (the server posts the
// occurrences; the list comes through `changes` and reads offline), and what the next days'
// occurrences do to each day's budget.

import type { RecurringUpcomingQuery } from '@/lib/graphql/generated';

export const RECURRING_CREATE = /* GraphQL */ `
  mutation RecurringCreate($input: CreateRecurringTransactionInput!) {
    scheduleRecurringTransaction(input: $input) {
      recurringTransaction {
        id
      }
    }
  }
`;

export const RECURRING_END = /* GraphQL */ `
  mutation RecurringEnd($id: ID!) {
    stopRecurringTransaction(id: $id) {
      recurringTransaction {
        id
        endOn
      }
    }
  }
`;

export const RECURRING_UPDATE = /* GraphQL */ `
  mutation RecurringUpdate($input: UpdateRecurringTransactionInput!) {
    updateRecurringTransaction(input: $input) {
      previous {
        id
        endOn
      }
      recurringTransaction {
        id
        startOn
      }
    }
  }
`;

export const RECURRING_UPCOMING = /* GraphQL */ `
  query RecurringUpcoming($days: Int!) {
    upcomingRecurring(days: $days) {
      date
      categoryId
      description
      amount {
        amount
        currency
      }
      recurringTransaction {
        id
      }
      effect {
        categoryRemainingBefore {
          amount
          currency
        }
        categoryRemainingAfter {
          amount
          currency
        }
        dayRemainingBefore {
          amount
          currency
        }
        dayRemainingAfter {
          amount
          currency
        }
        coveredFromLaterDays {
          amount
          currency
        }
        uncovered {
          amount
          currency
        }
      }
    }
  }
`;

export type RecurringUpcomingData = RecurringUpcomingQuery;
export type UpcomingOccurrence = RecurringUpcomingQuery['upcomingRecurring'][number];
