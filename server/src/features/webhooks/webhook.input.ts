import { Field, InputType } from 'type-graphql';
import { WebhookEventTypeGql } from './webhook.type';

@InputType({ description: 'A new webhook endpoint.' })
export class CreateWebhookEndpointInput {
  @Field(() => String, {
    description:
      'Where deliveries are POSTed: an absolute https URL of at most 1000 characters, whose host is a public address (private, loopback and link-local targets are refused).',
  })
  url!: string;

  @Field(() => [WebhookEventTypeGql], { description: 'The event types to receive, at least one.' })
  eventTypes!: WebhookEventTypeGql[];

  @Field(() => String, {
    nullable: true,
    description: 'A note for the integrator, up to 200 characters.',
  })
  description?: string | null;
}

@InputType({ description: 'Changes to an endpoint; a field left out keeps its value.' })
export class UpdateWebhookEndpointInput {
  @Field(() => String, { nullable: true, description: 'A new https URL (checked as on creation).' })
  url?: string | null;

  @Field(() => [WebhookEventTypeGql], {
    nullable: true,
    description: 'The new set of event types, at least one.',
  })
  eventTypes?: WebhookEventTypeGql[] | null;

  @Field(() => String, {
    nullable: true,
    description: 'A new note (an empty string removes it), up to 200 characters.',
  })
  description?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'False stops deliveries; true switches the endpoint back on (also after it was disabled for failing) and clears `failingSince`.',
  })
  enabled?: boolean | null;
}
