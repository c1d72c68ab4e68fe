export { adviceDaily } from './advice.table';
export type { AdviceRow } from './advice.table';
export { AdviceService } from './advice.service';
export { AdviceResolver } from './advice.resolver';
export { openAiAdvisor, rulesAdvisor, type Advisor } from './advisors';
