import { Field, ObjectType, registerEnumType } from 'type-graphql';
import type { PublicErrorCode } from './app-error';
import {
  ERROR_CATALOGUE,
  PUBLIC_CODE_DESCRIPTIONS,
  type ErrorReasonEntry,
} from './error-catalogue';

/** Every catalogued reason, as a GraphQL enum (value = name). */
export const ErrorReason: Readonly<Record<string, string>> = Object.fromEntries(
  ERROR_CATALOGUE.map((entry) => [entry.reason, entry.reason]),
);
registerEnumType(ErrorReason, {
  name: 'ErrorReason',
  description:
    'Why the server refused a request: `extensions.reason` of an error, next to its public class `extensions.code`. Each value says its code, when it happens and what to do; `errorReasons` lists them all.',
  valuesConfig: Object.fromEntries(
    ERROR_CATALOGUE.map((entry) => [
      entry.reason,
      { description: `${entry.code}. When: ${entry.when} What to do: ${entry.action}` },
    ]),
  ),
});

/** The public error classes (`extensions.code` of an error with a reason). */
export const ErrorCode: Readonly<Record<PublicErrorCode, PublicErrorCode>> = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  RATE_LIMITED: 'RATE_LIMITED',
  UNAVAILABLE: 'UNAVAILABLE',
};
registerEnumType(ErrorCode, {
  name: 'ErrorCode',
  description:
    'The public class of an error with a reason (`extensions.code`): a client may branch on it without knowing every reason.',
  valuesConfig: Object.fromEntries(
    Object.entries(PUBLIC_CODE_DESCRIPTIONS).map(([code, description]) => [code, { description }]),
  ),
});

@ObjectType({
  description: 'One error reason of the catalogue: its public code, when it happens, what to do.',
})
export class ErrorReasonDescription {
  @Field(() => ErrorReason, { description: 'As sent in `extensions.reason`.' })
  reason!: string;

  @Field(() => ErrorCode, { description: 'As sent in `extensions.code`.' })
  code!: PublicErrorCode;

  @Field(() => String, { description: 'When the server answers with this reason.' })
  when!: string;

  @Field(() => String, { description: 'What the client (or the person using it) should do.' })
  action!: string;
}

export function toErrorReasonDescription(entry: ErrorReasonEntry): ErrorReasonDescription {
  return Object.assign(new ErrorReasonDescription(), {
    reason: entry.reason,
    code: entry.code,
    when: entry.when,
    action: entry.action,
  });
}
