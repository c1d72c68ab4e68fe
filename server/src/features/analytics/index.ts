export { AnalyticsService, type AnalyticsDeps, type CategoryInfo } from './analytics.service';
export { AnalyticsResolver } from './analytics.resolver';
export { AnalyticsError } from './analytics.errors';
export { IncomeBandGql, SpendingPaceLevelGql } from './analytics-enums.type';
