import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tls from 'node:tls';
import { createFcmSender } from '../../src/infra/push/fcm';

/** A request FCM's HTTP v1 API received. */
export interface FcmCall {
  path: string;
  authorization: string | undefined;
  message: { token: string; notification?: { title: string; body: string }; data?: object };
}

/** Tokens the fake answers as FCM does for an uninstalled app and for a misconfigured sender. */
export const GONE_TOKEN = 'gone-token';
export const REFUSED_TOKEN = 'refused-token';

function fcmError(status: number, name: string, errorCode: string): string {
  return JSON.stringify({
    error: {
      code: status,
      message: errorCode,
      status: name,
      details: [{ '@type': 'type.googleapis.com/google.firebase.fcm.v1.FcmError', errorCode }],
    },
  });
}

/**
 * A local HTTPS server speaking FCM's HTTP v1 send API, and senders built on the real
 * firebase-admin client whose connections to fcm.googleapis.com are routed to it. Google's auth
 * library ignores the agent for its OAuth exchange, so these senders get a token from the test.
 */
export async function startFcmService() {
  const dir = mkdtempSync(join(tmpdir(), 'pace-fcm-'));
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=localhost',
    ].concat(['-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')]),
    { stdio: 'ignore' },
  );
  const calls: FcmCall[] = [];
  const server = https.createServer(
    { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) },
    (req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        const { message } = JSON.parse(body || '{}') as { message: FcmCall['message'] };
        calls.push({ path: req.url ?? '', authorization: req.headers.authorization, message });
        res.setHeader('content-type', 'application/json');
        if (message.token === GONE_TOKEN) {
          res.statusCode = 404;
          res.end(fcmError(404, 'NOT_FOUND', 'UNREGISTERED'));
        } else if (message.token === REFUSED_TOKEN) {
          res.statusCode = 403;
          res.end(fcmError(403, 'PERMISSION_DENIED', 'SENDER_ID_MISMATCH'));
        } else {
          res.end(JSON.stringify({ name: `projects/pace-test/messages/${calls.length}` }));
        }
      });
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  class LocalAgent extends https.Agent {
    override createConnection(options: object) {
      const tlsOptions = options as tls.ConnectionOptions;
      return tls.connect({ ...tlsOptions, host: '127.0.0.1', port, rejectUnauthorized: false });
    }
  }
  const { privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  const serviceAccount = {
    type: 'service_account',
    project_id: 'pace-test',
    private_key: privateKey,
    client_email: 'pace@pace-test.iam.gserviceaccount.com',
  };
  const credential = {
    getAccessToken: () => Promise.resolve({ access_token: 'ya29.local', expires_in: 3600 }),
  };
  const senders: Array<ReturnType<typeof createFcmSender>> = [];

  return {
    calls,
    /** A real firebase-admin sender talking to this server. */
    sender() {
      const sender = createFcmSender({ serviceAccount, httpAgent: new LocalAgent(), credential });
      senders.push(sender);
      return sender;
    },
    async close() {
      await Promise.all(senders.map((sender) => sender.close()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
