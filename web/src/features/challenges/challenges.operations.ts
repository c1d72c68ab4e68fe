// Challenges: read and joined online; progress is computed on the server from the ledger (read:goals).

const PARTICIPATION = /* GraphQL */ `
  fragment ChallengeProgressFields on ChallengeParticipation {
    id
    challengeId
    title
    status
    startsOn
    endsOn
    today
    daysTotal
    daysElapsed
    daysKept
    used {
      amount
      currency
    }
    cap {
      amount
    }
    failedOn
  }
`;

const CHALLENGE = /* GraphQL */ `
  fragment ChallengeFields on Challenge {
    id
    kind
    title
    days
    cap {
      amount
      currency
    }
    isAvailable
    unavailableReason
    completedCount
    current {
      ...ChallengeProgressFields
    }
  }
`;

export const CHALLENGES = /* GraphQL */ `
  query Challenges {
    challenges {
      ...ChallengeFields
    }
  }
  ${CHALLENGE}
  ${PARTICIPATION}
`;

/** The person's attempts, a page at a time (the screen reads them all). */
export const MY_CHALLENGES = /* GraphQL */ `
  query MyChallenges($after: String) {
    myChallengesConnection(first: 100, after: $after) {
      edges {
        node {
          ...ChallengeProgressFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
  ${PARTICIPATION}
`;

export const JOIN_CHALLENGE = /* GraphQL */ `
  mutation JoinChallenge($challengeId: ID!) {
    startChallenge(challengeId: $challengeId) {
      challenge {
        id
      }
    }
  }
`;

export const LEAVE_CHALLENGE = /* GraphQL */ `
  mutation LeaveChallenge($challengeId: ID!) {
    giveUpChallenge(challengeId: $challengeId) {
      challenge {
        id
      }
    }
  }
`;
