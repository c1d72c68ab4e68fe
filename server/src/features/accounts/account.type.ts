import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { CurrencyCodeScalar } from '../../graphql/scalars';
import type { DataExport as DataExportResult } from './account-data.service';
import type { UserRow } from './user.table';

export enum UserRole {
  USER = 'user',
  ADMIN = 'admin',
}
registerEnumType(UserRole, {
  name: 'UserRole',
  description: 'What a person may administer; decides the scopes of their next sign-in.',
  valuesConfig: {
    USER: { description: 'A person using Pace for their own money.' },
    ADMIN: { description: 'An operator: sign-ins also get `admin:*`.' },
  },
});

export enum UserPlan {
  STANDARD = 'standard',
  PREMIUM = 'premium',
}
registerEnumType(UserPlan, {
  name: 'UserPlan',
  description: 'The person’s subscription; decides the scopes of their next sign-in.',
  valuesConfig: {
    STANDARD: { description: 'Every user scope except the premium ones.' },
    PREMIUM: { description: 'Sign-ins also get the premium scopes (`premium:ai_insights`).' },
  },
});

@ObjectType({ description: 'A person with a Pace account.' })
export class User {
  @Field(() => ID, { description: 'The person’s id.' })
  id!: string;

  @Field(() => String, { description: 'The sign-in e-mail address, lower-cased.' })
  email!: string;

  @Field(() => String, { description: 'The name the person gave, 1 to 100 characters.' })
  name!: string;

  @Field(() => CurrencyCodeScalar, {
    description: 'ISO 4217 code of the money the person plans in, e.g. EUR.',
  })
  homeCurrency!: string;

  @Field(() => String, {
    description: 'ISO 4217 code of the money the person plans in.',
    deprecationReason: 'Use homeCurrency. Removal after 2027-06-30.',
  })
  currency!: string;

  @Field(() => String, { description: 'ISO 3166-1 alpha-2 country or region.' })
  country!: string;

  @Field(() => String, { description: 'IANA time zone; "today" is local to it.' })
  timeZone!: string;

  @Field(() => String, {
    description: 'BCP 47 locale (canonical form, e.g. en-GB) the apps format and translate for.',
  })
  locale!: string;

  @Field(() => UserRole, { description: 'Whether the person is an operator.' })
  role!: UserRole;

  @Field(() => UserPlan, { description: 'The person’s subscription.' })
  plan!: UserPlan;

  @Field(() => Boolean, {
    description: 'False for accounts that sign in only with Google or a passkey.',
  })
  hasPassword!: boolean;

  @Field(() => Date, { description: 'When the account was created.' })
  createdAt!: Date;

  @Field(() => Boolean, {
    description:
      'Whether the person proved they receive mail at `email` (the link in the verification mail; Google accounts are verified). Buying premium and exporting data need it.',
  })
  emailVerified!: boolean;
}

export function toUser(row: UserRow): User {
  return Object.assign(new User(), {
    id: row.id,
    email: row.email,
    name: row.name,
    homeCurrency: row.currency,
    currency: row.currency,
    country: row.country,
    timeZone: row.timeZone,
    locale: row.locale,
    role: row.role as UserRole,
    plan: row.plan as UserPlan,
    hasPassword: row.passwordHash !== null,
    createdAt: row.createdAt,
    emailVerified: row.emailVerifiedAt !== null,
  });
}

@InputType({ description: 'A new account with a password.' })
export class RegisterInput {
  @Field(() => String, {
    description: 'The sign-in e-mail address; trimmed and lower-cased, must not be taken.',
  })
  email!: string;

  @Field(() => String, { description: '8–128 characters, not easy to guess.' })
  password!: string;

  @Field(() => String, { description: 'The person’s name, 1 to 100 characters (trimmed).' })
  name!: string;

  @Field(() => CurrencyCodeScalar, {
    nullable: true,
    description:
      'ISO 4217 code of the money the person plans in, e.g. EUR. Required unless the deprecated `currency` is given; wins over it.',
  })
  homeCurrency?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'ISO 4217 code of the money the person plans in, e.g. EUR (case-insensitive).',
    deprecationReason: 'Use homeCurrency. Removal after 2027-06-30.',
  })
  currency?: string | null;

  @Field(() => String, { description: 'ISO 3166-1 alpha-2 country or region, e.g. DE.' })
  country!: string;

  @Field(() => String, {
    description: 'IANA time zone, e.g. Europe/Berlin; local days are counted in it.',
  })
  timeZone!: string;

  @Field(() => String, { description: 'BCP 47 locale, e.g. en-GB.' })
  locale!: string;
  @Field(() => String, {
    nullable: true,
    description:
      'An invite code (case, spaces and dashes ignored); an unknown code is refused with REFERRAL_CODE_UNKNOWN and no account is created.',
  })
  referralCode?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'A random id the device keeps; only its SHA-256 is stored, to refuse referral rewards between accounts of one device.',
  })
  deviceId?: string | null;
}

@InputType({
  description: 'A change to the profile: an absent or null field stays as it is.',
})
export class UpdateProfileInput {
  @Field(() => String, { nullable: true, description: 'A new name, 1 to 100 characters.' })
  name?: string;

  @Field(() => CurrencyCodeScalar, {
    nullable: true,
    description: 'A new ISO 4217 currency code, e.g. EUR; wins over the deprecated `currency`.',
  })
  homeCurrency?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'A new ISO 4217 currency code, e.g. EUR (case-insensitive).',
    deprecationReason: 'Use homeCurrency. Removal after 2027-06-30.',
  })
  currency?: string;

  @Field(() => String, {
    nullable: true,
    description: 'A new ISO 3166-1 alpha-2 country or region, e.g. DE.',
  })
  country?: string;

  @Field(() => String, {
    nullable: true,
    description: 'A new IANA time zone, e.g. Europe/Berlin.',
  })
  timeZone?: string;

  @Field(() => String, { nullable: true, description: 'A new BCP 47 locale, e.g. en-GB.' })
  locale?: string;
}

@ObjectType({ description: "All of the person's data as one JSON file, ready to save." })
export class DataExport {
  @Field(() => String, {
    description: 'A file name to save it under, e.g. pace-export-2025-01-31.json.',
  })
  fileName!: string;

  @Field(() => String, { description: 'The file’s media type: application/json.' })
  contentType!: string;

  @Field(() => String, { description: 'The file itself (JSON text).' })
  content!: string;

  @Field(() => Int, { description: 'The size of `content` in bytes (UTF-8).' })
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

/**
 * The currency an input names during the deprecation window of its `currency` field:
 * `homeCurrency` when given, else the old `currency` (checked later like any other value).
 */
export function currencyOf(input: {
  homeCurrency?: string | null;
  currency?: string | null;
}): string | undefined {
  return input.homeCurrency ?? input.currency ?? undefined;
}
