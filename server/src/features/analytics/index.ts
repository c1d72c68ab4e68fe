export { AnalyticsService, type AnalyticsDeps, type CategoryInfo } from './analytics.service';
export { AnalyticsResolver } from './analytics.resolver';
export { AnalyticsError } from './analytics.errors';
