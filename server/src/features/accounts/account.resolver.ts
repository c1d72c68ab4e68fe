import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { Public, RequireScopes, viewerOf } from '../../graphql/scopes';
import type { AccountDataService } from './account-data.service';
import type { AccountService } from './account.service';
import {
  currencyOf,
  DataExport,
  toDataExport,
  toUser,
  UpdateProfileInput,
  User,
} from './account.type';
import type { PasswordService } from './password.service';
import {
  DownloadMyDataPayload,
  SendPasswordResetLinkPayload,
  UpdateMyProfilePayload,
} from './account-payloads.type';

@Resolver(() => User)
export class AccountResolver {
  constructor(
    private readonly accounts: AccountService,
    private readonly passwords: PasswordService,
    private readonly data: AccountDataService,
  ) {}

  @RequireScopes('read:profile')
  @Query(() => User, { description: 'The signed-in person.' })
  async me(@Ctx() ctx: GraphQLContext): Promise<User> {
    return toUser(await this.accounts.getUser(viewerOf(ctx).userId));
  }

  @RequireScopes('write:profile')
  @Mutation(() => User, {
    description: 'Changes the fields given of the person’s profile and returns the profile.',
    deprecationReason: 'Use updateMyProfile. Removal after 2027-06-30.',
  })
  async updateProfile(
    @Arg('input', () => UpdateProfileInput, { description: 'The fields to change.' })
    input: UpdateProfileInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<User> {
    return toUser(
      await this.accounts.updateProfile(
        viewerOf(ctx).userId,
        { ...input, currency: currencyOf(input) },
        ctx.clientIp,
      ),
    );
  }

  @Public()
  @Mutation(() => Boolean, {
    description:
      'E-mails a single-use link valid for 30 minutes, if the account exists. Always true.',
    deprecationReason: 'Use sendPasswordResetLink. Removal after 2027-06-30.',
  })
  async requestPasswordReset(
    @Arg('email', () => String, { description: 'The account’s sign-in e-mail address.' })
    email: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<boolean> {
    await this.passwords.requestReset(email, ctx.clientIp);
    return true;
  }

  @RequireScopes('export:data')
  @Mutation(() => DataExport, {
    description: 'Everything Pace holds about the person, machine-readable.',
    deprecationReason: 'Use downloadMyData. Removal after 2027-06-30.',
  })
  async exportMyData(@Ctx() ctx: GraphQLContext): Promise<DataExport> {
    return toDataExport(await this.data.export(viewerOf(ctx).userId, ctx.clientIp));
  }

  @RequireScopes('write:profile')
  @Mutation(() => UpdateMyProfilePayload, {
    description: 'Changes the fields given of the person’s profile.',
  })
  async updateMyProfile(
    @Arg('input', () => UpdateProfileInput, { description: 'The fields to change.' })
    input: UpdateProfileInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<UpdateMyProfilePayload> {
    return Object.assign(new UpdateMyProfilePayload(), {
      user: await this.updateProfile(input, ctx),
    });
  }

  @Public()
  @Mutation(() => SendPasswordResetLinkPayload, {
    description:
      'E-mails a single-use link valid for 30 minutes, if the account exists; the answer is the same either way.',
  })
  async sendPasswordResetLink(
    @Arg('email', () => String, { description: 'The account’s sign-in e-mail address.' })
    email: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SendPasswordResetLinkPayload> {
    return Object.assign(new SendPasswordResetLinkPayload(), {
      accepted: await this.requestPasswordReset(email, ctx),
    });
  }

  @RequireScopes('export:data')
  @Mutation(() => DownloadMyDataPayload, {
    description: 'Everything Pace holds about the person, machine-readable.',
  })
  async downloadMyData(@Ctx() ctx: GraphQLContext): Promise<DownloadMyDataPayload> {
    return Object.assign(new DownloadMyDataPayload(), {
      dataExport: await this.exportMyData(ctx),
    });
  }
}
