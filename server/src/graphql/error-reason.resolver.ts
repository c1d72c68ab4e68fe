import { Query, Resolver } from 'type-graphql';
import { ERROR_CATALOGUE } from './error-catalogue';
import { ErrorReasonDescription, toErrorReasonDescription } from './error-reason.type';
import { Public } from './scopes';

@Resolver()
export class ErrorReasonResolver {
  @Public()
  @Query(() => [ErrorReasonDescription], {
    description:
      'Every error reason the server can answer with (`extensions.reason`), with its public code (`extensions.code`), when it happens and what to do, sorted by reason.',
  })
  errorReasons(): ErrorReasonDescription[] {
    return ERROR_CATALOGUE.map(toErrorReasonDescription);
  }
}
