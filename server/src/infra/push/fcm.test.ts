import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  GONE_TOKEN,
  REFUSED_TOKEN,
  startFcmService,
} from '../../../test/notifications/fcm-service';

/** The real firebase-admin client against a local server speaking FCM's HTTP v1 API. */
describe('FCM through firebase-admin', () => {
  let fcm: Awaited<ReturnType<typeof startFcmService>>;
  beforeAll(async () => {
    fcm = await startFcmService();
  });
  afterAll(() => fcm?.close());

  it('sends the notification to the device with the service account’s token', async () => {
    await expect(
      fcm.sender().send('device-token-1', {
        title: 'Large expense',
        body: '€80.00 in Food.',
        data: { url: '/notifications/' },
      }),
    ).resolves.toBe('sent');
    const call = fcm.calls.find((c) => c.message.token === 'device-token-1');
    expect(call?.path).toBe('/v1/projects/pace-test/messages:send');
    expect(call?.authorization).toBe('Bearer ya29.local');
    expect(call?.message).toMatchObject({
      notification: { title: 'Large expense', body: '€80.00 in Food.' },
      data: { url: '/notifications/' },
    });
  });

  it('reports a token FCM no longer knows as gone, and other refusals as errors to retry', async () => {
    const sender = fcm.sender();
    await expect(sender.send(GONE_TOKEN, { title: 't', body: 'b' })).resolves.toBe('gone');
    await expect(sender.send(REFUSED_TOKEN, { title: 't', body: 'b' })).rejects.toThrow();
  });
});
