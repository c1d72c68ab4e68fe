// The GraphQL operations of offline sync: the outbox replays its mutations with these, then pulls
// `changes(since)`. Plain strings (sent with fetch), typed by codegen.

const TRANSACTION_FIELDS = /* GraphQL */ `
  fragment SyncTransactionFields on Transaction {
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
    accountId
    memberId
    tags
    updatedAt
    version
    paidAmount {
      amount
      currency
    }
    rate
    rateOn
    rateSource
    rateEstimated
  }
`;

const GOAL_FIELDS = /* GraphQL */ `
  fragment SyncGoalFields on Goal {
    id
    name
    categoryId
    createdAt
    deletedAt
    priority
    saved {
      amount
      currency
    }
    target {
      amount
      currency
    }
    status
    targetOn
    updatedAt
    version
  }
`;

const ADJUSTMENT_FIELDS = /* GraphQL */ `
  fragment SyncAdjustmentFields on BudgetAdjustment {
    id
    month
    fromCategoryId
    fromOn
    toCategoryId
    toOn
    deletedAt
    amount {
      amount
      currency
    }
  }
`;

export const SYNC_CHANGES = /* GraphQL */ `
  query SyncChanges($since: String, $first: Int) {
    changes(since: $since, first: $first) {
      cursor
      hasMore
      changes {
        id
        kind
        deleted
        cursor
        settings {
          currency
          timeZone
          rollover
          income {
            amount
            currency
          }
          version
          updatedAt
        }
        plan {
          id
          month
          currency
          document
          version
          updatedAt
        }
        category {
          id
          name
          behaviour: categoryBehaviour
          priority: categoryPriority
          version
          updatedAt
        }
        transaction {
          ...SyncTransactionFields
        }
        adjustment {
          ...SyncAdjustmentFields
        }
        goal {
          ...SyncGoalFields
        }
        receipt {
          id
          status
          transactionId
        }
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
        moneyAccount {
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
        transfer {
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
        rule {
          id
          position
          textPattern
          textMatch
          minAmount {
            amount
            currency
          }
          maxAmount {
            amount
          }
          accountId
          setCategoryId
          renameMerchant
          addTags
          version
          updatedAt
          deletedAt
        }
        recurringTransaction {
          id
          amount {
            amount
            currency
          }
          categoryId
          description
          frequency
          interval
          dayNumber
          monthOfYear
          previousId
          startOn
          endOn
          postedThrough
          accountId
          memberId
        }
        exchangeRate {
          fromCurrency
          toCurrency
          rateOn
          rate
          source
        }
        csvMapping {
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
        household {
          id
          ownerId
          viewerRole
          version
          updatedAt
          members {
            userId
            name
            email
            role
          }
        }
      }
    }
  }
  ${TRANSACTION_FIELDS}
  ${ADJUSTMENT_FIELDS}
  ${GOAL_FIELDS}
`;

export const SYNC_CREATE_TRANSACTION = /* GraphQL */ `
  mutation SyncCreateTransaction($input: CreateTransactionInput!) {
    createTransaction(input: $input) {
      conflict
      transaction {
        ...SyncTransactionFields
      }
    }
  }
  ${TRANSACTION_FIELDS}
`;

export const SYNC_UPDATE_TRANSACTION = /* GraphQL */ `
  mutation SyncUpdateTransaction($input: UpdateTransactionInput!) {
    updateTransaction(input: $input) {
      conflict
      transaction {
        ...SyncTransactionFields
      }
    }
  }
  ${TRANSACTION_FIELDS}
`;

export const SYNC_DELETE_TRANSACTION = /* GraphQL */ `
  mutation SyncDeleteTransaction($id: ID!) {
    deleteTransaction(id: $id) {
      conflict
      transaction {
        ...SyncTransactionFields
      }
    }
  }
  ${TRANSACTION_FIELDS}
`;

export const SYNC_RESTORE_TRANSACTION = /* GraphQL */ `
  mutation SyncRestoreTransaction($id: ID!) {
    restoreTransaction(id: $id) {
      conflict
      transaction {
        ...SyncTransactionFields
      }
    }
  }
  ${TRANSACTION_FIELDS}
`;

export const SYNC_ADJUST_BUDGET = /* GraphQL */ `
  mutation SyncAdjustBudget($input: AdjustBudgetInput!) {
    moveBudget(input: $input) {
      budgetAdjustment {
        ...SyncAdjustmentFields
      }
    }
  }
  ${ADJUSTMENT_FIELDS}
`;

