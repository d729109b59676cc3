/** Configuration from the environment; read once in main.ts, passed to buildApp. */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  secureCookies: boolean;
  webDist: string | null;
  logLevel: string;
  version: string;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.KEFU_DATA_DIR ?? './data/pglite',
    secureCookies: env.KEFU_SECURE_COOKIES === 'true',
    webDist: null,
    logLevel: env.LOG_LEVEL ?? 'info',
    version: '0.1.0',
  };
}
