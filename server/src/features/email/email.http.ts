import express, { Router, type Request, type Response } from 'express';
import { AppError } from '../../graphql/app-error';
import { appErrorBody } from '../../graphql/format-error';
import { MAIL_LANGUAGES, mailLanguage, mailWords, type MailWordKey } from '../accounts';
import type { EmailPreferencesService } from './email-preferences.service';

const PATH = '/api/email/unsubscribe';

/** The stored locale of a person ("de-DE"); null when unknown. */
export type LocaleOf = (userId: string) => Promise<string | null>;

/**
 * One-click unsubscribe from a mail, without signing in. `GET` only shows a button (mail scanners
 * open links, and must not unsubscribe anyone); `POST` (the button, or a mail client's
 * List-Unsubscribe-Post per RFC 8058) switches the kind off. HTML for browsers, JSON otherwise.
 * The page speaks the language of the link's owner, or the browser's when the link is not valid.
 */
export function emailRouter(preferences: EmailPreferencesService, localeOf: LocaleOf): Router {
  const router = Router();
  const browserLanguage = (req: Request) => req.acceptsLanguages(MAIL_LANGUAGES) || 'en';

  router.get(PATH, async (req, res) => {
    const token = typeof req.query.token === 'string' ? req.query.token : '';
    const checked = await preferences.checkUnsubscribeToken(token);
    if (!checked) {
      page(res, 400, browserLanguage(req), 'invalidTitle', 'invalid');
      return;
    }
    const language = mailLanguage(await localeOf(checked.userId));
    const action = `${PATH}?token=${encodeURIComponent(token)}`;
    const button = mailWords(language, 'unsubscribeButton');
    page(
      res,
      200,
      language,
      'unsubscribeTitle',
      'unsubscribeQuestion',
      { kind: checked.kind },
      `<form method="post" action="${escapeHtml(action)}"><button type="submit">${escapeHtml(button)}</button></form>`,
    );
  });
  router.post(PATH, express.urlencoded({ extended: false, limit: '1kb' }), async (req, res) => {
    const token = typeof req.query.token === 'string' ? req.query.token : '';
    const wantsHtml = req.accepts(['json', 'html']) === 'html';
    const checked = wantsHtml ? await preferences.checkUnsubscribeToken(token) : null;
    const language = checked
      ? mailLanguage(await localeOf(checked.userId))
      : mailLanguage(browserLanguage(req));
    try {
      const kind = await preferences.unsubscribe(token, req.ip ?? null);
      if (wantsHtml) page(res, 200, language, 'unsubscribedTitle', 'unsubscribed', { kind });
      else res.json({ unsubscribed: kind });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const known = error as AppError<string>;
      if (wantsHtml) page(res, 400, language, 'invalidTitle', 'invalid');
      else res.status(400).json({ errors: [appErrorBody(known)] });
    }
  });
  return router;
}

function page(
  res: Response,
  status: number,
  language: string,
  titleKey: MailWordKey,
  textKey: MailWordKey,
  values: Record<string, string> = {},
  extra = '',
): void {
  const title = mailWords(language, titleKey);
  const text = mailWords(language, textKey, values);
  const dir = language === 'ar' ? 'rtl' : 'ltr';
  res
    .status(status)
    .type('html')
    .send(
      `<!doctype html><html lang="${language}" dir="${dir}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)} · Pace</title></head><body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p>${extra}</main></body></html>`,
    );
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
