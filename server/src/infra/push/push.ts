import webpush from 'web-push';

/** A browser's Web Push subscription, as `PushSubscription.toJSON()` gives it. */
export interface WebPushTarget {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

/** What a push service answered: delivered, or the subscription is gone (404/410: forget it). */
export type PushOutcome = 'sent' | 'gone';

/** The border to push services: Web Push (VAPID) for the PWA. */
export interface WebPushSender {
  readonly publicKey: string | null;
  send(target: WebPushTarget, payload: string, options?: { ttlS?: number }): Promise<PushOutcome>;
}

/** Web Push through the `web-push` library, signed with the VAPID keys of the configuration. */
export function createWebPushSender(options: {
  publicKey: string;
  privateKey: string;
  subject: string;
  timeoutMs?: number;
}): WebPushSender {
  return {
    publicKey: options.publicKey,
    send: async (target, payload, sendOptions) => {
      try {
        await webpush.sendNotification(target, payload, {
          vapidDetails: {
            subject: options.subject,
            publicKey: options.publicKey,
            privateKey: options.privateKey,
          },
          TTL: sendOptions?.ttlS ?? 24 * 3600,
          timeout: options.timeoutMs ?? 10_000,
        });
        return 'sent';
      } catch (error) {
        if (
          error instanceof webpush.WebPushError &&
          (error.statusCode === 404 || error.statusCode === 410)
        )
          return 'gone';
        throw error;
      }
    },
  };
}

/** Without VAPID keys push is off: nothing is sent and the PWA is told there is no key. */
export const disabledWebPush: WebPushSender = {
  publicKey: null,
  send: () => Promise.reject(new Error('Web Push is not configured (VAPID_PUBLIC_KEY).')),
};

/** FCM for the Capacitor app (see fcm.ts); without Firebase credentials it is off. */
export interface FcmSender {
  readonly isConfigured: boolean;
  send(
    token: string,
    message: { title: string; body: string; data?: Record<string, string> },
  ): Promise<PushOutcome>;
}

export const unconfiguredFcm: FcmSender = {
  isConfigured: false,
  send: () => Promise.reject(new Error('FCM is not configured: no firebase-admin credentials.')),
};
