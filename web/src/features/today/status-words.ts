import type { Status } from '@pace/engine';
import type { StatusTone } from '@/ui/status-pill';

/** Message key and pill tone of a budget status: the words carry it, the colour repeats it. */
export function statusOf(status: Status): { key: 'green' | 'yellow' | 'red'; tone: StatusTone } {
  if (status === 'red') return { key: 'red', tone: 'bad' };
  if (status === 'yellow') return { key: 'yellow', tone: 'warn' };
  return { key: 'green', tone: 'ok' };
}
