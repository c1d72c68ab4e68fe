/**
 * The real @google-cloud/vision client, up to the network border: its REST transport (`fallback`)
 * talks to a local server that answers images:annotate the way Cloud Vision does.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
// google-gax's own copy of google-auth-library: the one the Vision client was built against.
import { googleAuthLibrary } from 'google-gax';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VisionOcrProvider } from './vision-ocr.provider';

interface Seen {
  readonly url: string;
  readonly authorization: string | undefined;
  readonly body: {
    requests: Array<{ image: { content: string }; features: Array<{ type: string }> }>;
  };
}

const word = (text: string, x: number, y: number) => ({
  boundingBox: {
    vertices: [
      { x, y },
      { x: x + text.length * 10, y },
      { x: x + text.length * 10, y: y + 20 },
      { x, y: y + 20 },
    ],
  },
  symbols: [...text].map((char) => ({ text: char })),
  confidence: 0.97,
});

// A documentTextDetection answer whose blocks are not in reading order (Vision's are by region).
const ANNOTATION = {
  fullTextAnnotation: {
    text: 'CORNER CAFE\nTOTAL\n12.30\n',
    pages: [
      {
        blocks: [
          { paragraphs: [{ words: [word('CORNER', 10, 10), word('CAFE', 90, 12)] }] },
          { paragraphs: [{ words: [word('12.30', 300, 101)] }] },
          {
            paragraphs: [
              { words: [word('TOTAL', 10, 100)] },
              { words: [word('05/06/2024', 10, 60)] },
            ],
          },
        ],
      },
    ],
  },
};

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

describe('VisionOcrProvider against a local Cloud Vision endpoint', () => {
  const seen: Seen[] = [];
  let server: Server;
  let port = 0;
  let failNext = false;

  beforeAll(async () => {
    server = createServer((request, response) => {
      void readBody(request).then((body) => {
        seen.push({
          url: request.url ?? '',
          authorization: request.headers.authorization,
          body: JSON.parse(body) as Seen['body'],
        });
        response.setHeader('content-type', 'application/json');
        if (failNext) {
          failNext = false;
          response.end(
            JSON.stringify({ responses: [{ error: { code: 3, message: 'Bad image data.' } }] }),
          );
          return;
        }
        response.end(JSON.stringify({ responses: [ANNOTATION] }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  function provider(): VisionOcrProvider {
    const authClient = new googleAuthLibrary.OAuth2Client();
    authClient.setCredentials({ access_token: 'test-token', expiry_date: Date.now() + 3_600_000 });
    return new VisionOcrProvider({
      client: { fallback: true, apiEndpoint: '127.0.0.1', port, protocol: 'http', authClient },
    });
  }

  it('sends the image for DOCUMENT_TEXT_DETECTION and groups the word boxes into lines', async () => {
    const vision = provider();
    try {
      const image = Buffer.from('fake-jpeg-bytes');
      const result = await vision.recognize(image);
      expect(result).toEqual({
        provider: 'vision',
        lines: [
          { text: 'CORNER CAFE', confidence: 0.97 },
          { text: '05/06/2024', confidence: 0.97 },
          { text: 'TOTAL 12.30', confidence: 0.97 },
        ],
      });
      const request = seen.at(-1);
      expect(request?.url).toMatch(/^\/v1\/images:annotate/);
      expect(request?.authorization).toBe('Bearer test-token');
      // The REST transport sends enums as numbers: 11 is DOCUMENT_TEXT_DETECTION.
      expect([11, 'DOCUMENT_TEXT_DETECTION']).toContain(
        request?.body.requests[0]?.features[0]?.type,
      );
      expect(Buffer.from(request?.body.requests[0]?.image.content ?? '', 'base64')).toEqual(image);
    } finally {
      await vision.close();
    }
  });

  it('turns an error in the annotation into a failure', async () => {
    const vision = provider();
    try {
      failNext = true;
      await expect(vision.recognize(Buffer.from('x'))).rejects.toThrow(/Bad image data/);
    } finally {
      await vision.close();
    }
  });
});
