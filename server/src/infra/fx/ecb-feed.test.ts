import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EcbFeedFormatError,
  EcbFeedUnreachableError,
  EcbRateFeed,
  parseEcbRates,
} from './ecb-feed';

const FIXTURE = path.join(import.meta.dirname, 'fixtures', 'eurofxref-hist-sample.xml');

// A stand-in for www.ecb.europa.eu: this machine cannot reach the real feed.
let server: Server;
let base = '';
let xml = '';

beforeAll(async () => {
  xml = await readFile(FIXTURE, 'utf8');
  server = createServer((request, response) => {
    if (request.url === '/stats/eurofxref/eurofxref-hist-90d.xml') {
      response.writeHead(200, { 'content-type': 'text/xml' });
      response.end(xml);
    } else if (request.url === '/slow') {
      setTimeout(() => response.end(xml), 2_000);
    } else if (request.url === '/html') {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<html><body>Maintenance</body></html>');
    } else {
      response.writeHead(404);
      response.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('the ECB reference-rate feed', () => {
  it('reads every day of the history document, single or double quoted, skipping unknown codes', async () => {
    const feed = new EcbRateFeed({
      url: `${base}/stats/eurofxref/eurofxref-hist-90d.xml`,
      timeoutMs: 1_000,
    });
    const rates = await feed.fetchRates();
    expect(rates).toHaveLength(10);
    expect(rates).toContainEqual({ currency: 'JPY', rateOn: '2026-12-04', rate: '162.18' });
    expect(rates).toContainEqual({ currency: 'GBP', rateOn: '2026-12-04', rate: '0.83205' });
    expect(rates).toContainEqual({ currency: 'USD', rateOn: '2026-12-02', rate: '1.0475' });
    expect(rates.some((rate) => rate.currency === 'XXX')).toBe(false);
  });

  it('reads the one-day document', () => {
    const daily = `<?xml version="1.0" encoding="UTF-8"?>
<gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
	<gesmes:subject>Reference rates</gesmes:subject>
	<Cube>
		<Cube time='2026-12-04'>
			<Cube currency='USD' rate='1.0512'/>
		</Cube>
	</Cube>
</gesmes:Envelope>`;
    expect(parseEcbRates(daily)).toEqual([
      { currency: 'USD', rateOn: '2026-12-04', rate: '1.0512' },
    ]);
  });

  it('says unreachable for an error status, a dead host or a timeout', async () => {
    for (const url of [`${base}/missing.xml`, 'http://127.0.0.1:1/feed.xml', `${base}/slow`]) {
      await expect(new EcbRateFeed({ url, timeoutMs: 300 }).fetchRates()).rejects.toBeInstanceOf(
        EcbFeedUnreachableError,
      );
    }
  });

  it('refuses a document that is not the feed', async () => {
    await expect(
      new EcbRateFeed({ url: `${base}/html`, timeoutMs: 1_000 }).fetchRates(),
    ).rejects.toBeInstanceOf(EcbFeedFormatError);
    expect(() => parseEcbRates('<gesmes:Envelope><Cube></Cube></gesmes:Envelope>')).toThrow(
      EcbFeedFormatError,
    );
  });
});
