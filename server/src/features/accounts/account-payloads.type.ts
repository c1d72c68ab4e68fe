import { Field, ObjectType } from 'type-graphql';
import { DataExport, User } from './account.type';

@ObjectType({ description: 'The profile after `updateMyProfile`.' })
export class UpdateMyProfilePayload {
  @Field(() => User, { description: 'The signed-in person with the changes applied.' })
  user!: User;
}

@ObjectType({ description: 'The outcome of `sendPasswordResetLink`.' })
export class SendPasswordResetLinkPayload {
  @Field(() => Boolean, {
    description:
      'Always true: a link is mailed only when the account exists, and the answer never says whether it does.',
  })
  accepted!: boolean;
}

@ObjectType({ description: 'The file `downloadMyData` made.' })
export class DownloadMyDataPayload {
  @Field(() => DataExport, {
    description: 'Everything Pace holds about the person, machine-readable.',
  })
  dataExport!: DataExport;
}
