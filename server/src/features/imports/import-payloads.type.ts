import { Field, ObjectType } from 'type-graphql';
import { ImportReport } from './import.type';

@ObjectType({ description: 'What `previewBankFile` found; nothing was written.' })
export class PreviewBankFilePayload {
  @Field(() => ImportReport, { description: 'Each row read, checked against the ledger.' })
  report!: ImportReport;
}

@ObjectType({ description: 'What `importBankFile` did.' })
export class ImportBankFilePayload {
  @Field(() => ImportReport, {
    description: 'The import’s report (a replay with the same `importId` returns the first one).',
  })
  report!: ImportReport;
}
