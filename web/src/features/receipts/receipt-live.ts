import { createClient } from 'graphql-ws';
import { resolveApiEndpoints } from '@/lib/apollo';
import { currentAccessToken } from '@/features/sync/session-bridge';
import { apiRequest } from '@/features/sync/sync-runtime';
import { RECEIPT, RECEIPT_PROCESSED, type ReceiptFields } from './receipts.operations';

const POLL_MS = 1500;
const isSettled = (status: string) => status !== 'UPLOADED' && status !== 'PROCESSING';

/**
 * Follows one receipt until its job ends: `receiptProcessed` over the socket says when, and a poll
 * of `receipt(id)` reports progress meanwhile (and covers a socket that cannot connect). Calls
 * `onUpdate` with each new state; returns the stop function.
 */
export function followReceipt(id: string, onUpdate: (receipt: ReceiptFields) => void): () => void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const client = createClient({
    url: resolveApiEndpoints(window.location).wsUrl,
    lazy: true,
    retryAttempts: 3,
    connectionParams: async () => {
      const token = await currentAccessToken();
      return token ? { authorization: `Bearer ${token}` } : {};
    },
  });
  const stop = () => {
    if (stopped) return;
    stopped = true;
    clearTimeout(timer);
    unsubscribe();
    void client.dispose();
  };
  const report = (receipt: ReceiptFields) => {
    if (stopped || receipt.id !== id) return;
    onUpdate(receipt);
    if (isSettled(receipt.status)) stop();
  };
  const unsubscribe = client.subscribe<{ receiptProcessed: ReceiptFields }>(
    { query: RECEIPT_PROCESSED },
    {
      next: (result) => {
        if (result.data) report(result.data.receiptProcessed);
      },
      error: () => undefined,
      complete: () => undefined,
    },
  );
  const poll = async () => {
    if (stopped) return;
    try {
      const data = await apiRequest<{ receipt: ReceiptFields | null }>(RECEIPT, { id });
      if (data.receipt) report(data.receipt);
    } catch {
      // offline for a moment: the next poll tries again
    }
    if (!stopped) timer = setTimeout(() => void poll(), POLL_MS);
  };
  void poll();
  return stop;
}
