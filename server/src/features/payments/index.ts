export { PaymentService, type PaymentSettings } from './payment.service';
export { PaymentRepository } from './payment.repository';
export { PaymentResolver } from './payment.resolver';
export { PaymentError } from './payment.errors';
export { paymentsRouter } from './payment.http';
export { StoreReceiptService } from './store-receipt.service';
export { StorePurchaseRepository } from './store-purchase.repository';
export { StoreReceiptResolver } from './store-receipt.resolver';
export { StoreReceiptError } from './store-receipt.errors';
