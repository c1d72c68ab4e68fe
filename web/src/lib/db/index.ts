export {
  PaceDatabase,
  PACE_DATABASE_NAME,
  clearPaceDatabase,
  openPaceDatabase,
  paceDatabase,
} from './pace-database';
export type * from './records';
