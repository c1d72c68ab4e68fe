import { defineErrors } from '../../graphql/app-error';

export type AnalyticsErrorCode = 'ANALYTICS_MONTH_OUT_OF_RANGE';

export const AnalyticsError = defineErrors<AnalyticsErrorCode>('AnalyticsError', {
  ANALYTICS_MONTH_OUT_OF_RANGE: {
    publicCode: 'BAD_USER_INPUT',
    message: (d) =>
      `month must be from ${String(d.earliest)} to ${String(d.latest)} (the person’s current month).`,
    when: 'An analytics month is after the person’s current local month or more than 24 months before it.',
    action: 'Ask for a month from 24 months ago up to the current one (the default).',
  },
});
