import { defineErrors } from '../../graphql/app-error';

export type PaymentErrorCode =
  'PAYMENTS_NOT_CONFIGURED' | 'PAYMENT_SIGNATURE_INVALID' | 'PAYMENT_PROVIDER_FAILED';

export const PaymentError = defineErrors<PaymentErrorCode>('PaymentError', {
  PAYMENTS_NOT_CONFIGURED: {
    publicCode: 'UNAVAILABLE',
    message: () => 'Payments are not set up on this server.',
    when: 'startPremiumCheckout or the Stripe webhook was called on a server without STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET and STRIPE_PRICE_ID.',
    action: 'Ask the operator to configure Stripe; admins can grant premium meanwhile.',
  },
  PAYMENT_SIGNATURE_INVALID: {
    publicCode: 'BAD_USER_INPUT',
    message: () => 'The event’s Stripe-Signature does not verify.',
    when: 'POST /api/payments/stripe got a body whose Stripe-Signature header is missing, stale (over 5 minutes) or not made with the endpoint’s signing secret. It is refused and audited.',
    action:
      'Send events from Stripe to this endpoint with its signing secret as STRIPE_WEBHOOK_SECRET.',
  },
  PAYMENT_PROVIDER_FAILED: {
    publicCode: 'UNAVAILABLE',
    message: () => 'The payment provider could not be reached just now.',
    when: 'startPremiumCheckout could not create a checkout session with Stripe (network or Stripe error).',
    action: 'Try again in a minute; nothing was charged.',
  },
});
