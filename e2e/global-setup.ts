import { existsSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildWebNow, startDemoServer } from './server';

declare module 'vitest' {
  export interface ProvidedContext {
    /** the web UI was built by this run (under CI=true), so the files need not build it again */
    webBuilt: boolean;
    /** a PGlite data directory holding the seeded demo department, copied by each file's server; null: seed per file */
    demoTemplate: string | null;
  }
}

const ROOT = join(import.meta.dirname, '..');
const CHROMIUM = process.env.KEFU_CHROMIUM ?? '/usr/bin/chromium';

/**
 * Once per run of the browser tests: build the web UI (always under CI=true, else only when it is missing:
 * several people's local runs must not rebuild each other's dist mid-test) and seed one demo department whose
 * data folder every file's server copies. Each file still has its own server and database.
 */
export default async function setup(project: TestProject) {
  if (!existsSync(CHROMIUM) && process.env.CI !== 'true') {
    project.provide('webBuilt', false);
    project.provide('demoTemplate', null);
    return;
  }
  const build = process.env.CI === 'true' || !existsSync(join(ROOT, 'packages/web/dist/index.html'));
  if (build) buildWebNow();
  project.provide('webBuilt', build);
  // seeding is the slow part of a start (~20 s on a quiet machine): allow for a loaded one
  const seeded = await startDemoServer(3869, { timeoutMs: 300_000 });
  await seeded.stop({ keepData: true });
  project.provide('demoTemplate', seeded.dataDir);
  return () => rmSync(dirname(seeded.dataDir), { recursive: true, force: true });
}
