import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/accessibility';
import { PaceApi } from './support/pace-api';
import { signInContext, TransactionsPage } from './support/pace-app';

/** A camt.053 statement (the account's currency, booked today) with a debit and a pending entry. */
function camtStatement(today: string): string {
  const entry = (body: string) => `<Ntry>${body}</Ntry>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
  <BkToCstmrStmt>
    <GrpHdr><MsgId>E2E-1</MsgId><CreDtTm>${today}T06:00:00Z</CreDtTm></GrpHdr>
    <Stmt>
      <Id>E2E-STMT</Id>
      <Acct><Id><IBAN>DE89370400440532013000</IBAN></Id></Acct>
      ${entry(`<Amt Ccy="USD">23.40</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
        <BookgDt><Dt>${today}</Dt></BookgDt><AcctSvcrRef>E2E-REF-1</AcctSvcrRef>
        <NtryDtls><TxDtls><RltdPties><Cdtr><Pty><Nm>Müller Bäckerei</Nm></Pty></Cdtr></RltdPties>
        <RmtInf><Ustrd>Brötchen</Ustrd></RmtInf></TxDtls></NtryDtls>`)}
      ${entry(`<Amt Ccy="USD">9.99</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts><Cd>PDNG</Cd></Sts>
        <ValDt><Dt>${today}</Dt></ValDt>
        <NtryDtls><TxDtls><RltdPties><Cdtr><Pty><Nm>Streaming</Nm></Pty></Cdtr></RltdPties></TxDtls></NtryDtls>`)}
    </Stmt>
  </BkToCstmrStmt>
</Document>
`;
}

test('bank files: a camt.053 statement is previewed and imported once; its pending entry is left out', async ({
  page,
  context,
  request,
}) => {
  const api = await PaceApi.createPlannedAccount(request, 'camt');
  await signInContext(context, api);
  const list = new TransactionsPage(page);
  await list.open();
  const today = new Date().toISOString().slice(0, 10);
  // Named as some banks do: the content, not the extension, says it is camt.053.
  await list.importFile('kontoauszug.camt', camtStatement(today), 'application/xml');
  await page.getByRole('button', { name: 'Preview' }).click();
  const report = page.getByTestId('import-report');
  await expect(report).toContainText('2 rows read: 1 ready, 1 with a problem');
  await expect(report).toContainText('Line 12 is not booked by the bank yet and is left out.');
  await expectNoAxeViolations(page, 'import preview (camt.053)');
  await page.getByRole('button', { name: 'Import 1 row' }).click();
  await expect(report).toContainText('1 transaction imported');
  await expect(list.row('Brötchen')).toBeVisible();

  // The same statement again: nothing new.
  await list.importFile('kontoauszug.xml', camtStatement(today), 'application/xml');
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(report).toContainText('2 rows read: 0 ready, 2 with a problem');
});

test('bank files: a CSV mapping saved under a bank name is offered again for the same header', async ({
  page,
  context,
  request,
}) => {
  const api = await PaceApi.createPlannedAccount(request, 'mapping');
  await signInContext(context, api);
  const list = new TransactionsPage(page);
  await list.open();
  const today = new Date().toISOString().slice(0, 10);
  const [y, m, d] = today.split('-');
  const csv = `Buchungstag;Wert;Empfänger\n${d}.${m}.${y};-1.234,56;Möbelhaus\n`;
  await list.importFile('umsaetze.csv', csv);
  await page.getByLabel('Date column', { exact: true }).selectOption('Buchungstag');
  await page.getByLabel('Amount column', { exact: true }).selectOption('Wert');
  await page.getByLabel('Payee column', { exact: true }).selectOption('Empfänger');
  await page.getByLabel('Dates look like').selectOption({ label: '31.03.2026' });
  await page.getByLabel('Decimal separator').selectOption({ label: '1234,56' });
  await page.getByLabel('Save this mapping as (e.g. your bank)').fill('Sparkasse');
  await page.getByRole('button', { name: 'Save mapping' }).click();
  await expect(page.getByText('Mapping saved as “Sparkasse”.')).toBeVisible();

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Transactions', level: 1 })).toBeVisible();
  await list.importFile('umsaetze-april.csv', csv);
  await expect(page.getByText('Using your saved mapping “Sparkasse”.')).toBeVisible();
  await expect(page.getByLabel('Saved mapping')).toHaveValue(/.+/);
  await expectNoAxeViolations(page, 'import mapping step');
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page.getByTestId('import-report')).toContainText('1 ready, 0 with a problem');
});
