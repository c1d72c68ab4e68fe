import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { RequireScopes } from '../../graphql/scopes';
import { viewerIdOf } from '../../graphql/viewer';
import { toEntitlement } from '../premium';
import type { StoreReceiptService } from './store-receipt.service';
import {
  StorePlatform,
  VerifyStoreReceiptInput,
  VerifyStoreReceiptPayload,
} from './store-receipt.type';

/** Premium bought in the mobile app through the App Store or Google Play. */
@Resolver()
export class StoreReceiptResolver {
  constructor(private readonly storeReceipts: StoreReceiptService) {}

  @RequireScopes('read:profile')
  @Query(() => [StorePlatform], {
    description:
      'The stores whose premium purchases this server can verify (empty: none configured).',
  })
  premiumStorePlatforms(): StorePlatform[] {
    return this.storeReceipts.platforms as StorePlatform[];
  }

  @RequireScopes('write:profile')
  @Mutation(() => VerifyStoreReceiptPayload, {
    description:
      'Turns a store purchase of the viewer into premium until the paid period’s end, after asking the store about it. One purchase serves one account; sending it again changes nothing.',
  })
  async verifyStoreReceipt(
    @Arg('input', () => VerifyStoreReceiptInput, {
      description: 'The store, purchase and product.',
    })
    input: VerifyStoreReceiptInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<VerifyStoreReceiptPayload> {
    const outcome = await this.storeReceipts.verify(viewerIdOf(ctx), input, ctx.clientIp);
    return Object.assign(new VerifyStoreReceiptPayload(), {
      entitlement: toEntitlement(outcome.entitlement),
      isNewlyApplied: outcome.isNewlyApplied,
    });
  }
}
