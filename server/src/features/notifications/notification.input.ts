import { Field, InputType, registerEnumType } from 'type-graphql';
import { NotificationKind } from './notification.type';

@InputType({ description: 'Switches one type of notification on or off.' })
export class NotificationTypeSettingInput {
  @Field(() => NotificationKind, { description: 'The type.' })
  type!: NotificationKind;

  @Field(() => Boolean, { description: 'False: this type is neither stored nor sent.' })
  enabled!: boolean;
}

@InputType({ description: 'The settings to change; a field left out keeps its value.' })
export class UpdateNotificationSettingsInput {
  @Field(() => [NotificationTypeSettingInput], {
    nullable: true,
    description: 'Types to switch on or off; types not listed keep their setting.',
  })
  types?: NotificationTypeSettingInput[];

  @Field(() => Boolean, { nullable: true, description: 'Push to registered browsers and devices.' })
  pushEnabled?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'Also send each notification by e-mail.' })
  emailEnabled?: boolean;

  @Field(() => String, {
    nullable: true,
    description:
      'Quiet hours start, HH:MM local time; give it with quietHoursEnd, or both null for none.',
  })
  quietHoursStart?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Quiet hours end, HH:MM local time (before the start: they span midnight).',
  })
  quietHoursEnd?: string | null;
}

@InputType({ description: 'A browser’s push subscription, as PushSubscription.toJSON() gives it.' })
export class PushSubscriptionKeysInput {
  @Field(() => String, { description: 'The subscription’s P-256 public key (base64url).' })
  p256dh!: string;

  @Field(() => String, { description: 'The subscription’s authentication secret (base64url).' })
  auth!: string;
}

@InputType({ description: 'Registers a browser for Web Push.' })
export class RegisterPushSubscriptionInput {
  @Field(() => String, { description: 'The push service URL the browser was given (https).' })
  endpoint!: string;

  @Field(() => PushSubscriptionKeysInput, { description: 'The subscription’s keys.' })
  keys!: PushSubscriptionKeysInput;
}

export enum PushDevicePlatform {
  ANDROID = 'android',
  IOS = 'ios',
}

registerEnumType(PushDevicePlatform, {
  name: 'PushDevicePlatform',
  description: 'The operating system of a device running the Pace app.',
  valuesConfig: {
    ANDROID: { description: 'Android (FCM delivers directly).' },
    IOS: { description: 'iOS (FCM delivers through APNs).' },
  },
});

@InputType({ description: 'Registers the Pace mobile app on one device for push through FCM.' })
export class RegisterPushDeviceInput {
  @Field(() => String, {
    description: 'The FCM registration token the Firebase Messaging SDK gave the app.',
  })
  token!: string;

  @Field(() => PushDevicePlatform, { description: 'The device’s operating system.' })
  platform!: PushDevicePlatform;
}
