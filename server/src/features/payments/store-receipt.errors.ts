import { defineErrors } from '../../graphql/app-error';

export type StoreReceiptErrorCode =
  | 'STORE_NOT_CONFIGURED'
  | 'STORE_UNAVAILABLE'
  | 'STORE_RECEIPT_INVALID'
  | 'STORE_RECEIPT_NOT_FOUND'
  | 'STORE_RECEIPT_FORGED'
  | 'STORE_RECEIPT_WRONG_APP'
  | 'STORE_RECEIPT_WRONG_PRODUCT'
  | 'STORE_RECEIPT_EXPIRED'
  | 'STORE_RECEIPT_REVOKED'
  | 'STORE_RECEIPT_NOT_ACTIVE'
  | 'STORE_RECEIPT_CLAIMED';

export const StoreReceiptError = defineErrors<StoreReceiptErrorCode>('StoreReceiptError', {
  STORE_NOT_CONFIGURED: {
    publicCode: 'UNAVAILABLE',
    message: () => 'Purchases from this store are not verified on this server.',
    when: 'verifyStoreReceipt named a store this server has no credentials for (APPLE_IAP_* or GOOGLE_PLAY_* unset).',
    action:
      'Check premiumStorePlatforms before offering the purchase; ask the operator to configure the store.',
  },
  STORE_UNAVAILABLE: {
    publicCode: 'UNAVAILABLE',
    message: () => 'The store could not be asked about this purchase just now.',
    when: 'verifyStoreReceipt could not reach the store’s API, or the store refused the server’s credentials.',
    action: 'Try again in a minute; the purchase is kept by the store and can be verified later.',
  },
  STORE_RECEIPT_INVALID: {
    publicCode: 'BAD_USER_INPUT',
    message: (d) => String(d.message),
    when: 'verifyStoreReceipt got an empty or over-long transaction id, purchase token or product id.',
    action: 'Send the id or token exactly as the store plugin reported it.',
  },
  STORE_RECEIPT_NOT_FOUND: {
    publicCode: 'NOT_FOUND',
    message: () => 'The store does not know this purchase.',
    when: 'The store answered that the transaction id or purchase token is unknown (or belongs to another app).',
    action: 'Send the id or token of a purchase made in this app; a restore lists them.',
  },
  STORE_RECEIPT_FORGED: {
    publicCode: 'BAD_USER_INPUT',
    message: () => 'The store’s answer is not signed by the store.',
    when: 'The App Store’s signed transaction did not verify: its certificate chain does not end at the configured Apple root, or its signature is wrong. It is refused and audited.',
    action:
      'Nothing to do in the app; if it persists, check APPLE_ROOT_CA_FILE and the network path.',
  },
  STORE_RECEIPT_WRONG_APP: {
    publicCode: 'BAD_USER_INPUT',
    message: () => 'This purchase was made in another app or store environment.',
    when: 'The App Store transaction names another bundle id than APPLE_BUNDLE_ID, or the other environment (sandbox vs production).',
    action:
      'Send purchases made in this build of Pace, against the store environment the server uses.',
  },
  STORE_RECEIPT_WRONG_PRODUCT: {
    publicCode: 'BAD_USER_INPUT',
    message: () => 'This purchase is not a premium subscription.',
    when: 'The product id sent, or the one the store reports, is not in STORE_PREMIUM_PRODUCT_IDS, or the two differ, or the purchase has no end date.',
    action: 'Send the premium subscription’s purchase with the product id the store reports.',
  },
  STORE_RECEIPT_EXPIRED: {
    publicCode: 'BAD_USER_INPUT',
    message: () => 'This subscription period has ended.',
    when: 'The store reports an expiry date already passed.',
    action: 'Renew the subscription in the store, then send the new purchase.',
  },
  STORE_RECEIPT_REVOKED: {
    publicCode: 'BAD_USER_INPUT',
    message: () => 'The store refunded or revoked this purchase.',
    when: 'The App Store transaction carries a revocation date.',
    action: 'Buy premium again; a refunded purchase grants nothing.',
  },
  STORE_RECEIPT_NOT_ACTIVE: {
    publicCode: 'BAD_USER_INPUT',
    message: () => 'This subscription is not in force (pending, paused or on hold).',
    when: 'Google Play reports a subscription state other than active, cancelled-but-paid or in grace period.',
    action: 'Complete or resume the payment in Google Play, then send the purchase again.',
  },
  STORE_RECEIPT_CLAIMED: {
    publicCode: 'CONFLICT',
    message: () => 'This purchase already gives premium to another account.',
    when: 'verifyStoreReceipt got a purchase (original transaction id or purchase token) another account claimed first.',
    action: 'Sign in to the account that bought it; support can move it if needed.',
  },
});
