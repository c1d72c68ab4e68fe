export { PaymentService, type PaymentSettings } from './payment.service';
export { PaymentRepository } from './payment.repository';
export { PaymentResolver } from './payment.resolver';
export { PaymentError } from './payment.errors';
export { paymentsRouter } from './payment.http';
