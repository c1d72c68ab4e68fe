import express, { Router, type Response } from 'express';
import { AppError } from '../../graphql/app-error';
import { appErrorBody } from '../../graphql/format-error';
import type { EmailPreferencesService, OptionalMailKind } from './email-preferences.service';

const PATH = '/api/email/unsubscribe';

const KIND_WORDS: Record<OptionalMailKind, string> = {
  notifications: 'notifications by e-mail',
  product_news: 'product news',
};

/**
 * One-click unsubscribe from a mail, without signing in. `GET` only shows a button (mail scanners
 * open links, and must not unsubscribe anyone); `POST` (the button, or a mail client's
 * List-Unsubscribe-Post per RFC 8058) switches the kind off. HTML for browsers, JSON otherwise.
 */
export function emailRouter(preferences: EmailPreferencesService): Router {
  const router = Router();
  router.get(PATH, async (req, res) => {
    const token = typeof req.query.token === 'string' ? req.query.token : '';
    const checked = await preferences.checkUnsubscribeToken(token);
    if (!checked) {
      page(
        res,
        400,
        'Link not valid',
        'This unsubscribe link is not valid. You can choose which mails you receive in Pace’s Settings.',
      );
      return;
    }
    const action = `${PATH}?token=${encodeURIComponent(token)}`;
    page(
      res,
      200,
      'Unsubscribe',
      `Stop receiving ${KIND_WORDS[checked.kind]} from Pace? Security mails about your account are still sent.`,
      `<form method="post" action="${escapeHtml(action)}"><button type="submit">Unsubscribe</button></form>`,
    );
  });
  router.post(PATH, express.urlencoded({ extended: false, limit: '1kb' }), async (req, res) => {
    const token = typeof req.query.token === 'string' ? req.query.token : '';
    const wantsHtml = req.accepts(['json', 'html']) === 'html';
    try {
      const kind = await preferences.unsubscribe(token, req.ip ?? null);
      if (wantsHtml)
        page(
          res,
          200,
          'Unsubscribed',
          `You will no longer receive ${KIND_WORDS[kind]} from Pace. You can turn them on again in Settings.`,
        );
      else res.json({ unsubscribed: kind });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const known = error as AppError<string>;
      if (wantsHtml) page(res, 400, 'Link not valid', known.message);
      else res.status(400).json({ errors: [appErrorBody(known)] });
    }
  });
  return router;
}

function page(res: Response, status: number, title: string, text: string, extra = ''): void {
  res
    .status(status)
    .type('html')
    .send(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)} · Pace</title></head><body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p>${extra}</main></body></html>`,
    );
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
