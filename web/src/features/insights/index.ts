export { InsightsScreen } from './insights-screen';
export { InsightsEntry } from './insights-entry';
