import type { SystemCheckRow } from './system-check.table';

/** Event payloads cross Redis as JSON, so instants travel as ISO strings. */
export interface SystemCheckCompletedEvent {
  id: string;
  status: SystemCheckRow['status'];
  requestedByNode: string;
  processedByNode: string | null;
  deliveries: number;
  createdAt: string;
  completedAt: string | null;
}

declare module '../../infra/pubsub/pubsub' {
  interface TopicMap {
    'system.checkCompleted': SystemCheckCompletedEvent;
  }
}

/** System checks are not a user's data: every operator subscribed sees them. */
export const SYSTEM_SCOPE = 'system';

export function toSystemCheckEvent(row: SystemCheckRow): SystemCheckCompletedEvent {
  return {
    ...row,
    createdAt: row.createdAt.toISOString(),
    completedAt: row.completedAt?.toISOString() ?? null,
  };
}
