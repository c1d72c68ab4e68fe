import { Field, ID, ObjectType } from 'type-graphql';
import { JobQueueName } from './admin-status.type';
import { AdminUser } from './admin-user.type';

@ObjectType({ description: 'The account after `lockUserAccount`.' })
export class LockUserAccountPayload {
  @Field(() => AdminUser, { description: 'The account, locked until the time given.' })
  user!: AdminUser;
}

@ObjectType({ description: 'The account after `unlockUserAccount`.' })
export class UnlockUserAccountPayload {
  @Field(() => AdminUser, { description: 'The account, free to sign in again.' })
  user!: AdminUser;
}

@ObjectType({ description: 'The account after `signOutUser`.' })
export class SignOutUserPayload {
  @Field(() => AdminUser, { description: 'The account, with every session ended.' })
  user!: AdminUser;
}

@ObjectType({ description: 'The outcome of `deleteUserAccount`.' })
export class DeleteUserAccountPayload {
  @Field(() => ID, { description: 'The id of the account deleted with everything it owned.' })
  deletedUserId!: string;
}

@ObjectType({ description: 'The outcome of `requeueFailedJob`.' })
export class RequeueFailedJobPayload {
  @Field(() => JobQueueName, { description: 'The job’s queue.' })
  queue!: JobQueueName;
  @Field(() => String, { description: 'The job now waiting again, with fresh attempts.' })
  jobId!: string;
}
