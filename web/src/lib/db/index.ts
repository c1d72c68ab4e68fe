export { PaceDatabase, PACE_DATABASE_NAME, openPaceDatabase } from './pace-database';
export type * from './records';
