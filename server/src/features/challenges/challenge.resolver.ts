import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import {
  ConnectionArgs,
  connectionFromList,
  instantKey,
  type Connection,
} from '../../graphql/relay';
import { RequireScopes } from '../../graphql/scopes';
import { viewerIdOf } from '../../graphql/viewer';
import type { ChallengeService } from './challenge.service';
import { GiveUpChallengePayload, StartChallengePayload } from './challenge-payloads.type';
import {
  Challenge,
  ChallengeParticipation,
  ChallengeParticipationConnection,
  toChallenge,
  toChallengeParticipation,
} from './challenge.type';

/** Challenges: read with read:goals, joined and left with write:goals. */
@Resolver()
export class ChallengeResolver {
  constructor(private readonly service: ChallengeService) {}

  @RequireScopes('read:goals')
  @Query(() => [Challenge], {
    description:
      'The challenge catalogue with the viewer’s running attempt, completions and what they can join now.',
  })
  async challenges(@Ctx() ctx: GraphQLContext): Promise<Challenge[]> {
    return (await this.service.catalogue(viewerIdOf(ctx))).map(toChallenge);
  }

  @RequireScopes('read:goals')
  @Query(() => ChallengeParticipationConnection, {
    description:
      'The viewer’s attempts, running and finished (not those left), newest first (at most 50), a page at a time.',
  })
  async myChallengesConnection(
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Connection<ChallengeParticipation>> {
    return connectionFromList(await this.myChallenges(ctx), page, {
      key: (attempt) => [instantKey(attempt.joinedAt), attempt.id],
      keyLength: 2,
      descending: true,
    });
  }

  @RequireScopes('read:goals')
  @Query(() => [ChallengeParticipation], {
    deprecationReason: 'Use myChallengesConnection. Removal after 2027-06-30.',
    description:
      'The viewer’s attempts, running and finished (not those left), newest first (at most 50), with progress computed from the ledger.',
  })
  async myChallenges(@Ctx() ctx: GraphQLContext): Promise<ChallengeParticipation[]> {
    return (await this.service.mine(viewerIdOf(ctx))).map(toChallengeParticipation);
  }

  @RequireScopes('write:goals')
  @Mutation(() => Challenge, {
    description:
      'Joins a challenge from today (or its coming weekend). Idempotent: while an attempt runs, joining again changes nothing; after one ends, it starts a new attempt.',
    deprecationReason: 'Use startChallenge. Removal after 2027-06-30.',
  })
  async joinChallenge(
    @Arg('challengeId', () => ID, { description: 'The catalogue id.' }) challengeId: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Challenge> {
    return toChallenge(await this.service.join(viewerIdOf(ctx), challengeId));
  }

  @RequireScopes('write:goals')
  @Mutation(() => Challenge, {
    description:
      'Leaves the running attempt of a challenge (it disappears from myChallenges). Leaving when none runs changes nothing.',
    deprecationReason: 'Use giveUpChallenge. Removal after 2027-06-30.',
  })
  async leaveChallenge(
    @Arg('challengeId', () => ID, { description: 'The catalogue id.' }) challengeId: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Challenge> {
    return toChallenge(await this.service.leave(viewerIdOf(ctx), challengeId));
  }

  @RequireScopes('write:goals')
  @Mutation(() => StartChallengePayload, {
    description:
      'Joins a challenge from today (or its coming weekend). Idempotent: while an attempt runs, starting again changes nothing; after one ends, it starts a new attempt.',
  })
  async startChallenge(
    @Arg('challengeId', () => ID, { description: 'The catalogue id.' }) challengeId: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<StartChallengePayload> {
    const challenge = await this.joinChallenge(challengeId, ctx);
    return Object.assign(new StartChallengePayload(), { challenge });
  }

  @RequireScopes('write:goals')
  @Mutation(() => GiveUpChallengePayload, {
    description:
      'Leaves the running attempt of a challenge (it disappears from myChallengesConnection). Giving up when none runs changes nothing.',
  })
  async giveUpChallenge(
    @Arg('challengeId', () => ID, { description: 'The catalogue id.' }) challengeId: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<GiveUpChallengePayload> {
    const challenge = await this.leaveChallenge(challengeId, ctx);
    return Object.assign(new GiveUpChallengePayload(), { challenge });
  }
}
