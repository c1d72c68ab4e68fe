/**
 * The plain HTTP endpoints of receipts: the upload (multipart, streamed with a hard size limit)
 * and the stored image for the review screen. Both take a bearer token with `process:receipts`;
 * errors are JSON shaped like GraphQL's (`errors[0].extensions.code` and `.reason`).
 */
import busboy from 'busboy';
import express, { type Request, type Response, type Router } from 'express';
import { AppError, type PublicErrorCode } from '../../graphql/app-error';
import { appErrorBody } from '../../graphql/format-error';
import { AccessError } from '../../graphql/scopes';
import type { Authentication, ViewerService } from '../auth';
import type { AuditService } from '../audit';
import { ReceiptError } from './receipt.errors';
import { MAX_RECEIPT_BYTES } from './receipt-image';
import type { ReceiptService } from './receipt.service';

const HTTP_STATUS: Record<PublicErrorCode, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
};
const REASON_STATUS: Partial<Record<string, number>> = {
  RECEIPT_TOO_LARGE: 413,
  RECEIPT_TYPE_UNSUPPORTED: 415,
};

/** How long a refused upload's remaining body is read before the connection is closed. */
const DRAIN_TIMEOUT_MS = 5_000;

export interface ReceiptRouteDeps {
  receipts: ReceiptService;
  auth: ViewerService;
  audit: AuditService;
  logger: { error(details: object, message: string): void };
  /** The budget a person acts on (their household's owner's); their own when absent. */
  households?: { actingBudget(userId: string, access: 'read'): Promise<{ ownerId: string }> };
}

/** `POST /` (upload) and `GET /:id/image`, mounted at `/api/receipts`. */
export function receiptRoutes(deps: ReceiptRouteDeps): Router {
  const router = express.Router();
  router.post('/', (req, res) => {
    void handle(deps, req, res, async (userId) => {
      const { bytes, fields } = await readUpload(req);
      const transactionId = fields.get('transactionId') ?? null;
      // A photo of a purchase booked into the shared budget links to the shared ledger's entry.
      const budgetOwnerId =
        transactionId === null
          ? undefined
          : (await deps.households?.actingBudget(userId, 'read'))?.ownerId;
      const row = await deps.receipts.upload(userId, bytes, { transactionId, budgetOwnerId });
      res.status(202).json({ id: row.id, status: row.status, transactionId: row.transactionId });
    });
  });
  router.get('/:id/image', (req, res) => {
    void handle(deps, req, res, async (userId) => {
      const image = await deps.receipts.image(userId, String(req.params.id));
      res.set({ 'Content-Type': 'image/jpeg', 'Cache-Control': 'private, no-store' });
      res.send(image);
    });
  });
  return router;
}

/** Authenticates, checks the scope and rate limit, runs `work`, and answers any error as JSON. */
async function handle(
  deps: ReceiptRouteDeps,
  req: Request,
  res: Response,
  work: (userId: string) => Promise<void>,
): Promise<void> {
  try {
    const userId = await viewerWithScope(
      deps,
      req,
      await deps.auth.authenticate(req.get('authorization')),
    );
    await work(userId);
  } catch (error) {
    // A client still sending reads no answer until its body is taken: discard the rest (briefly).
    if (!(await drained(req))) res.set('Connection', 'close');
    if (error instanceof AppError) {
      const known = error as AppError<string>;
      if (known.publicCode === 'RATE_LIMITED')
        res.set('Retry-After', String(known.details.retryAfter));
      res
        .status(REASON_STATUS[known.code] ?? HTTP_STATUS[known.publicCode])
        .json({ errors: [appErrorBody(known)] });
      return;
    }
    deps.logger.error({ err: error }, 'receipt request failed');
    if (res.headersSent) return;
    res.status(500).json({
      errors: [{ message: 'Something went wrong.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
    });
  }
}

/** Reads and drops what is left of the request body; false when it takes longer than allowed. */
async function drained(req: Request): Promise<boolean> {
  if (req.complete || req.readableEnded) return true;
  if (req.listenerCount('data') === 0 && !req.readableFlowing) req.resume();
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), DRAIN_TIMEOUT_MS);
    const done = () => {
      clearTimeout(timer);
      resolve(true);
    };
    req.once('end', done);
    req.once('close', done);
  });
}

async function viewerWithScope(
  deps: ReceiptRouteDeps,
  req: Request,
  authentication: Authentication,
): Promise<string> {
  const { viewer } = authentication;
  if (!viewer) throw new AccessError(authentication.failure ?? 'UNAUTHENTICATED');
  if (!viewer.scopes.includes('process:receipts')) {
    await deps.audit.record({
      event: 'scope.denied',
      userId: viewer.userId,
      ip: req.ip,
      details: { field: `${req.method} /api/receipts`, required: 'process:receipts' },
    });
    throw new AccessError('SCOPE_MISSING', { required: ['process:receipts'] });
  }
  const admitted = await (authentication.admission ?? deps.auth.admit(viewer));
  if (!admitted.allowed) {
    throw new AccessError('RATE_LIMITED', { retryAfter: admitted.retryAfterS });
  }
  return viewer.userId;
}

/** What the multipart body carried: the photo and its short text fields. */
interface Upload {
  bytes: Buffer;
  /**
   * Text fields sent before the file: `transactionId`, the transaction already booked from this
   * photo on the device (offline), links the receipt to it instead of queueing a job.
   */
  fields: Map<string, string>;
}

/** The longest text field kept (an id); longer values are cut and then refused as unknown ids. */
const MAX_FIELD_LENGTH = 200;

/**
 * The first file part of a multipart body, at most MAX_RECEIPT_BYTES: busboy stops counting a
 * larger file at the limit, so no more than the limit is ever held in memory. Text fields count
 * when they precede the file part or follow it; the answer waits for the whole body.
 */
function readUpload(req: Request): Promise<Upload> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        limits: { files: 1, fileSize: MAX_RECEIPT_BYTES, fields: 10, parts: 12 },
      });
    } catch {
      reject(new ReceiptError('RECEIPT_FILE_MISSING'));
      return;
    }
    let file: Promise<Buffer> | undefined;
    const fields = new Map<string, string>();
    parser.on('field', (name, value) => {
      if (!fields.has(name)) fields.set(name, value.slice(0, MAX_FIELD_LENGTH));
    });
    parser.on('file', (_name, stream) => {
      if (file) return void stream.resume();
      file = new Promise((done, fail) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('limit', () => {
          fail(new ReceiptError('RECEIPT_TOO_LARGE', { maxMb: MAX_RECEIPT_BYTES / 1024 / 1024 }));
          stream.resume();
        });
        stream.on('end', () => done(Buffer.concat(chunks)));
        stream.on('error', fail);
      });
      // A refused file answers at once; a good one waits for the fields after it (close).
      file.catch(reject);
    });
    parser.on('error', () => reject(new ReceiptError('RECEIPT_FILE_MISSING')));
    parser.on('close', () => {
      if (!file) return void reject(new ReceiptError('RECEIPT_FILE_MISSING'));
      file.then((bytes) => resolve({ bytes, fields }), reject);
    });
    req.pipe(parser);
  });
}
