export { systemChecks } from './system-check.table';
export { SystemCheckRepository } from './system-check.repository';
export { SystemCheckService } from './system-check.service';
export { SystemCheckResolver } from './system-check.resolver';
export { processSystemCheckJob } from './system-check.jobs';
export { SystemCheckError } from './system-check.errors';
