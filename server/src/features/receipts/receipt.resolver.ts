import { Arg, Args, Ctx, ID, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { ConnectionArgs } from '../../graphql/relay';
import { RequireScopes } from '../../graphql/scopes';
import { subscriberIdOf, viewerIdOf } from '../../graphql/viewer';
import { budgetActorOf } from '../households';
import type { ReceiptUpdatedEvent } from './receipt.events';
import { ConfirmReceiptInput } from './receipt.input';
import type { ReceiptService } from './receipt.service';
import {
  ConfirmReceiptPayload,
  DiscardReceiptPayload,
  Receipt,
  ReceiptConnection,
  ReprocessReceiptPayload,
  toConfirmReceiptPayload,
  toReceipt,
  toReceiptConnection,
} from './receipt.type';

@Resolver()
export class ReceiptResolver {
  constructor(private readonly service: ReceiptService) {}

  @RequireScopes('process:receipts')
  @Query(() => Receipt, {
    nullable: true,
    description: 'One of the viewer’s receipts (uploaded with `POST /api/receipts`).',
  })
  async receipt(
    @Arg('id', () => ID, { description: 'The receipt’s id.' }) id: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Receipt> {
    return toReceipt(await this.service.get(viewerIdOf(ctx), id));
  }

  @RequireScopes('process:receipts')
  @Query(() => ReceiptConnection, {
    description:
      'The viewer’s receipts, newest first (by upload instant, then id); discarded ones are left out. Pages forward with `first`/`after` or backward with `last`/`before`; a page read after new uploads neither skips nor repeats one.',
  })
  async receipts(
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ReceiptConnection> {
    return toReceiptConnection(await this.service.connection(viewerIdOf(ctx), page));
  }

  @RequireScopes('process:receipts')
  @Mutation(() => ReprocessReceiptPayload, {
    description:
      'Reads a PROCESSED or FAILED receipt again (a new job); one still queued or processing is returned as it is. CONFLICT for a confirmed or discarded receipt.',
  })
  async reprocessReceipt(
    @Arg('id', () => ID, { description: 'The receipt.' }) id: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ReprocessReceiptPayload> {
    const receipt = toReceipt(await this.service.reprocess(viewerIdOf(ctx), id));
    return Object.assign(new ReprocessReceiptPayload(), { receipt });
  }

  @RequireScopes('process:receipts')
  @Mutation(() => ConfirmReceiptPayload, {
    description:
      'Books the reviewed receipt as one expense and recomputes its month (budgetUpdated); confirming again returns the same transaction and changes nothing.',
  })
  async confirmReceipt(
    @Arg('input', () => ConfirmReceiptInput, { description: 'The reviewed values.' })
    input: ConfirmReceiptInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ConfirmReceiptPayload> {
    // The receipt stays the uploader's; the expense is booked into the budget they act on.
    const budget = await budgetActorOf(ctx, 'write');
    return toConfirmReceiptPayload(await this.service.confirm(viewerIdOf(ctx), input, budget));
  }

  @RequireScopes('process:receipts')
  @Mutation(() => DiscardReceiptPayload, {
    description:
      'Drops a receipt and deletes its image; a transaction already booked from it stays. Discarding twice changes nothing.',
  })
  async discardReceipt(
    @Arg('id', () => ID, { description: 'The receipt.' }) id: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<DiscardReceiptPayload> {
    const receipt = toReceipt(await this.service.discard(viewerIdOf(ctx), id));
    return Object.assign(new DiscardReceiptPayload(), { receipt });
  }

  @RequireScopes('process:receipts')
  @Subscription(() => Receipt, {
    description:
      'Each of the viewer’s receipts whose processing ended (PROCESSED or FAILED), from whichever node or worker.',
    subscribe: ({ context }) => {
      const ctx = context as GraphQLContext;
      return ctx.services.receipts.receipts.subscribeProcessed(
        subscriberIdOf(ctx, ['process:receipts']),
      );
    },
  })
  receiptProcessed(@Root() event: ReceiptUpdatedEvent): Receipt {
    return toReceipt(event);
  }
}
