import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createLogMailer } from './mailer';

describe('the mailer without SMTP', () => {
  it('keeps each mail as a file in MAIL_OUTBOX_DIR', async () => {
    const dir = path.join(await mkdtemp(path.join(tmpdir(), 'pace-mail-')), 'outbox');
    const mailer = createLogMailer({
      logger: pino({ level: 'silent' }),
      from: 'Pace <p@x>',
      outboxDir: dir,
    });
    await mailer.send({ to: 'a@example.com', subject: 'Reset', text: 'link' });
    const [file, ...rest] = await readdir(dir);
    expect(rest).toEqual([]);
    expect(JSON.parse(await readFile(path.join(dir, file ?? ''), 'utf8'))).toEqual({
      from: 'Pace <p@x>',
      to: 'a@example.com',
      subject: 'Reset',
      text: 'link',
    });
  });
});
