import express, { Router } from 'express';
import { AppError } from '../../graphql/app-error';
import type { PaymentService } from './payment.service';

/** Stripe events are small; a larger body is refused before it is read. */
const WEBHOOK_BODY_LIMIT = 512 * 1024;

/**
 * `POST /api/payments/stripe`: Stripe's signed events. The body is read raw (the signature covers
 * the exact bytes); answers 200 for handled and replayed events, 400 with a typed code otherwise.
 */
export function paymentsRouter(payments: PaymentService): Router {
  const router = Router();
  router.post(
    '/api/payments/stripe',
    express.raw({ type: () => true, limit: WEBHOOK_BODY_LIMIT }),
    async (req, res) => {
      try {
        const raw: unknown = req.body;
        const body = Buffer.isBuffer(raw) ? raw : Buffer.alloc(0);
        const result = await payments.handleWebhook(
          body,
          req.header('stripe-signature'),
          req.ip ?? null,
        );
        res.json({ received: true, ...result });
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        res
          .status(error.publicCode === 'UNAVAILABLE' ? 503 : 400)
          .json({ error: { code: String(error.code), message: error.message } });
      }
    },
  );
  return router;
}
