// The admin console (admin:*): people, feature flags, job queues, outside services, database.
// Online only: nothing here is kept on the device.

export const ADMIN_USERS = /* GraphQL */ `
  query AdminUsers($search: String, $first: Int, $after: String) {
    adminUsers: adminUsersConnection(search: $search, first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          email
          name
          isAdmin
          plan
          isPremium
          premiumUntil
          lockedUntil
          signInDelayedUntil
          createdAt
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

export const LOCK_USER = /* GraphQL */ `
  mutation AdminLockUser($userId: ID!, $until: DateTime!) {
    lockUser(userId: $userId, until: $until) {
      id
      lockedUntil
    }
  }
`;

export const UNLOCK_USER = /* GraphQL */ `
  mutation AdminUnlockUser($userId: ID!) {
    unlockUser(userId: $userId) {
      id
      lockedUntil
    }
  }
`;

export const REVOKE_USER_SESSIONS = /* GraphQL */ `
  mutation AdminRevokeUserSessions($userId: ID!) {
    revokeUserSessions(userId: $userId) {
      id
    }
  }
`;

export const DELETE_USER = /* GraphQL */ `
  mutation AdminDeleteUser($userId: ID!) {
    deleteUser(userId: $userId)
  }
`;

export const GRANT_PREMIUM = /* GraphQL */ `
  mutation AdminGrantPremium($input: GrantPremiumInput!) {
    grantPremium(input: $input) {
      userId
      isPremium
      until
    }
  }
`;

export const REVOKE_PREMIUM = /* GraphQL */ `
  mutation AdminRevokePremium($userId: ID!) {
    revokePremium(userId: $userId) {
      userId
      isPremium
    }
  }
`;

export const FEATURE_FLAGS = /* GraphQL */ `
  query AdminFeatureFlags {
    featureFlags {
      key
      description
      enabled
      rolloutPercent
      updatedAt
    }
  }
`;

export const SET_FEATURE_FLAG = /* GraphQL */ `
  mutation AdminSetFeatureFlag($input: SetFeatureFlagInput!) {
    setFeatureFlag(input: $input) {
      key
    }
  }
`;

export const SET_USER_FEATURE_FLAG = /* GraphQL */ `
  mutation AdminSetUserFeatureFlag($input: SetUserFeatureFlagInput!) {
    setUserFeatureFlag(input: $input) {
      key
    }
  }
`;

export const DELETE_FEATURE_FLAG = /* GraphQL */ `
  mutation AdminDeleteFeatureFlag($key: String!) {
    deleteFeatureFlag(key: $key)
  }
`;

export const ADMIN_QUEUES = /* GraphQL */ `
  query AdminQueues {
    adminQueues {
      name
      waiting
      active
      delayed
      failed
      recentFailures {
        id
        name
        reason
        attemptsMade
        failedAt
      }
    }
  }
`;

export const RETRY_FAILED_JOB = /* GraphQL */ `
  mutation AdminRetryFailedJob($queue: JobQueueName!, $jobId: String!) {
    retryFailedJob(queue: $queue, jobId: $jobId)
  }
`;

export const ADMIN_SERVICES = /* GraphQL */ `
  query AdminExternalServices {
    adminExternalServices {
      name
      isConfigured
      mode
      isReachable
      checkedAt
      lastError
      lastErrorAt
    }
  }
`;

export const ADMIN_DATABASE = /* GraphQL */ `
  query AdminDatabase {
    adminDatabase {
      kind
      totalBytes
      tables {
        name
        totalBytes
        rowEstimate
      }
      isStatementStatisticsAvailable
      statementStatisticsNote
      slowStatements {
        query
        calls
        meanMs
        totalMs
      }
    }
  }
`;

export const START_KEY_ROTATION = /* GraphQL */ `
  mutation AdminStartEncryptionKeyRotation {
    startEncryptionKeyRotation {
      jobId
      activeKeyId
    }
  }
`;
