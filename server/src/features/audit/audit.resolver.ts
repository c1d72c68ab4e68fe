import { Arg, Int, Query, Resolver } from 'type-graphql';
import { RequireScopes } from '../../graphql/scopes';
import type { AuditService } from './audit.service';
import { AuditEventConnection, AuditLogFilter, toAuditConnection } from './audit.type';

@Resolver()
export class AuditResolver {
  constructor(private readonly service: AuditService) {}

  @RequireScopes('admin:*')
  @Query(() => AuditEventConnection, { description: 'Security events, newest first.' })
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
