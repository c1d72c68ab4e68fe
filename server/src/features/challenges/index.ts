export { challengeParticipations } from './challenge.table';
export type { ChallengeParticipationRow } from './challenge.table';
export { ChallengeRepository } from './challenge.repository';
export { ChallengeService, type ChallengeBudget } from './challenge.service';
export { ChallengeResolver } from './challenge.resolver';
export { ChallengeError } from './challenge.errors';
export { challengeParticipationNode } from './challenge.node-source';
