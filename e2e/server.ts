import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Starting the demo server and building the web UI: used by the global setup and by every browser test file. */
const ROOT = join(import.meta.dirname, '..');

export interface RunningServer {
  url: string;
  /** the server's own data folder (a PGlite data directory) */
  dataDir: string;
  stop(opts?: { keepData?: boolean }): Promise<void>;
}

export function buildWebNow() {
  const r = spawnSync('npm', ['run', 'build', '-w', '@kefu/web'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('web build failed');
}

/**
 * `main.ts --demo` (what `npm run demo` runs) on its own data folder and `port`; resolves when it answers
 * /api/health. With `template`, the folder starts as a copy of that already seeded data directory.
 */
export async function startDemoServer(port: number, opts: { template?: string | null; timeoutMs?: number } = {}): Promise<RunningServer> {
  const root = mkdtempSync(join(tmpdir(), 'kefu-e2e-'));
  const dataDir = join(root, 'pglite');
  if (opts.template) cpSync(opts.template, dataDir, { recursive: true });
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'packages/server/src/main.ts'), '--demo'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      KEFU_DATA_DIR: dataDir,
      KEFU_ADMIN_PASSWORD: 'admin-e2e-pass',
      DATABASE_URL: '',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (opts.timeoutMs ?? 200_000);
  for (;;) {
    if (child.exitCode !== null) {
      rmSync(root, { recursive: true, force: true });
      throw new Error(`server exited: ${output}`);
    }
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      rmSync(root, { recursive: true, force: true });
      throw new Error(`server did not start: ${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    dataDir,
    stop: async ({ keepData = false } = {}) => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
      }
      if (!keepData) rmSync(root, { recursive: true, force: true });
    },
  };
}
