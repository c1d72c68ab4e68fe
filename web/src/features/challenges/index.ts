export { ChallengesSection } from './challenges-section';
