import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { RequireScopes } from '../../graphql/scopes';
import type { AuditEventRow } from './audit-event.table';
import { encodeCursor, type AuditPage } from './audit.service';

@ObjectType({ description: 'A security event (domain.md §9). Holds no passwords or tokens.' })
export class AuditEvent {
  @Field(() => ID)
  id!: string;

  @Field(() => Date)
  occurredAt!: Date;

  @Field(() => String, { description: 'e.g. login.failed, refresh.reuse_detected, scope.denied' })
  event!: string;

  @Field(() => ID, { nullable: true, description: 'Null for unknown users and deleted accounts.' })
  userId!: string | null;

  @RequireScopes('admin:*')
  @Field(() => String, { nullable: true })
  ip!: string | null;

  @Field(() => GraphQLJSONObject)
  details!: Record<string, unknown>;
}

@ObjectType()
export class AuditEventEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => AuditEvent)
  node!: AuditEvent;
}

@ObjectType()
export class AuditPageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

@ObjectType()
export class AuditEventConnection {
  @Field(() => [AuditEventEdge])
  edges!: AuditEventEdge[];

  @Field(() => AuditPageInfo)
  pageInfo!: AuditPageInfo;
}

@InputType()
export class AuditLogFilter {
  @Field(() => String, { nullable: true })
  event?: string;

  @Field(() => ID, { nullable: true })
  userId?: string;

  @Field(() => Date, { nullable: true })
  since?: Date;

  @Field(() => Date, { nullable: true })
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
