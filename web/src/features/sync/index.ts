export {
  currentAccessToken,
  onTokenRejected,
  provideAccessToken,
  reportTokenRejected,
  useAccessTokenSource,
  type AccessTokenSource,
} from './session-bridge';
export { SyncStatusBar } from './sync-status-bar';
export { useSyncRuntime, useSyncStatus, usePendingCount, syncNow } from './sync-runtime';
export { SyncedScreen } from './synced-screen';
