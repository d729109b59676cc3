import nodemailer from 'nodemailer';
import { mailSettingsSchema, type MailSettings } from '@kefu/shared';
import type { Config } from '../config';
import type { Db } from '../db/client';
import { AppError } from './errors';

/**
 * Outgoing email over real SMTP (nodemailer). The server comes from SMTP_URL (env) or the `mail` setting;
 * without either, sending answers `mail.not_configured` (409) and nothing else changes. Never called
 * inside a transaction: SMTP is outside work (PGlite is one session).
 */
export interface MailAttachment {
  filename: string;
  content: Buffer;
  contentType?: string;
}
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  attachments?: MailAttachment[];
}
export interface MailStatus {
  configured: boolean;
  source: 'env' | 'settings' | 'none';
  host: string | null;
  from: string;
}

const KEY = 'mail';
const DEFAULT_FROM = 'kefu@localhost';

export function createMailer(deps: { db: Db; config: Pick<Config, 'smtpUrl' | 'mailFrom'> }) {
  const { db, config } = deps;

  async function settings(): Promise<MailSettings> {
    const row = await db.selectFrom('settings').select('value').where('key', '=', KEY).executeTakeFirst();
    const parsed = mailSettingsSchema.safeParse(row?.value ?? {});
    return parsed.success ? parsed.data : { smtpUrl: '', from: '' };
  }

  async function resolve(): Promise<{ url: string | null; from: string; source: MailStatus['source'] }> {
    const s = await settings();
    if (config.smtpUrl) return { url: config.smtpUrl, from: config.mailFrom || s.from || DEFAULT_FROM, source: 'env' };
    if (s.smtpUrl) return { url: s.smtpUrl, from: s.from || config.mailFrom || DEFAULT_FROM, source: 'settings' };
    return { url: null, from: s.from || DEFAULT_FROM, source: 'none' };
  }

  /** What the screens show: configured or not, and the host only (never the password). */
  async function status(): Promise<MailStatus> {
    const r = await resolve();
    let host: string | null = null;
    if (r.url) {
      try {
        const u = new URL(r.url);
        host = `${u.hostname}${u.port ? `:${u.port}` : ''}`;
      } catch {
        host = null;
      }
    }
    return { configured: Boolean(r.url), source: r.source, host, from: r.from };
  }

  /** Sends one message; answers the server's message id. Throws `mail.not_configured` or `mail.failed`. */
  async function send(msg: MailMessage): Promise<{ messageId: string }> {
    const r = await resolve();
    if (!r.url) throw new AppError('mail.not_configured', 409);
    // a local or test server rarely has a certificate a client would trust; production uses smtps:// or STARTTLS with one
    const transport = nodemailer.createTransport(r.url, { from: r.from });
    try {
      const info = await transport.sendMail({ from: r.from, to: msg.to, subject: msg.subject, text: msg.text, attachments: msg.attachments });
      return { messageId: String(info.messageId ?? '') };
    } catch (e) {
      throw new AppError('mail.failed', 502, { error: e instanceof Error ? e.message.slice(0, 200) : 'SMTP' });
    } finally {
      transport.close();
    }
  }

  return { status, send, settings, KEY };
}
export type Mailer = ReturnType<typeof createMailer>;
