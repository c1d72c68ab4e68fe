export { HabitsScreen } from './habits-screen';
export { HabitsEntry } from './habits-entry';
