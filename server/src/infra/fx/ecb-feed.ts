/**
 * The European Central Bank's euro reference rates (eurofxref-daily.xml, eurofxref-hist-90d.xml):
 * one `<Cube time="YYYY-MM-DD">` per working day holding `<Cube currency="USD" rate="1.0512"/>`
 * lines, each "units of the currency for one euro". Parsed without an XML library: the format is
 * small, fixed and only its Cube elements matter.
 */
import { isCurrencyCode } from '@pace/engine';

/** One published rate: `rate` units of `currency` for one euro on `rateOn`, as printed. */
export interface EuroReferenceRate {
  currency: string;
  rateOn: string;
  rate: string;
}

/** A source of euro reference rates (the ECB feed; a stand-in in tests). */
export interface EuroReferenceRateFeed {
  fetchRates(): Promise<EuroReferenceRate[]>;
}

/** The feed answered with something that is not a reference-rate document. */
export class EcbFeedFormatError extends Error {
  override name = 'EcbFeedFormatError';
}

/** The feed could not be read: no connection, a timeout or an HTTP error status. */
export class EcbFeedUnreachableError extends Error {
  override name = 'EcbFeedUnreachableError';
}

const DAY = /<Cube\s+time\s*=\s*["'](\d{4}-\d{2}-\d{2})["']\s*>([\s\S]*?)<\/Cube>/g;
const LINE = /<Cube\s+([^>]*?)\/?>/g;
const ATTRIBUTE = /(\w+)\s*=\s*["']([^"']*)["']/g;
const RATE = /^\d{1,12}(\.\d{1,12})?$/;

/** Reads every day's rates from a feed document; a malformed document is EcbFeedFormatError. */
export function parseEcbRates(xml: string): EuroReferenceRate[] {
  if (!xml.includes('eurofxref') && !xml.includes('gesmes'))
    throw new EcbFeedFormatError('not an ECB reference-rate document');
  const rates: EuroReferenceRate[] = [];
  for (const [, rateOn = '', body = ''] of xml.matchAll(DAY)) {
    for (const [, attributes = ''] of body.matchAll(LINE)) {
      const fields = new Map(
        [...attributes.matchAll(ATTRIBUTE)].map(([, key = '', value = '']) => [key, value]),
      );
      const currency = fields.get('currency') ?? '';
      const rate = fields.get('rate') ?? '';
      // A currency this build does not know, or a damaged number, is skipped, not guessed.
      if (!isCurrencyCode(currency) || !RATE.test(rate) || /^[0.]+$/.test(rate)) continue;
      rates.push({ currency, rateOn, rate });
    }
  }
  if (rates.length === 0) throw new EcbFeedFormatError('the document holds no rates');
  return rates;
}

/** Fetches the feed over HTTP within `timeoutMs`. */
export class EcbRateFeed implements EuroReferenceRateFeed {
  constructor(private readonly options: { url: string; timeoutMs: number }) {}

  async fetchRates(): Promise<EuroReferenceRate[]> {
    let body: string;
    try {
      const response = await fetch(this.options.url, {
        headers: { accept: 'application/xml, text/xml' },
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      if (!response.ok) {
        await response.body?.cancel();
        throw new EcbFeedUnreachableError(`the feed answered HTTP ${response.status}`);
      }
      body = await response.text();
    } catch (error) {
      if (error instanceof EcbFeedUnreachableError) throw error;
      throw new EcbFeedUnreachableError(error instanceof Error ? error.message : String(error));
    }
    return parseEcbRates(body);
  }
}