export const SYNC_DELETE_ADJUSTMENT = /* GraphQL */ `
  mutation SyncDeleteBudgetAdjustment($id: ID!) {
    undoBudgetMove(id: $id) {
      budgetAdjustment {
        ...SyncAdjustmentFields
      }
    }
  }
  ${ADJUSTMENT_FIELDS}
`;

export const SYNC_CREATE_GOAL = /* GraphQL */ `
  mutation SyncCreateGoal($input: CreateGoalInput!) {
    createGoal(input: $input) {
      conflict
      goal {
        ...SyncGoalFields
      }
    }
  }
  ${GOAL_FIELDS}
`;

export const SYNC_UPDATE_GOAL = /* GraphQL */ `
  mutation SyncUpdateGoal($input: UpdateGoalInput!) {
    updateGoal(input: $input) {
      conflict
      goal {
        ...SyncGoalFields
      }
    }
  }
  ${GOAL_FIELDS}
`;

export const SYNC_DELETE_GOAL = /* GraphQL */ `
  mutation SyncDeleteGoal($id: ID!) {
    deleteGoal(id: $id) {
      conflict
      goal {
        ...SyncGoalFields
      }
    }
  }
  ${GOAL_FIELDS}
`;

export const LIVE_BUDGET_UPDATED = /* GraphQL */ `
  subscription LiveBudgetUpdated {
    budgetUpdated {
      month
      cause
      transactionId
    }
  }
`;

export const LIVE_TRANSACTION_ALERT = /* GraphQL */ `
  subscription LiveTransactionAlert {
    transactionAlert {
      key
      kind
      level
      milestone
      spendingPace
      categoryId
      categoryName
      date
      runOutOn
      transactionId
      amount {
        amount
        currency
      }
      allocation {
        amount
        currency
      }
    }
  }
`;

const HABIT_FIELDS = /* GraphQL */ `
  fragment SyncHabitFields on Habit {
    id
    name
    frequency
    timesPerPeriod
    startedOn
    archivedAt
    checkIns
    version
    createdAt
  }
`;

const MOOD_FIELDS = /* GraphQL */ `
  fragment SyncMoodFields on MoodEntry {
    on
    score
    label
    note
  }
`;

/** Habits and moods are not in `changes(since)`: the habits screen reads them whole, page by page. */
export const SYNC_HABITS = /* GraphQL */ `
  query SyncHabits($after: String) {
    habitsConnection(includeArchived: true, first: 100, after: $after) {
      edges {
        node {
          ...SyncHabitFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
  ${HABIT_FIELDS}
`;

export const SYNC_MOODS = /* GraphQL */ `
  query SyncMoods($from: Date, $after: String) {
    moodsConnection(from: $from, first: 100, after: $after) {
      edges {
        node {
          ...SyncMoodFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
  ${MOOD_FIELDS}
`;

export const SYNC_CREATE_HABIT = /* GraphQL */ `
  mutation SyncCreateHabit($input: CreateHabitInput!) {
    createHabit(input: $input) {
      habit {
        ...SyncHabitFields
      }
    }
  }
  ${HABIT_FIELDS}
`;

export const SYNC_UPDATE_HABIT = /* GraphQL */ `
  mutation SyncUpdateHabit($input: UpdateHabitInput!) {
    updateHabit(input: $input) {
      habit {
        ...SyncHabitFields
      }
    }
  }
  ${HABIT_FIELDS}
`;

export const SYNC_ARCHIVE_HABIT = /* GraphQL */ `
  mutation SyncArchiveHabit($id: ID!, $archived: Boolean) {
    archiveHabit(id: $id, archived: $archived) {
      habit {
        ...SyncHabitFields
      }
    }
  }
  ${HABIT_FIELDS}
`;

export const SYNC_CHECK_IN_HABIT = /* GraphQL */ `
  mutation SyncCheckInHabit($habitId: ID!, $on: Date, $done: Boolean) {
    checkInHabit(habitId: $habitId, on: $on, done: $done) {
      habit {
        ...SyncHabitFields
      }
    }
  }
  ${HABIT_FIELDS}
`;

export const SYNC_LOG_MOOD = /* GraphQL */ `
  mutation SyncLogMood($input: LogMoodInput!) {
    recordMood(input: $input) {
      mood {
        ...SyncMoodFields
      }
    }
  }
  ${MOOD_FIELDS}
`;

export const SYNC_DELETE_MOOD = /* GraphQL */ `
  mutation SyncDeleteMood($on: Date!) {
    clearMood(on: $on) {
      removed
    }
  }
`;

export const LIVE_NOTIFICATION_ADDED = /* GraphQL */ `
  subscription LiveNotificationAdded {
    notificationAdded {
      id
      type
      groupKey
      createdAt
    }
  }
`;
