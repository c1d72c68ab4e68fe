import { Arg, Args, Int, Query, Resolver } from 'type-graphql';
import { ConnectionArgs, mapConnection, type Connection } from '../../graphql/relay';
import { RequireScopes } from '../../graphql/scopes';
import type { AuditService } from './audit.service';
import {
  type AuditEvent,
  AuditEventConnection,
  AuditEventListConnection,
  AuditLogFilter,
  toAuditConnection,
  toAuditEvent,
} from './audit.type';

@Resolver()
export class AuditResolver {
  constructor(private readonly service: AuditService) {}

  @RequireScopes('admin:*')
  @Query(() => AuditEventListConnection, {
    description:
      'Security events, newest first (by time, then id), forward with `first`/`after` or backward with `last`/`before`.',
  })
  async auditLogConnection(
    @Arg('filter', () => AuditLogFilter, {
      nullable: true,
      description: 'Which events to list; all when absent.',
    })
    filter: AuditLogFilter | null,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
  ): Promise<Connection<AuditEvent>> {
    return mapConnection(await this.service.connection(page, filter ?? {}), toAuditEvent);
  }

  @RequireScopes('admin:*')
  @Query(() => AuditEventConnection, {
    description: 'Security events, newest first.',
    deprecationReason: 'Use auditLogConnection. Removal after 2027-06-30.',
  })
  async auditLog(
    @Arg('first', () => Int, {
      defaultValue: 50,
      description: 'How many events to return, 1 to 200.',
    })
    first: number,
    @Arg('after', () => String, {
      nullable: true,
      description: 'An `endCursor` (or edge cursor) of an earlier page: start after that event.',
    })
    after: string | null,
    @Arg('filter', () => AuditLogFilter, {
      nullable: true,
      description: 'Which events to list; all when absent.',
    })
    filter: AuditLogFilter | null,
  ): Promise<AuditEventConnection> {
    return toAuditConnection(await this.service.list({ first, after, filter: filter ?? {} }));
  }
}
