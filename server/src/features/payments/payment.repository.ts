import { eq, and } from 'drizzle-orm';
import type { Db } from '../../infra/db/database';
import type { UserRepository } from '../accounts';
import {
  paymentCustomers,
  paymentEvents,
  type PaymentCustomerRow,
  type PaymentEventRow,
} from './payment.table';

/** The only SQL of payments: handled events and provider customers. */
export class PaymentRepository {
  constructor(
    private readonly db: Db,
    /** The accounts' repository on a given connection, for plan changes in the same transaction. */
    private readonly usersOn: (db: Db) => UserRepository,
  ) {}

  transaction<T>(
    work: (repository: PaymentRepository, users: UserRepository) => Promise<T>,
  ): Promise<T> {
    return this.db.transaction((tx) =>
      work(new PaymentRepository(tx, this.usersOn), this.usersOn(tx)),
    );
  }

  /** Records an event as handled; false when its id was handled before. */
  async claimEvent(row: PaymentEventRow): Promise<boolean> {
    const rows = await this.db
      .insert(paymentEvents)
      .values(row)
      .onConflictDoNothing()
      .returning({ eventId: paymentEvents.eventId });
    return rows.length > 0;
  }

  async customerOf(userId: string): Promise<PaymentCustomerRow | null> {
    const [row] = await this.db
      .select()
      .from(paymentCustomers)
      .where(eq(paymentCustomers.userId, userId));
    return row ?? null;
  }

  async findByCustomer(customerId: string): Promise<PaymentCustomerRow | null> {
    const [row] = await this.db
      .select()
      .from(paymentCustomers)
      .where(
        and(eq(paymentCustomers.provider, 'stripe'), eq(paymentCustomers.customerId, customerId)),
      );
    return row ?? null;
  }

  async saveCustomer(userId: string, customerId: string, now: Date): Promise<void> {
    await this.db
      .insert(paymentCustomers)
      .values({ userId, provider: 'stripe', customerId, createdAt: now })
      .onConflictDoUpdate({ target: paymentCustomers.userId, set: { customerId } });
  }
}
