import type { budgetClient } from '../budget/budget-client';

type Client = ReturnType<typeof budgetClient>;

const CREATE_ACCOUNT = `mutation($input: CreateMoneyAccountInput!) { createMoneyAccount(input: $input) { account { id } } }`;
const BALANCES = `query { accounts(first: 50) { nodes { name balance { amount } } } }`;

/** Opens a money account and answers its id. */
export async function createMoneyAccount(
  client: Client,
  input: { name: string; kind: string; openingBalance: string; openingOn?: string },
): Promise<string> {
  return (
    await client.call<{ createMoneyAccount: { account: { id: string } } }>(CREATE_ACCOUNT, {
      input,
    })
  ).createMoneyAccount.account.id;
}

/** Each account's current balance by its name. */
export async function balancesByName(client: Client): Promise<Record<string, string>> {
  const listed = await client.call<{
    accounts: { nodes: Array<{ name: string; balance: { amount: string } }> };
  }>(BALANCES);
  return Object.fromEntries(listed.accounts.nodes.map((a) => [a.name, a.balance.amount]));
}
