import { Arg, Args, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { ConnectionArgs, mapConnection, type Connection } from '../../graphql/relay';
import { RequireScopes } from '../../graphql/scopes';
import { viewerIdOf } from '../../graphql/viewer';
import type { AdminStatusService } from './admin-status.service';
import {
  DeleteUserAccountPayload,
  LockUserAccountPayload,
  RequeueFailedJobPayload,
  SignOutUserPayload,
  UnlockUserAccountPayload,
} from './admin-payloads.type';
import {
  AdminDatabase,
  AdminExternalService,
  AdminQueue,
  JobQueueName,
  StartEncryptionKeyRotationPayload,
  toAdminDatabase,
  toAdminExternalService,
  toAdminQueue,
} from './admin-status.type';
import type { AdminActor, AdminUserService } from './admin-user.service';
import {
  AdminUser,
  AdminUserConnection,
  AdminUserListConnection,
  toAdminUser,
  toAdminUserConnection,
} from './admin-user.type';

const actorOf = (ctx: GraphQLContext): AdminActor => ({
  adminId: viewerIdOf(ctx),
  ip: ctx.clientIp,
});

const userIdArg = { description: 'The person’s account id.' };

/** The admin console: people, job queues, outside services and the database. Every call is audited. */
@Resolver()
export class AdminResolver {
  constructor(
    private readonly users: AdminUserService,
    private readonly status: AdminStatusService,
  ) {}

  @RequireScopes('admin:*')
  @Query(() => AdminUserListConnection, {
    description:
      'Accounts in e-mail order, found by e-mail prefix or account id, forward with `first`/`after` or backward with `last`/`before` (audited as admin.viewed).',
  })
  async adminUsersConnection(
    @Arg('search', () => String, {
      nullable: true,
      description:
        'The start of an e-mail address, or a whole account id; all accounts when absent.',
    })
    search: string | null,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Connection<AdminUser>> {
    const read = await this.users.connection(actorOf(ctx), { search: search ?? null, page });
    return mapConnection(read.page, (user) => toAdminUser({ user, at: read.at }));
  }

  @RequireScopes('admin:*')
  @Query(() => AdminUserConnection, {
    description:
      'Accounts in e-mail order, found by e-mail prefix or account id (audited as admin.viewed).',
    deprecationReason: 'Use adminUsersConnection. Removal after 2027-06-30.',
  })
  async adminUsers(
    @Arg('search', () => String, {
      nullable: true,
      description:
        'The start of an e-mail address, or a whole account id; all accounts when absent.',
    })
    search: string | null,
    @Arg('first', () => Int, { defaultValue: 20, description: 'Page size, 1 to 100.' })
    first: number,
    @Arg('after', () => String, {
      nullable: true,
      description: 'An `endCursor` of an earlier page: the accounts after it.',
    })
    after: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<AdminUserConnection> {
    return toAdminUserConnection(
      await this.users.search(actorOf(ctx), {
        search: search ?? null,
        first,
        after: after ?? null,
      }),
    );
  }

  @RequireScopes('admin:*')
  @Mutation(() => AdminUser, {
    description:
      'Locks an account until `until`: no sign-in of any kind before then (ACCOUNT_LOCKED), and every session and personal access token ends now (audited as admin.user_locked).',
    deprecationReason: 'Use lockUserAccount. Removal after 2027-06-30.',
  })
  async lockUser(
    @Arg('userId', () => ID, userIdArg) userId: string,
    @Arg('until', () => Date, {
      description: 'When the lock ends: in the future, at most 10 years ahead.',
    })
    until: Date,
    @Ctx() ctx: GraphQLContext,
  ): Promise<AdminUser> {
    return toAdminUser(await this.users.lock(actorOf(ctx), userId, until));
  }

  @RequireScopes('admin:*')
  @Mutation(() => AdminUser, {
    description:
      'Lifts an admin’s lock and the waits after wrong passwords (audited as admin.user_unlocked).',
    deprecationReason: 'Use unlockUserAccount. Removal after 2027-06-30.',
  })
  async unlockUser(
    @Arg('userId', () => ID, userIdArg) userId: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<AdminUser> {
    return toAdminUser(await this.users.unlock(actorOf(ctx), userId));
  }

  @RequireScopes('admin:*')
  @Mutation(() => AdminUser, {
    description:
      'Signs a person out everywhere now: refresh tokens stop working and open live connections close; they may sign in again (audited as admin.sessions_revoked).',
    deprecationReason: 'Use signOutUser. Removal after 2027-06-30.',
  })
  async revokeUserSessions(
    @Arg('userId', () => ID, userIdArg) userId: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<AdminUser> {
    return toAdminUser(await this.users.revokeSessions(actorOf(ctx), userId));
  }

  @RequireScopes('admin:*')
  @Mutation(() => Boolean, {
    description:
      'Deletes an account and everything it owns, as deleteMyAccount does; the audit log keeps its events without personal data (audited as admin.user_deleted). Returns true.',
    deprecationReason: 'Use deleteUserAccount. Removal after 2027-06-30.',
  })
  async deleteUser(
    @Arg('userId', () => ID, userIdArg) userId: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<boolean> {
    await this.users.delete(actorOf(ctx), userId);
    return true;
  }

  @RequireScopes('admin:*')
  @Query(() => [AdminQueue], {
    description:
      'Every job queue’s waiting, active, delayed and failed jobs (audited as admin.viewed).',
  })
  async adminQueues(@Ctx() ctx: GraphQLContext): Promise<AdminQueue[]> {
    return (await this.status.queues(actorOf(ctx))).map(toAdminQueue);
  }

  @RequireScopes('admin:*')
  @Mutation(() => Boolean, {
    description:
      'Puts a failed job back into its queue with fresh attempts (audited as admin.job_retried). Returns true.',
    deprecationReason: 'Use requeueFailedJob. Removal after 2027-06-30.',
  })
  async retryFailedJob(
    @Arg('queue', () => JobQueueName, { description: 'The job’s queue.' }) queue: JobQueueName,
    @Arg('jobId', () => String, { description: 'The failed job’s id, from adminQueues.' })
    jobId: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<boolean> {
    await this.status.retryFailedJob(actorOf(ctx), queue, jobId);
    return true;
  }

  @RequireScopes('admin:*')
  @Mutation(() => LockUserAccountPayload, {
    description:
      'Locks an account until `until`: no sign-in of any kind before then (ACCOUNT_LOCKED), and every session and personal access token ends now (audited as admin.user_locked).',
  })
  async lockUserAccount(
    @Arg('userId', () => ID, userIdArg) userId: string,
    @Arg('until', () => Date, {
      description: 'When the lock ends: in the future, at most 10 years ahead.',
    })
    until: Date,
    @Ctx() ctx: GraphQLContext,
  ): Promise<LockUserAccountPayload> {
    return Object.assign(new LockUserAccountPayload(), {
      user: await this.lockUser(userId, until, ctx),
    });
  }

  @RequireScopes('admin:*')
  @Mutation(() => UnlockUserAccountPayload, {
    description:
      'Lifts an admin’s lock and the waits after wrong passwords (audited as admin.user_unlocked).',
  })
  async unlockUserAccount(
    @Arg('userId', () => ID, userIdArg) userId: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<UnlockUserAccountPayload> {
    return Object.assign(new UnlockUserAccountPayload(), {
      user: await this.unlockUser(userId, ctx),
    });
  }

  @RequireScopes('admin:*')
  @Mutation(() => SignOutUserPayload, {
    description:
      'Signs a person out everywhere now: refresh tokens stop working and open live connections close; they may sign in again (audited as admin.sessions_revoked).',
  })
  async signOutUser(
    @Arg('userId', () => ID, userIdArg) userId: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SignOutUserPayload> {
    return Object.assign(new SignOutUserPayload(), {
      user: await this.revokeUserSessions(userId, ctx),
    });
  }

  @RequireScopes('admin:*')
  @Mutation(() => DeleteUserAccountPayload, {
    description:
      'Deletes an account and everything it owns, as deleteMyAccountAndData does; the audit log keeps its events without personal data (audited as admin.user_deleted).',
  })
  async deleteUserAccount(
    @Arg('userId', () => ID, userIdArg) userId: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<DeleteUserAccountPayload> {
    await this.deleteUser(userId, ctx);
    return Object.assign(new DeleteUserAccountPayload(), { deletedUserId: userId });
  }

  @RequireScopes('admin:*')
  @Mutation(() => RequeueFailedJobPayload, {
    description:
      'Puts a failed job back into its queue with fresh attempts (audited as admin.job_retried).',
  })
  async requeueFailedJob(
    @Arg('queue', () => JobQueueName, { description: 'The job’s queue.' }) queue: JobQueueName,
    @Arg('jobId', () => String, { description: 'The failed job’s id, from adminQueues.' })
    jobId: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<RequeueFailedJobPayload> {
    await this.retryFailedJob(queue, jobId, ctx);
    return Object.assign(new RequeueFailedJobPayload(), { queue, jobId });
  }

  @RequireScopes('admin:*')
  @Mutation(() => StartEncryptionKeyRotationPayload, {
    description:
      'Queues the re-encryption of receipt images, notes, merchant text, push keys, webhook secrets and signing keys under the active key (ENCRYPTION_ACTIVE_KEY), as `npm run db:rotate-keys` does; resumable and idempotent (audited as admin.encryption_rotation_requested, then _started and _finished with counts).',
  })
  async startEncryptionKeyRotation(
    @Ctx() ctx: GraphQLContext,
  ): Promise<StartEncryptionKeyRotationPayload> {
    return this.status.startKeyRotation(actorOf(ctx));
  }

  @RequireScopes('admin:*')
  @Query(() => [AdminExternalService], {
    description:
      'OpenAI, SMTP, Google sign-in and Web Push: configured, reachable (checked now, 3 s at most each), last error (audited as admin.viewed).',
  })
  async adminExternalServices(@Ctx() ctx: GraphQLContext): Promise<AdminExternalService[]> {
    return (await this.status.externalServices(actorOf(ctx))).map(toAdminExternalService);
  }

  @RequireScopes('admin:*')
  @Query(() => AdminDatabase, {
    description:
      'Table sizes and row estimates, and the slowest statements when pg_stat_statements is available (audited as admin.viewed).',
  })
  async adminDatabase(@Ctx() ctx: GraphQLContext): Promise<AdminDatabase> {
    return toAdminDatabase(await this.status.database(actorOf(ctx)));
  }
}
