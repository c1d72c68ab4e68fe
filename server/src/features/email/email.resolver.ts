import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { Public, RequireScopes } from '../../graphql/scopes';
import { viewerIdOf } from '../../graphql/viewer';
import type { EmailPreferencesService } from './email-preferences.service';
import type { EmailVerificationService } from './email-verification.service';
import {
  EmailPreferences,
  ResendVerificationPayload,
  toEmailPreferences,
  UpdateEmailPreferencesInput,
  UpdateEmailPreferencesPayload,
  VerifyEmailPayload,
} from './email.type';

/** Verifying the sign-in address, and which mails the person receives. */
@Resolver()
export class EmailResolver {
  constructor(
    private readonly verification: EmailVerificationService,
    private readonly preferences: EmailPreferencesService,
  ) {}

  @Public()
  @Mutation(() => VerifyEmailPayload, {
    description:
      'Verifies the address a link was mailed to, with the token from that link (single use, valid 48 hours); works signed out. VERIFICATION_TOKEN_INVALID says why a token does not work.',
  })
  async verifyEmail(
    @Arg('token', () => String, { description: 'The `token` of the link in the mail.' })
    token: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<VerifyEmailPayload> {
    const user = await this.verification.verify(token, ctx.clientIp);
    return Object.assign(new VerifyEmailPayload(), {
      email: user.email,
      verifiedAt: user.emailVerifiedAt ?? new Date(),
    });
  }

  @RequireScopes('write:profile')
  @Mutation(() => ResendVerificationPayload, {
    description:
      'Mails a new verification link to the viewer’s address unless it is verified. At most one a minute and five a day (RATE_LIMITED with retryAfter in seconds).',
  })
  async resendVerification(@Ctx() ctx: GraphQLContext): Promise<ResendVerificationPayload> {
    return Object.assign(
      new ResendVerificationPayload(),
      await this.verification.resend(viewerIdOf(ctx), ctx.clientIp),
    );
  }

  @RequireScopes('read:profile')
  @Query(() => EmailPreferences, { description: 'Which optional mails the viewer receives.' })
  async emailPreferences(@Ctx() ctx: GraphQLContext): Promise<EmailPreferences> {
    return toEmailPreferences(await this.preferences.get(viewerIdOf(ctx)));
  }

  @RequireScopes('write:profile')
  @Mutation(() => UpdateEmailPreferencesPayload, {
    description:
      'Switches optional mails on or off; takes effect for mails not yet sent, including queued ones. Idempotent.',
  })
  async updateEmailPreferences(
    @Arg('input', () => UpdateEmailPreferencesInput, { description: 'The switches to change.' })
    input: UpdateEmailPreferencesInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<UpdateEmailPreferencesPayload> {
    const change = {
      ...(typeof input.notifications === 'boolean' ? { notifications: input.notifications } : {}),
      ...(typeof input.productNews === 'boolean' ? { productNews: input.productNews } : {}),
    };
    return Object.assign(new UpdateEmailPreferencesPayload(), {
      emailPreferences: toEmailPreferences(await this.preferences.update(viewerIdOf(ctx), change)),
    });
  }
}
