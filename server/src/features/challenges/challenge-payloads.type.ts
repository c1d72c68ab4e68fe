import { Field, ObjectType } from 'type-graphql';
import { Challenge } from './challenge.type';

@ObjectType({ description: 'The challenge after `startChallenge`.' })
export class StartChallengePayload {
  @Field(() => Challenge, { description: 'The challenge with the viewer’s running attempt.' })
  challenge!: Challenge;
}

@ObjectType({ description: 'The challenge after `giveUpChallenge`.' })
export class GiveUpChallengePayload {
  @Field(() => Challenge, {
    description: 'The challenge, with no running attempt of the viewer any more.',
  })
  challenge!: Challenge;
}
