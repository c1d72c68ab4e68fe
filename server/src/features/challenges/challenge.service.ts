import {
  CHALLENGE_CATALOGUE,
  challengeCapMinor,
  challengeEndsOn,
  challengeStartsOn,
  computeChallengeProgress,
  findChallenge,
  monthOf,
  type ChallengeDefinition,
  type ChallengeProgress,
  type LedgerTransaction,
  type LocalDate,
  type Plan,
} from '@pace/engine';
import { ChallengeError } from './challenge.errors';
import type { ChallengeRepository, ParticipationOutcome } from './challenge.repository';
import type { ChallengeParticipationRow } from './challenge.table';

/** Finished attempts listed by `mine`, newest first. */
export const MAX_LISTED_PARTICIPATIONS = 50;

/** The person's budget as challenges need it: its currency and the plan of a month, if any. */
export interface ChallengeBudget {
  currency: string;
  plan: Plan | null;
}

/** Why a challenge cannot be joined now. */
export type ChallengeUnavailableReason = 'NO_BUDGET' | 'NOT_IN_PLAN';

/** An attempt with its progress as of the person's today. */
export interface ParticipationView {
  row: ChallengeParticipationRow;
  definition: ChallengeDefinition;
  progress: ChallengeProgress;
  currency: string;
  today: LocalDate;
}

/** A catalogue entry as the person sees it. */
export interface ChallengeView {
  definition: ChallengeDefinition;
  /** The cap this person would get by joining now (capped challenges with a plan only). */
  capMinor: number | null;
  currency: string | null;
  unavailableReason: ChallengeUnavailableReason | null;
  current: ParticipationView | null;
  completedCount: number;
}

interface Availability {
  capMinor: number | null;
  currency: string | null;
  unavailableReason: ChallengeUnavailableReason | null;
}

/**
 * Challenges (domain §6): a catalogue to join and leave; progress is computed from the ledger on
 * every read, and an attempt's outcome (completed or failed) is recorded the first time a read
 * sees it, once. Days are the person's local days (the budget's time zone).
 */
export class ChallengeService {
  constructor(
    private readonly deps: {
      repository: ChallengeRepository;
      today: (userId: string) => Promise<LocalDate>;
      budget: (userId: string, month: string) => Promise<ChallengeBudget | null>;
      ledgerBetween: (
        userId: string,
        from: LocalDate,
        to: LocalDate,
      ) => Promise<LedgerTransaction[]>;
      newId: () => string;
      now: () => Date;
    },
  ) {}

  /** The whole catalogue with the person's open attempt, completions and what they could join. */
  async catalogue(userId: string): Promise<ChallengeView[]> {
    const today = await this.deps.today(userId);
    const budget = await this.deps.budget(userId, monthOf(today));
    const [open, completed] = await Promise.all([
      this.openViews(userId, today, budget),
      this.deps.repository.completedCounts(userId),
    ]);
    return CHALLENGE_CATALOGUE.map((definition) => ({
      definition,
      ...availabilityOf(definition, budget),
      current: open.find((view) => view.definition.id === definition.id) ?? null,
      completedCount: completed.get(definition.id) ?? 0,
    }));
  }

  /** The person's attempts, open and finished (not those left), newest first. */
  async mine(userId: string): Promise<ParticipationView[]> {
    const today = await this.deps.today(userId);
    const budget = await this.deps.budget(userId, monthOf(today));
    const rows = await this.deps.repository.listNotLeft(userId, MAX_LISTED_PARTICIPATIONS);
    return this.views(userId, rows, today, budget);
  }

  /** Joins a challenge; while an attempt is open, joining again changes nothing. */
  async join(userId: string, challengeId: string): Promise<ChallengeView> {
    const definition = definitionOf(challengeId);
    const today = await this.deps.today(userId);
    const budget = await this.deps.budget(userId, monthOf(today));
    const open = await this.openViews(userId, today, budget);
    if (!open.some((view) => view.definition.id === definition.id)) {
      const availability = availabilityOf(definition, budget);
      if (availability.unavailableReason !== null)
        throw new ChallengeError('CHALLENGE_UNAVAILABLE', {
          message:
            availability.unavailableReason === 'NO_BUDGET'
              ? 'This challenge caps spending against your plan: finish setting up your budget first.'
              : 'Your plan for this month has nothing in these categories, so there is nothing to cap.',
        });
      const startsOn = challengeStartsOn(definition, today);
      // A lost race leaves the other join's attempt open: the result is the same.
      await this.deps.repository.insertOpen({
        id: this.deps.newId(),
        userId,
        challengeId: definition.id,
        startsOn,
        endsOn: challengeEndsOn(definition, startsOn),
        capMinor: availability.capMinor,
        currency: budget?.currency ?? null,
        joinedAt: this.deps.now(),
        leftAt: null,
        completedAt: null,
        failedAt: null,
      });
    }
    return this.entry(userId, definition);
  }

