import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { ConnectionArgs, mapConnection, type Connection } from '../../graphql/relay';
import { RequireScopes } from '../../graphql/scopes';
import { viewerIdOf } from '../../graphql/viewer';
import { CreateWebhookEndpointInput, UpdateWebhookEndpointInput } from './webhook.input';
import type { WebhookService } from './webhook.service';
import type { WebhookEventType } from './webhook.table';
import {
  CreateWebhookEndpointPayload,
  DeleteWebhookEndpointPayload,
  RotateWebhookSecretPayload,
  UpdateWebhookEndpointPayload,
  type WebhookDelivery,
  WebhookDeliveryConnection,
  WebhookDeliveryPayload,
  WebhookEndpoint,
  toWebhookDelivery,
  toWebhookEndpoint,
  type WebhookEventTypeGql,
} from './webhook.type';

const eventTypesOf = (types: readonly WebhookEventTypeGql[]) =>
  types as unknown as readonly WebhookEventType[];

/** Webhook endpoints and their deliveries: everything needs manage:webhooks. */
@Resolver()
export class WebhookResolver {
  constructor(private readonly service: WebhookService) {}

  @RequireScopes('manage:webhooks')
  @Query(() => [WebhookEndpoint], {
    description: 'The viewer’s webhook endpoints (at most 10), oldest first.',
  })
  async webhookEndpoints(@Ctx() ctx: GraphQLContext): Promise<WebhookEndpoint[]> {
    return (await this.service.listEndpoints(viewerIdOf(ctx))).map(toWebhookEndpoint);
  }

  @RequireScopes('manage:webhooks')
  @Query(() => WebhookDeliveryConnection, {
    description:
      'An endpoint’s deliveries with their attempts, newest first (by creation, then id), forward with `first`/`after` or backward with `last`/`before`. Finished deliveries are kept for WEBHOOKS_DELIVERY_RETENTION_DAYS (30 by default).',
  })
  async webhookDeliveries(
    @Arg('endpointId', () => ID, { description: 'The endpoint.' }) endpointId: string,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Connection<WebhookDelivery>> {
    return mapConnection(
      await this.service.listDeliveries(viewerIdOf(ctx), endpointId, page),
      toWebhookDelivery,
    );
  }

  @RequireScopes('manage:webhooks')
  @Mutation(() => CreateWebhookEndpointPayload, {
    description:
      'Registers an HTTPS endpoint for event types; the answer carries its signing secret, shown only this once.',
  })
  async createWebhookEndpoint(
    @Arg('input', () => CreateWebhookEndpointInput, { description: 'The endpoint.' })
    input: CreateWebhookEndpointInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CreateWebhookEndpointPayload> {
    const { endpoint, secret } = await this.service.create(viewerIdOf(ctx), {
      url: input.url,
      eventTypes: eventTypesOf(input.eventTypes),
      description: input.description,
    });
    return Object.assign(new CreateWebhookEndpointPayload(), {
      endpoint: toWebhookEndpoint(endpoint),
      secret,
    });
  }

  @RequireScopes('manage:webhooks')
  @Mutation(() => UpdateWebhookEndpointPayload, {
    description: 'Changes an endpoint’s URL, event types, note, or switches it off and on.',
  })
  async updateWebhookEndpoint(
    @Arg('id', () => ID, { description: 'The endpoint.' }) id: string,
    @Arg('input', () => UpdateWebhookEndpointInput, { description: 'The changes.' })
    input: UpdateWebhookEndpointInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<UpdateWebhookEndpointPayload> {
    const endpoint = await this.service.update(viewerIdOf(ctx), id, {
      url: input.url,
      eventTypes: input.eventTypes == null ? null : eventTypesOf(input.eventTypes),
      description: input.description,
      enabled: input.enabled,
    });
    return Object.assign(new UpdateWebhookEndpointPayload(), {
      endpoint: toWebhookEndpoint(endpoint),
    });
  }

  @RequireScopes('manage:webhooks')
  @Mutation(() => DeleteWebhookEndpointPayload, {
    description: 'Deletes an endpoint and its deliveries; attempts still queued are dropped.',
  })
  async deleteWebhookEndpoint(
    @Arg('id', () => ID, { description: 'The endpoint.' }) id: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<DeleteWebhookEndpointPayload> {
    const endpoint = await this.service.delete(viewerIdOf(ctx), id);
    return Object.assign(new DeleteWebhookEndpointPayload(), { deletedEndpointId: endpoint.id });
  }

  @RequireScopes('manage:webhooks')
  @Mutation(() => RotateWebhookSecretPayload, {
    description:
      'Replaces the endpoint’s signing secret; the new one is shown only this once and signs every attempt from now on.',
  })
  async rotateWebhookSecret(
    @Arg('id', () => ID, { description: 'The endpoint.' }) id: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<RotateWebhookSecretPayload> {
    const { endpoint, secret } = await this.service.rotateSecret(viewerIdOf(ctx), id);
    return Object.assign(new RotateWebhookSecretPayload(), {
      endpoint: toWebhookEndpoint(endpoint),
      secret,
    });
  }

  @RequireScopes('manage:webhooks')
  @Mutation(() => WebhookDeliveryPayload, {
    description:
      'Sends a delivery again: the same body and event id, signed anew, as a new round of attempts.',
  })
  async replayWebhookDelivery(
    @Arg('id', () => ID, { description: 'The delivery.' }) id: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<WebhookDeliveryPayload> {
    const delivery = await this.service.replay(viewerIdOf(ctx), id);
    return Object.assign(new WebhookDeliveryPayload(), { delivery: toWebhookDelivery(delivery) });
  }

  @RequireScopes('manage:webhooks')
  @Mutation(() => WebhookDeliveryPayload, {
    description:
      'Queues a `webhook.test` event to the endpoint (even a disabled one), to check the receiver and its signature check.',
  })
  async sendTestWebhook(
    @Arg('endpointId', () => ID, { description: 'The endpoint.' }) endpointId: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<WebhookDeliveryPayload> {
    const delivery = await this.service.sendTest(viewerIdOf(ctx), endpointId);
    return Object.assign(new WebhookDeliveryPayload(), { delivery: toWebhookDelivery(delivery) });
  }
}
