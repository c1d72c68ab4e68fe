import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import type { DataExport as DataExportResult } from './account-data.service';
import type { UserRow } from './user.table';

export enum UserRole {
  USER = 'user',
  ADMIN = 'admin',
}
registerEnumType(UserRole, { name: 'UserRole' });

export enum UserPlan {
  STANDARD = 'standard',
  PREMIUM = 'premium',
}
registerEnumType(UserPlan, { name: 'UserPlan' });

@ObjectType({ description: 'A person with a Pace account.' })
export class User {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  email!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: 'ISO 4217 code of the money the person plans in.' })
  currency!: string;

  @Field(() => String, { description: 'ISO 3166-1 alpha-2 country or region.' })
  country!: string;

  @Field(() => String, { description: 'IANA time zone; "today" is local to it.' })
  timeZone!: string;

  @Field(() => String)
  locale!: string;

  @Field(() => UserRole)
  role!: UserRole;

  @Field(() => UserPlan)
  plan!: UserPlan;

  @Field(() => Boolean, {
    description: 'False for accounts that sign in only with Google or a passkey.',
  })
  hasPassword!: boolean;

  @Field(() => Date)
  createdAt!: Date;
}

export function toUser(row: UserRow): User {
  return Object.assign(new User(), {
    id: row.id,
    email: row.email,
    name: row.name,
    currency: row.currency,
    country: row.country,
    timeZone: row.timeZone,
    locale: row.locale,
    role: row.role as UserRole,
    plan: row.plan as UserPlan,
    hasPassword: row.passwordHash !== null,
    createdAt: row.createdAt,
  });
}

@InputType()
export class RegisterInput {
  @Field(() => String)
  email!: string;

  @Field(() => String, { description: '8–128 characters, not easy to guess.' })
  password!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  currency!: string;

  @Field(() => String)
  country!: string;

  @Field(() => String)
  timeZone!: string;

  @Field(() => String)
  locale!: string;
}

@InputType()
export class UpdateProfileInput {
  @Field(() => String, { nullable: true })
  name?: string;

  @Field(() => String, { nullable: true })
  currency?: string;

  @Field(() => String, { nullable: true })
  country?: string;

  @Field(() => String, { nullable: true })
  timeZone?: string;

  @Field(() => String, { nullable: true })
  locale?: string;
}

@ObjectType({ description: "All of the person's data as one JSON file, ready to save." })
export class DataExport {
  @Field(() => String)
  fileName!: string;

  @Field(() => String)
  contentType!: string;

  @Field(() => String, { description: 'The file itself (JSON text).' })
  content!: string;

  @Field(() => Int)
  byteSize!: number;

  @Field(() => GraphQLJSONObject, { description: 'Rows exported per table.' })
  rowCounts!: Record<string, number>;
}

export function toDataExport(result: DataExportResult): DataExport {
  return Object.assign(new DataExport(), {
    ...result,
    byteSize: Buffer.byteLength(result.content),
  });
}
