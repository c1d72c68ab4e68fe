import { Arg, Ctx, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { RequireScopes } from '../../graphql/scopes';
import { subscriberIdOf, viewerIdOf } from '../../graphql/viewer';
import type { ReceiptUpdatedEvent } from './receipt.events';
import { ConfirmReceiptInput } from './receipt.input';
import type { ReceiptService } from './receipt.service';
import {
  ConfirmReceiptPayload,
  Receipt,
  ReceiptConnection,
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
    description: 'The viewer’s receipts, newest first; discarded ones are left out.',
  })
  async receipts(
    @Arg('first', () => Int, {
      nullable: true,
      description: 'How many, at most 100 (larger is read as 100); 20 when absent.',
    })
    first: number | null | undefined,
    @Arg('after', () => String, {
      nullable: true,
      description: 'An `endCursor` (or edge cursor) of an earlier page: start after it.',
    })
    after: string | null | undefined,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ReceiptConnection> {
    return toReceiptConnection(await this.service.list(viewerIdOf(ctx), { first, after }));
  }

  @RequireScopes('process:receipts')
  @Mutation(() => Receipt, {
    description:
      'Reads a PROCESSED or FAILED receipt again (a new job); one still queued or processing is returned as it is.',
  })
  async reprocessReceipt(
    @Arg('id', () => ID, { description: 'The receipt.' }) id: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Receipt> {
    return toReceipt(await this.service.reprocess(viewerIdOf(ctx), id));
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
    return toConfirmReceiptPayload(await this.service.confirm(viewerIdOf(ctx), input));
  }

  @RequireScopes('process:receipts')
  @Mutation(() => Receipt, {
    description:
      'Drops a receipt and deletes its image; a transaction already booked from it stays. Discarding twice changes nothing.',
  })
  async discardReceipt(
    @Arg('id', () => ID, { description: 'The receipt.' }) id: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Receipt> {
    return toReceipt(await this.service.discard(viewerIdOf(ctx), id));
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
