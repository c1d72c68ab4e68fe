import { addDays, formatDecimal, localDateOf, offsetMinutesAt, type LocalDate } from '@pace/engine';
import type { Clock } from '../../infra/clock';
import type { NotificationDeliveryService } from './notification-delivery.service';
import type { NotificationRepository } from './notification.repository';
import {
  dailyDrafts,
  type DailyMonthFacts,
  type NotificationDraft,
} from './notification-sources.rules';

/** A recurring expense due on a day, as its reminder needs it. */
export interface BillDue {
  recurringId: string;
  name: string;
  categoryId: string;
  amountMinor: number;
  currency: string;
}

/** The local hour the morning note is due (domain: morning advice at 08:00 local time). */
export const MORNING_HOUR = 8;

/**
 * The daily schedule: once each person's local day reaches 08:00, their morning note (today's
 * budget and the day's advice), the pace check, wins and tomorrow's recurring expenses. One run per person and local day: the
 * run is claimed first, and released when its work failed so the next tick tries again.
 */
export class NotificationScheduleService {
  constructor(
    private readonly deps: {
      repository: NotificationRepository;
      delivery: NotificationDeliveryService;
      clock: Clock;
      listUserIds: () => Promise<string[]>;
      /** The budget's time zone; null before onboarding (nothing to say yet). */
      timeZoneOf: (userId: string) => Promise<string | null>;
      currentMonth: (userId: string) => Promise<DailyMonthFacts | null>;
      /** The day's advice summary, or null when there is none (advice is optional here). */
      adviceOf: (userId: string) => Promise<string | null>;
      onSkipped?: (userId: string, error: unknown) => void | Promise<void>;
      /** The recurring expenses that post on a local date (the recurring feature), for reminders. */
      billsDueOn?: (userId: string, date: LocalDate) => Promise<BillDue[]>;
    },
  ) {}

  /** Runs every due person once; returns how many ran. */
  async runDue(): Promise<number> {
    const now = this.deps.clock.now();
    let ran = 0;
    for (const userId of await this.deps.listUserIds()) {
      const timeZone = await this.deps.timeZoneOf(userId);
      if (!timeZone || localHourOf(now, timeZone) < MORNING_HOUR) continue;
      const today = localDateOf(now, timeZone);
      if (!(await this.deps.repository.claimDailyRun(userId, today, now))) continue;
      try {
        await this.deps.delivery.raise(await this.draftsOf(userId, today), now);
        ran += 1;
      } catch (error) {
        await this.deps.repository.releaseDailyRun(userId, today);
        await this.deps.onSkipped?.(userId, error);
      }
    }
    return ran;
  }

  private async draftsOf(userId: string, today: LocalDate): Promise<NotificationDraft[]> {
    const month = await this.deps.currentMonth(userId);
    if (!month) return [];
    const day = month.days.find((d) => d.isToday);
    const allocationMinor = day?.cells.reduce((sum, c) => sum + c.allocationMinor, 0) ?? 0;
    let advice: string | null = null;
    try {
      advice = await this.deps.adviceOf(userId);
    } catch {
      // The morning note goes out with today's budget alone when advice cannot be had.
      advice = null;
    }
    const morning: NotificationDraft = {
      userId,
      type: 'morning',
      groupKey: `morning:${today}`,
      params: {
        date: today,
        amount: formatDecimal(allocationMinor, month.currency),
        currency: month.currency,
        advice,
      },
    };
    return [morning, ...dailyDrafts(userId, month), ...(await this.billDrafts(userId, today))];
  }

  /** "Due tomorrow" reminders, one per recurring expense and date (its group key never repeats). */
  private async billDrafts(userId: string, today: LocalDate): Promise<NotificationDraft[]> {
    if (!this.deps.billsDueOn) return [];
    const tomorrow = addDays(today, 1);
    return (await this.deps.billsDueOn(userId, tomorrow)).map((bill) => ({
      userId,
      type: 'bill_due',
      groupKey: `bill_due:${bill.recurringId}:${tomorrow}`,
      params: {
        categoryId: bill.categoryId,
        categoryName: bill.name,
        date: tomorrow,
        amount: formatDecimal(bill.amountMinor, bill.currency),
        currency: bill.currency,
      },
    }));
  }
}

function localHourOf(now: Date, timeZone: string): number {
  const localMs = now.getTime() + offsetMinutesAt(timeZone, now.getTime()) * 60_000;
  return new Date(localMs).getUTCHours();
}
