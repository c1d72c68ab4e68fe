import { defineErrors } from '../../graphql/app-error';

export type NotificationErrorCode =
  | 'NOTIFICATION_NOT_FOUND'
  | 'NOTIFICATION_BAD_CURSOR'
  | 'NOTIFICATION_PAGE_SIZE'
  | 'NOTIFICATION_SETTINGS_INVALID'
  | 'PUSH_SUBSCRIPTION_INVALID'
  | 'PUSH_NOT_CONFIGURED'
  | 'PUSH_DEVICE_INVALID'
  | 'DEVICE_PUSH_NOT_CONFIGURED';

export const NotificationError = defineErrors<NotificationErrorCode>('NotificationError', {
  NOTIFICATION_NOT_FOUND: {
    publicCode: 'NOT_FOUND',
    message: () => 'No such notification.',
    when: 'The notification id does not exist or belongs to someone else.',
    action: 'Read `notifications(first, after)` for the ids this person has.',
  },
  NOTIFICATION_BAD_CURSOR: {
    publicCode: 'BAD_USER_INPUT',
    message: () => 'This cursor was not made by notifications.',
    when: '`after` is not an `endCursor` or edge cursor that `notifications` returned.',
    action: 'Pass back a cursor exactly as received, or omit `after` to start from the newest.',
  },
  NOTIFICATION_PAGE_SIZE: {
    publicCode: 'BAD_USER_INPUT',
    message: (d) => `first must be between 1 and ${String(d.max)}.`,
    when: '`first` of `notifications` is below 1 or above 100.',
    action: 'Ask for at most 100 notifications a page and follow `pageInfo.endCursor`.',
  },
  NOTIFICATION_SETTINGS_INVALID: {
    publicCode: 'BAD_USER_INPUT',
    message: (d) => String(d.message),
    when: 'Quiet hours with only one of start and end, or a time that is not HH:MM between 00:00 and 23:59.',
    action: 'Give both quiet-hour times as HH:MM, or both null to have no quiet hours.',
  },
  PUSH_SUBSCRIPTION_INVALID: {
    publicCode: 'BAD_USER_INPUT',
    message: (d) => String(d.message),
    when: 'The push subscription’s endpoint is not an https URL (http only for localhost), or a key is empty or too long.',
    action:
      'Send `PushSubscription.toJSON()` of the browser as it is: endpoint, keys.p256dh and keys.auth.',
  },
  PUSH_NOT_CONFIGURED: {
    publicCode: 'UNAVAILABLE',
    message: () => 'Push notifications are not set up on this server.',
    when: 'addPushSubscription was called on a server without VAPID keys (VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY).',
    action:
      'Ask the operator to configure VAPID keys; in-app and e-mail notifications work meanwhile.',
  },
  PUSH_DEVICE_INVALID: {
    publicCode: 'BAD_USER_INPUT',
    message: () => 'This is not an FCM registration token.',
    when: 'registerPushDevice got an empty token, one over 4096 characters, or one with spaces or control characters.',
    action: 'Send the token the Firebase Messaging SDK of the app returned, unchanged.',
  },
  DEVICE_PUSH_NOT_CONFIGURED: {
    publicCode: 'UNAVAILABLE',
    message: () => 'Push notifications to the mobile app are not set up on this server.',
    when: 'registerPushDevice was called on a server without Firebase credentials (FIREBASE_SERVICE_ACCOUNT_FILE).',
    action:
      'Ask the operator to configure Firebase; in-app and e-mail notifications work meanwhile.',
  },
});
