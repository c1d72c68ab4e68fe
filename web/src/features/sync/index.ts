export {
  currentAccessToken,
  onTokenRejected,
  provideAccessToken,
  reportTokenRejected,
  useAccessTokenSource,
  type AccessTokenSource,
} from './session-bridge';
export { SyncStatusBar } from './sync-status-bar';
export {
  apiRequest,
  onLiveNotification,
  useSyncRuntime,
  useSyncStatus,
  usePendingCount,
  syncNow,
} from './sync-runtime';
export type { LiveNotification } from './live-connection';
export { SyncedScreen } from './synced-screen';
