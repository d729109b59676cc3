/** Configuration from the environment; read once in main.ts, passed to buildApp. */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  secureCookies: boolean;
  /** behind a reverse proxy: trust X-Forwarded-For from it (sign-in throttling and the audit log use the address) */
  trustProxy: boolean;
  webDist: string | null;
  logLevel: string;
  version: string;
  /** outgoing mail (SMTP_URL, e.g. smtp://user:pass@host:587); wins over the mail setting */
  smtpUrl?: string | undefined;
  /** the From address of outgoing mail (MAIL_FROM) */
  mailFrom?: string | undefined;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.KEFU_DATA_DIR ?? './data/pglite',
    secureCookies: env.KEFU_SECURE_COOKIES === 'true',
    trustProxy: env.KEFU_TRUST_PROXY === 'true',
    webDist: null,
    logLevel: env.LOG_LEVEL ?? 'info',
    version: '0.1.0',
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM || undefined,
  };
}
