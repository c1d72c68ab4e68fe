import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { RequireScopes } from '../../graphql/scopes';
import type { AuditEventRow } from './audit-event.table';
import { encodeCursor, type AuditPage } from './audit.service';
import { connectionTypes } from '../../graphql/relay';

@ObjectType({ description: 'A security event (domain.md §9). Holds no passwords or tokens.' })
export class AuditEvent {
  @Field(() => ID, { description: 'The event’s id.' })
  id!: string;

  @Field(() => Date, { description: 'When it happened (an instant, UTC).' })
  occurredAt!: Date;

  @Field(() => String, { description: 'e.g. login.failed, refresh.reuse_detected, scope.denied' })
  event!: string;

  @Field(() => ID, { nullable: true, description: 'Null for unknown users and deleted accounts.' })
  userId!: string | null;

  @RequireScopes('admin:*')
  @Field(() => String, {
    nullable: true,
    description: 'The client’s IP address; null when unknown and for deleted accounts.',
  })
  ip!: string | null;

  @Field(() => GraphQLJSONObject, {
    description:
      'Identifiers and outcomes of the event (never passwords, tokens or e-mail addresses); empty for deleted accounts.',
  })
  details!: Record<string, unknown>;
}

@ObjectType({ description: 'One security event in a page of the audit log.' })
export class AuditEventEdge {
  @Field(() => String, {
    description: 'Opaque; pass it as `after` to read the events that follow this one.',
  })
  cursor!: string;

  @Field(() => AuditEvent, { description: 'The event.' })
  node!: AuditEvent;
}

@ObjectType({ description: 'Where a page of the audit log stands.' })
export class AuditPageInfo {
  @Field(() => Boolean, { description: 'Whether older events follow this page.' })
  hasNextPage!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'The cursor of the page’s last event, for `after`; null when the page is empty.',
  })
  endCursor!: string | null;
}

@ObjectType({ description: 'A page of security events, newest first.' })
export class AuditEventConnection {
  @Field(() => [AuditEventEdge], { description: 'The events of this page, newest first.' })
  edges!: AuditEventEdge[];

  @Field(() => AuditPageInfo, { description: 'Whether more events follow, and from where.' })
  pageInfo!: AuditPageInfo;
}

@InputType({ description: 'Narrows the audit log; every field given must match.' })
export class AuditLogFilter {
  @Field(() => String, {
    nullable: true,
    description: 'Only this event name, exactly (e.g. login.failed).',
  })
  event?: string;

  @Field(() => ID, { nullable: true, description: 'Only the events of this user.' })
  userId?: string;

  @Field(() => Date, { nullable: true, description: 'Only events at or after this instant.' })
  since?: Date;

  @Field(() => Date, { nullable: true, description: 'Only events before this instant.' })
  until?: Date;
}

export function toAuditEvent(row: AuditEventRow): AuditEvent {
  return Object.assign(new AuditEvent(), row);
}

export function toAuditConnection(page: AuditPage): AuditEventConnection {
  const edges = page.rows.map((row) =>
    Object.assign(new AuditEventEdge(), { cursor: encodeCursor(row), node: toAuditEvent(row) }),
  );
  const last = edges[edges.length - 1];
  return Object.assign(new AuditEventConnection(), {
    edges,
    pageInfo: Object.assign(new AuditPageInfo(), {
      hasNextPage: page.hasNextPage,
      endCursor: last?.cursor ?? null,
    }),
  });
}

/**
 * The audit log a page at a time, forward or backward. Named `AuditEventList…` because
 * `AuditEventConnection` is the deprecated `auditLog` field's type until it is removed.
 */
export const AuditEventListConnection = connectionTypes(AuditEvent, 'AuditEventList', 'events');
