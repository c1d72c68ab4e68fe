export { InstallmentService, type InstallmentServiceDeps } from './installment.service';
export { InstallmentResolver } from './installment.resolver';
export { InstallmentError } from './installment.errors';
