// The admin console (admin:*): people, feature flags, job queues, outside services, database.
// Online only: nothing here is kept on the device.

export const ADMIN_USERS = /* GraphQL */ `
  query AdminUsers($search: String, $first: Int, $after: String, $last: Int, $before: String) {
    adminUsers: adminUsersConnection(
      search: $search
      first: $first
      after: $after
      last: $last
      before: $before
    ) {
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
        hasPreviousPage
        startCursor
        endCursor
      }
    }
  }
`;

export const LOCK_USER = /* GraphQL */ `
  mutation AdminLockUser($userId: ID!, $until: DateTime!) {
    lockUserAccount(userId: $userId, until: $until) {
      user {
        id
        lockedUntil
      }
    }
  }
`;

export const UNLOCK_USER = /* GraphQL */ `
  mutation AdminUnlockUser($userId: ID!) {
    unlockUserAccount(userId: $userId) {
      user {
        id
        lockedUntil
      }
    }
  }
`;

export const REVOKE_USER_SESSIONS = /* GraphQL */ `
  mutation AdminRevokeUserSessions($userId: ID!) {
    signOutUser(userId: $userId) {
      user {
        id
      }
    }
  }
`;

export const DELETE_USER = /* GraphQL */ `
  mutation AdminDeleteUser($userId: ID!) {
    deleteUserAccount(userId: $userId) {
      deletedUserId
    }
  }
`;

export const GRANT_PREMIUM = /* GraphQL */ `
  mutation AdminGrantPremium($input: GrantPremiumInput!) {
    grantPremiumAccess(input: $input) {
      entitlement {
        userId
        isPremium
        until
      }
    }
  }
`;

export const REVOKE_PREMIUM = /* GraphQL */ `
  mutation AdminRevokePremium($userId: ID!) {
    revokePremiumAccess(userId: $userId) {
      entitlement {
        userId
        isPremium
      }
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
    saveFeatureFlag(input: $input) {
      featureFlag {
        key
      }
    }
  }
`;

export const SET_USER_FEATURE_FLAG = /* GraphQL */ `
  mutation AdminSetUserFeatureFlag($input: SetUserFeatureFlagInput!) {
    overrideFeatureFlag(input: $input) {
      featureFlag {
        key
      }
    }
  }
`;

export const DELETE_FEATURE_FLAG = /* GraphQL */ `
  mutation AdminDeleteFeatureFlag($key: String!) {
    removeFeatureFlag(key: $key) {
      removed
    }
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
    requeueFailedJob(queue: $queue, jobId: $jobId) {
      jobId
    }
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
