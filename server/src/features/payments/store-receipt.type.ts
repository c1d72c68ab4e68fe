import { Field, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { Entitlement } from '../premium';

export enum StorePlatform {
  APP_STORE = 'app_store',
  PLAY_STORE = 'play_store',
}
registerEnumType(StorePlatform, {
  name: 'StorePlatform',
  description: 'An app store where the mobile app sells premium.',
  valuesConfig: {
    APP_STORE: { description: 'Apple’s App Store (iOS), verified with the App Store Server API.' },
    PLAY_STORE: { description: 'Google Play (Android), verified with the Android Publisher API.' },
  },
});

@InputType({ description: 'A purchase the mobile app made in a store, to turn into premium.' })
export class VerifyStoreReceiptInput {
  @Field(() => StorePlatform, { description: 'The store the purchase was made in.' })
  platform!: StorePlatform;
  @Field(() => String, {
    description:
      'The App Store transaction id, or the Google Play purchase token, as the store reported it to the app.',
  })
  receipt!: string;
  @Field(() => String, {
    description: 'The store product id bought; it must be one of the server’s premium products.',
  })
  productId!: string;
}

@ObjectType({ description: 'What verifyStoreReceipt did with a store purchase.' })
export class VerifyStoreReceiptPayload {
  @Field(() => Entitlement, {
    description:
      'The viewer’s plan afterwards: premium until the end of the paid period the store reports.',
  })
  entitlement!: Entitlement;
  @Field(() => Boolean, {
    description:
      'False when this purchase was already verified for the viewer and extended nothing now (a replay).',
  })
  isNewlyApplied!: boolean;
}
