import { isUuid } from '../../graphql/ids';
import { nullWhenNotFound, type NodeSource } from '../../graphql/node';
import { parseMoodEntryId, toHabit, toMoodEntry } from './habit.type';

/** A habit by id for `node`, archived ones too (as `habits(includeArchived: true)`). */
export const habitNode: NodeSource = {
  typeName: 'Habit',
  scope: 'read:goals',
  find: async (ctx, viewer, id) => {
    if (!isUuid(id)) return null;
    const view = await nullWhenNotFound(ctx.services.habits.get(viewer.userId, id));
    return view && toHabit(view);
  },
};

/** A mood entry by its opaque id, which names its owner and local day. */
export const moodEntryNode: NodeSource = {
  typeName: 'MoodEntry',
  scope: 'read:goals',
  find: async (ctx, viewer, id) => {
    const named = parseMoodEntryId(id);
    if (!named || named.userId !== viewer.userId) return null;
    const [row] = await ctx.services.habits.moods(viewer.userId, named.on, named.on);
    return row ? toMoodEntry(row) : null;
  },
};
