export { habits, habitCheckIns, moodEntries } from './habit.table';
export type { HabitRow, MoodRow } from './habit.table';
export { HabitRepository, moodTextContext } from './habit.repository';
export { HabitService, type LedgerBetween } from './habit.service';
export { HabitResolver } from './habit.resolver';
export { HabitError } from './habit.errors';
export { habitNode, moodEntryNode } from './habit.node-source';
