import { Field, ID, Int, ObjectType } from 'type-graphql';
import { connectionTypes } from '../../graphql/relay';
import { adminLockEndOf, UserPlan } from '../accounts';
import { isPremium } from '../auth';
import { userCursor, type AdminUserPage, type AdminUserSnapshot } from './admin-user.service';

@ObjectType({
  description: 'A person’s account as admins see it (never a password hash or a token).',
})
export class AdminUser {
  @Field(() => ID, { description: 'The account id.' }) id!: string;
  @Field(() => String, { description: 'The sign-in e-mail, lower case.' }) email!: string;
  @Field(() => String, { description: 'The name the person gave.' }) name!: string;
  @Field(() => Boolean, { description: 'Whether the account holds admin:* (role admin).' })
  isAdmin!: boolean;
  @Field(() => UserPlan, { description: 'The plan as stored.' }) plan!: UserPlan;
  @Field(() => Boolean, { description: 'Whether premium is in force now.' }) isPremium!: boolean;
  @Field(() => Date, {
    nullable: true,
    description: 'When premium ends; null without an end or on the standard plan.',
  })
  premiumUntil!: Date | null;
  @Field(() => Date, {
    nullable: true,
    description:
      'Locked by an admin until then (no sign-in of any kind); null when not locked now.',
  })
  lockedUntil!: Date | null;
  @Field(() => Date, {
    nullable: true,
    description:
      'After wrong passwords, password sign-ins from new devices wait until then; null when they do not wait now.',
  })
  signInDelayedUntil!: Date | null;
  @Field(() => Int, { description: 'Wrong passwords in a row since the last sign-in.' })
  failedSignIns!: number;
  @Field(() => Boolean, {
    description: 'Whether the account has a password (else Google or passkeys only).',
  })
  hasPassword!: boolean;
  @Field(() => Boolean, { description: 'Whether a Google account is linked.' }) hasGoogle!: boolean;
  @Field(() => String, { description: 'ISO 3166-1 alpha-2 country or region.' }) country!: string;
  @Field(() => Date, { description: 'When the account was created.' }) createdAt!: Date;
}

@ObjectType({ description: 'One account in a page of adminUsers.' })
export class AdminUserEdge {
  @Field(() => String, {
    description: 'Opaque; pass it as `after` for the accounts after this one.',
  })
  cursor!: string;
  @Field(() => AdminUser, { description: 'The account.' }) node!: AdminUser;
}

@ObjectType({ description: 'Where a page of adminUsers stands.' })
export class AdminUserPageInfo {
  @Field(() => Boolean, { description: 'Whether more accounts follow this page.' })
  hasNextPage!: boolean;
  @Field(() => String, {
    nullable: true,
    description: 'The cursor of the page’s last account, for `after`; null when the page is empty.',
  })
  endCursor!: string | null;
}

@ObjectType({ description: 'A page of accounts in e-mail order.' })
export class AdminUserConnection {
  @Field(() => [AdminUserEdge], { description: 'The accounts of this page.' })
  edges!: AdminUserEdge[];
  @Field(() => AdminUserPageInfo, { description: 'Whether more accounts follow, and from where.' })
  pageInfo!: AdminUserPageInfo;
}

export function toAdminUser({ user: row, at: now }: AdminUserSnapshot): AdminUser {
  return Object.assign(new AdminUser(), {
    id: row.id,
    email: row.email,
    name: row.name,
    isAdmin: row.role === 'admin',
    plan: row.plan as UserPlan,
    isPremium: isPremium(row, now),
    premiumUntil: row.premiumUntil,
    lockedUntil: adminLockEndOf(row, now),
    signInDelayedUntil: row.lockedUntil && row.lockedUntil > now ? row.lockedUntil : null,
    failedSignIns: row.failedLoginCount,
    hasPassword: row.passwordHash !== null,
    hasGoogle: row.googleSubject !== null,
    country: row.country,
    createdAt: row.createdAt,
  });
}

export function toAdminUserConnection(page: AdminUserPage): AdminUserConnection {
  const edges = page.rows.map((user) =>
    Object.assign(new AdminUserEdge(), {
      cursor: userCursor(user),
      node: toAdminUser({ user, at: page.at }),
    }),
  );
  return Object.assign(new AdminUserConnection(), {
    edges,
    pageInfo: Object.assign(new AdminUserPageInfo(), {
      hasNextPage: page.hasNextPage,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    }),
  });
}

/**
 * Accounts a page at a time, forward or backward. Named `AdminUserList…` because
 * `AdminUserConnection` is the deprecated `adminUsers` field's type until it is removed.
 */
export const AdminUserListConnection = connectionTypes(
  AdminUser,
  'AdminUserList',
  'accounts, in e-mail order',
);
