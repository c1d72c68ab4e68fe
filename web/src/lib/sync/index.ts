export * from './outbox';
export { pullChanges, CURSOR_KEY } from './pull';
export { replayOutbox, type ReplayResult } from './replay';
export { SyncEngine, type SyncPhase, type SyncStatus } from './sync-engine';
export { resolveConflict } from './conflicts';
export {
  fetchTransport,
  GraphqlRequestError,
  NetworkUnavailableError,
  type GraphqlTransport,
} from './transport';
export {
  archiveHabit,
  createHabit,
  editHabit,
  moodRecordId,
  pullWellbeing,
  recordMood,
  removeMood,
  setCheckIn,
  type HabitPatch,
  type NewHabit,
} from './wellbeing';