  /** Leaves the open attempt of a challenge; leaving when none is open changes nothing. */
  async leave(userId: string, challengeId: string): Promise<ChallengeView> {
    const definition = definitionOf(challengeId);
    const today = await this.deps.today(userId);
    const budget = await this.deps.budget(userId, monthOf(today));
    const open = await this.openViews(userId, today, budget);
    const current = open.find((view) => view.definition.id === definition.id);
    // An attempt that a read just found completed or failed stays so: it is not left.
    if (current && current.progress.status === 'ACTIVE')
      await this.deps.repository.end(current.row.id, 'leftAt', this.deps.now());
    return this.entry(userId, definition);
  }

  private async entry(userId: string, definition: ChallengeDefinition): Promise<ChallengeView> {
    const entry = (await this.catalogue(userId)).find((v) => v.definition.id === definition.id);
    if (!entry) throw new ChallengeError('CHALLENGE_NOT_FOUND');
    return entry;
  }

  /** Open attempts with progress; those a read finds finished are recorded and kept out. */
  private async openViews(
    userId: string,
    today: LocalDate,
    budget: ChallengeBudget | null,
  ): Promise<ParticipationView[]> {
    const rows = await this.deps.repository.listOpen(userId);
    const views = await this.views(userId, rows, today, budget);
    return views.filter((view) => view.progress.status === 'ACTIVE');
  }

  /** Progress of attempts from one ledger read; outcomes seen for the first time are recorded. */
  private async views(
    userId: string,
    rows: readonly ChallengeParticipationRow[],
    today: LocalDate,
    budget: ChallengeBudget | null,
  ): Promise<ParticipationView[]> {
    const known = rows.flatMap((row) => {
      const definition = findChallenge(row.challengeId);
      return definition ? [{ row, definition }] : [];
    });
    const started = known.filter(({ row }) => row.startsOn <= today);
    const from = started.reduce<LocalDate | null>(
      (min, { row }) => (min === null || row.startsOn < min ? row.startsOn : min),
      null,
    );
    const ledger = from === null ? [] : await this.deps.ledgerBetween(userId, from, today);
    const views: ParticipationView[] = [];
    for (const { row, definition } of known) {
      const currency = row.currency ?? budget?.currency ?? 'USD';
      const computed = computeChallengeProgress({
        definition,
        startsOn: row.startsOn,
        currency,
        capMinor: row.capMinor,
        ledger,
        today,
      });
      views.push({ ...(await this.recordOutcome(row, computed)), definition, currency, today });
    }
    return views;
  }

  /**
   * An outcome is written the first time a read sees it and never again; a recorded outcome is
   * what the person sees afterwards (the figures still come from the ledger).
   */
  private async recordOutcome(
    row: ChallengeParticipationRow,
    progress: ChallengeProgress,
  ): Promise<{ row: ChallengeParticipationRow; progress: ChallengeProgress }> {
    if (row.completedAt) return { row, progress: { ...progress, status: 'COMPLETED' } };
    if (row.failedAt) return { row, progress: { ...progress, status: 'FAILED' } };
    if (row.leftAt || progress.status === 'ACTIVE') return { row, progress };
    const outcome: ParticipationOutcome =
      progress.status === 'COMPLETED' ? 'completedAt' : 'failedAt';
    const at = this.deps.now();
    await this.deps.repository.end(row.id, outcome, at);
    return { row: { ...row, [outcome]: at }, progress };
  }
}

function definitionOf(challengeId: string): ChallengeDefinition {
  const definition = findChallenge(challengeId);
  if (!definition) throw new ChallengeError('CHALLENGE_NOT_FOUND');
  return definition;
}

function availabilityOf(
  definition: ChallengeDefinition,
  budget: ChallengeBudget | null,
): Availability {
  const currency = budget?.currency ?? null;
  if (definition.kind !== 'CAP_IN_CATEGORIES')
    return { capMinor: null, currency, unavailableReason: null };
  if (!budget) return { capMinor: null, currency, unavailableReason: 'NO_BUDGET' };
  const capMinor = budget.plan ? challengeCapMinor(definition, budget.plan) : null;
  return capMinor === null
    ? { capMinor: null, currency, unavailableReason: 'NOT_IN_PLAN' }
    : { capMinor, currency, unavailableReason: null };
}
