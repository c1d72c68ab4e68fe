import type { Agent } from 'node:https';
import { readFileSync } from 'node:fs';
import { cert, deleteApp, initializeApp, type App, type Credential } from 'firebase-admin/app';
import { getMessaging } from 'firebase-admin/messaging';
import type { FcmSender, PushOutcome } from './push';

/** What FCM answers for a token the app no longer holds: forget the device. */
const GONE_CODES = new Set([
  'messaging/registration-token-not-registered',
  'messaging/invalid-registration-token',
]);

export interface FcmOptions {
  /** A Firebase service account: the parsed JSON key file (project_id, client_email, private_key). */
  serviceAccount: Record<string, unknown>;
  /** Routes Google's token and FCM calls (an egress proxy in production, a local endpoint in tests). */
  httpAgent?: Agent;
  /** Replaces the service account's OAuth exchange with Google (tests at the network border). */
  credential?: Credential;
  /** Distinct app names let several senders live in one process (API and worker in tests). */
  appName?: string;
}

/** Reads a service-account key file; a clear error names the file when it is not one. */
export function readServiceAccount(file: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`FIREBASE_SERVICE_ACCOUNT_FILE ${file} is not a readable JSON key file`, {
      cause: error,
    });
  }
  if (typeof parsed !== 'object' || parsed === null || !('private_key' in parsed))
    throw new Error(`FIREBASE_SERVICE_ACCOUNT_FILE ${file} is not a service-account key`);
  return parsed;
}

function projectIdOf(serviceAccount: Record<string, unknown>): string {
  const id = serviceAccount.project_id;
  return typeof id === 'string' ? id : '';
}

/** FCM through the official `firebase-admin` SDK (HTTP v1 API), for the Capacitor app. */
export function createFcmSender(options: FcmOptions): FcmSender & { close(): Promise<void> } {
  let app: App | null = null;
  const appOf = (): App => {
    app ??= initializeApp(
      {
        credential: options.credential ?? cert(options.serviceAccount, options.httpAgent),
        projectId: projectIdOf(options.serviceAccount),
        ...(options.httpAgent ? { httpAgent: options.httpAgent } : {}),
      },
      options.appName ?? `pace-fcm-${process.pid}-${Math.random().toString(36).slice(2)}`,
    );
    return app;
  };
  return {
    isConfigured: true,
    async send(token, message): Promise<PushOutcome> {
      try {
        await getMessaging(appOf()).send({
          token,
          notification: { title: message.title, body: message.body },
          ...(message.data ? { data: message.data } : {}),
          android: { priority: 'high' },
        });
        return 'sent';
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        if (typeof code === 'string' && GONE_CODES.has(code)) return 'gone';
        throw error;
      }
    },
    async close() {
      if (app) await deleteApp(app);
      app = null;
    },
  };
}
