import type { EmailPreferencesQuery, EmailStatusQuery } from '@/lib/graphql/generated';

// E-mail verification and preferences.

export const EMAIL_STATUS = /* GraphQL */ `
  query EmailStatus {
    me {
      id
      email
      emailVerified
    }
  }
`;

export const RESEND_VERIFICATION = /* GraphQL */ `
  mutation ResendVerification {
    resendVerification {
      alreadyVerified
      sentTo
    }
  }
`;

export const VERIFY_EMAIL = /* GraphQL */ `
  mutation VerifyEmail($token: String!) {
    verifyEmail(token: $token) {
      email
      verifiedAt
    }
  }
`;

export const EMAIL_PREFERENCES = /* GraphQL */ `
  query EmailPreferences {
    emailPreferences {
      notifications
      productNews
    }
  }
`;

export const UPDATE_EMAIL_PREFERENCES = /* GraphQL */ `
  mutation UpdateEmailPreferences($input: UpdateEmailPreferencesInput!) {
    updateEmailPreferences(input: $input) {
      emailPreferences {
        notifications
        productNews
      }
    }
  }
`;

export type EmailStatus = EmailStatusQuery;

export type EmailPreferencesData = EmailPreferencesQuery['emailPreferences'];
