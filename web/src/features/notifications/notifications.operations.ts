// The notification centre: read and changed online (read:profile / write:profile).

const NOTIFICATION = /* GraphQL */ `
  fragment NotificationFields on Notification {
    id
    type
    categoryId
    categoryName
    date
    level
    spendingPace
    runOutOn
    amount {
      amount
      currency
    }
    allocation {
      amount
      currency
    }
    milestone
    streakDays
    advice
    createdAt
    readAt
  }
`;

export const NOTIFICATIONS = /* GraphQL */ `
  query Notifications($first: Int!, $after: String) {
    unreadNotificationCount
    notificationsConnection(first: $first, after: $after) {
      edges {
        cursor
        node {
          ...NotificationFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
  ${NOTIFICATION}
`;

export const UNREAD_NOTIFICATION_COUNT = /* GraphQL */ `
  query UnreadNotificationCount {
    unreadNotificationCount
  }
`;

export const MARK_NOTIFICATION_READ = /* GraphQL */ `
  mutation MarkNotificationRead($id: ID!) {
    markNotificationAsRead(id: $id) {
      notification {
        id
        readAt
      }
    }
  }
`;

export const MARK_ALL_NOTIFICATIONS_READ = /* GraphQL */ `
  mutation MarkAllNotificationsRead {
    markAllNotificationsAsRead {
      markedCount
    }
  }
`;

const SETTINGS = /* GraphQL */ `
  fragment NotificationSettingsFields on NotificationSettings {
    types {
      type
      enabled
    }
    pushEnabled
    emailEnabled
    quietHoursStart
    quietHoursEnd
    timeZone
    pushPublicKey
  }
`;

export const NOTIFICATION_SETTINGS = /* GraphQL */ `
  query NotificationSettings {
    notificationSettings {
      ...NotificationSettingsFields
    }
  }
  ${SETTINGS}
`;

export const UPDATE_NOTIFICATION_SETTINGS = /* GraphQL */ `
  mutation UpdateNotificationSettings($input: UpdateNotificationSettingsInput!) {
    saveNotificationSettings(input: $input) {
      notificationSettings {
        ...NotificationSettingsFields
      }
    }
  }
  ${SETTINGS}
`;

export const REGISTER_PUSH_SUBSCRIPTION = /* GraphQL */ `
  mutation RegisterPushSubscription($input: RegisterPushSubscriptionInput!) {
    addPushSubscription(input: $input) {
      pushSubscription {
        id
      }
    }
  }
`;

export const UNREGISTER_PUSH_SUBSCRIPTION = /* GraphQL */ `
  mutation UnregisterPushSubscription($endpoint: String!) {
    removePushSubscription(endpoint: $endpoint) {
      removed
    }
  }
`;
