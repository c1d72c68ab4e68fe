import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { InProcessQueue } from './in-process-queue';
import { bindJob, type JobObserver, type JobOutcome, type JobSpec } from './job';

const spec: JobSpec<{ n: number }> = {
  name: 'test.count',
  version: 1,
  queue: 'system',
  payload: z.object({ n: z.number().int() }),
  attempts: 3,
};

function recorder(): JobObserver & { outcomes: JobOutcome[] } {
  const outcomes: JobOutcome[] = [];
  return {
    outcomes,
    onOutcome: (_q, _n, outcome) => outcomes.push(outcome),
    onError: () => undefined,
  };
}

describe('InProcessQueue', () => {
  it('runs each job, ignores a repeated job id and checks payloads before queueing', async () => {
    const observer = recorder();
    const queue = new InProcessQueue(observer);
    const seen: number[] = [];
    queue.register([bindJob(spec, async ({ n }) => void seen.push(n))]);
    await queue.enqueue(spec, { n: 1 }, { jobId: 'count-1' });
    await queue.enqueue(spec, { n: 1 }, { jobId: 'count-1' });
    await queue.enqueue(spec, { n: 2 });
    await expect(queue.enqueue(spec, { n: 1.5 })).rejects.toThrow();
    await expect(queue.enqueue(spec, { n: 3 }, { jobId: 'bad:id' })).rejects.toThrow(/Job id/);
    await queue.drain();
    expect(seen.sort()).toEqual([1, 2]);
    expect(observer.outcomes).toEqual(['completed', 'completed']);
    await queue.close();
  });

  it('retries a failing job up to its attempts, then counts it failed', async () => {
    const observer = recorder();
    const queue = new InProcessQueue(observer);
    let calls = 0;
    queue.register([
      bindJob(spec, async () => {
        calls += 1;
        throw new Error('down');
      }),
    ]);
    await queue.enqueue(spec, { n: 1 });
    await queue.drain();
    expect(calls).toBe(3);
    expect(observer.outcomes).toEqual(['retried', 'retried', 'failed']);
    expect((await queue.counts()).system.failed).toBe(1);
    await queue.close();
  });

  it('lists a failed job and runs it again with fresh attempts when retried', async () => {
    const observer = recorder();
    const queue = new InProcessQueue(observer);
    let isDown = true;
    const seen: number[] = [];
    queue.register([
      bindJob({ ...spec, attempts: 1 }, async ({ n }) => {
        if (isDown) throw new Error('vendor down');
        seen.push(n);
      }),
    ]);
    const id = await queue.enqueue(spec, { n: 4 });
    await queue.drain();
    const [failed] = await queue.listFailed('system', 10);
    expect(failed).toMatchObject({ id, name: spec.name, reason: 'vendor down', attemptsMade: 1 });
    isDown = false;
    expect(await queue.retryFailed('system', 'unknown')).toBe(false);
    expect(await queue.retryFailed('system', id)).toBe(true);
    await queue.drain();
    expect(seen).toEqual([4]);
    expect(await queue.counts()).toMatchObject({ system: { failed: 0, delayed: 0, waiting: 0 } });
    expect(await queue.retryFailed('system', id)).toBe(false);
    await queue.close();
  });

  it('runs a repeated job once per period and stops on close', async () => {
    vi.useFakeTimers();
    try {
      const queue = new InProcessQueue(recorder());
      const seen: number[] = [];
      queue.register([bindJob(spec, async ({ n }) => void seen.push(n))]);
      await queue.repeat(spec, { n: 7 }, 1000);
      expect(seen).toEqual([]);
      await vi.advanceTimersByTimeAsync(3000);
      expect(seen).toEqual([7, 7, 7]);
      await queue.close();
      await vi.advanceTimersByTimeAsync(3000);
      expect(seen).toEqual([7, 7, 7]);
    } finally {
      vi.useRealTimers();
    }
  });
});
