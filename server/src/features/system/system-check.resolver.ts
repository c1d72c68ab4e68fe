import { Arg, ID, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { RequireScopes } from '../../graphql/scopes';
import type { SystemCheckCompletedEvent } from './system-check.events';
import type { SystemCheckService } from './system-check.service';
import { SystemCheck, toSystemCheck } from './system-check.type';
import { StartSystemCheckPayload } from './system-check-payloads.type';

@Resolver(() => SystemCheck)
export class SystemCheckResolver {
  constructor(private readonly service: SystemCheckService) {}

  @RequireScopes('admin:*')
  @Mutation(() => SystemCheck, {
    description: 'Starts a synthetic check through the job queue.',
    deprecationReason: 'Use startSystemCheck. Removal after 2027-06-30.',
  })
  async runSystemCheck(): Promise<SystemCheck> {
    return toSystemCheck(await this.service.request());
  }

  @RequireScopes('admin:*')
  @Mutation(() => StartSystemCheckPayload, {
    description: 'Starts a synthetic check through the job queue.',
  })
  async startSystemCheck(): Promise<StartSystemCheckPayload> {
    return Object.assign(new StartSystemCheckPayload(), {
      systemCheck: await this.runSystemCheck(),
    });
  }

  @RequireScopes('admin:*')
  @Query(() => SystemCheck, { description: 'One system check, as far as it has come.' })
  async systemCheck(
    @Arg('id', () => ID, { description: 'The id `runSystemCheck` returned.' }) id: string,
  ): Promise<SystemCheck> {
    return toSystemCheck(await this.service.get(id));
  }

  @RequireScopes('admin:*')
  @Subscription(() => SystemCheck, {
    description: 'Each completed system check, from whichever node completed it.',
    subscribe: ({ context }) =>
      (
        context as { services: { systemChecks: SystemCheckService } }
      ).services.systemChecks.subscribeCompleted(),
  })
  systemCheckCompleted(@Root() event: SystemCheckCompletedEvent): SystemCheck {
    return toSystemCheck(event);
  }
}
