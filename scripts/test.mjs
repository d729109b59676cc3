// `npm test`: type check, lint, then every test (pure rules, integration on PGlite and PostgreSQL,
// browser flows in Debian's chromium). What cannot run here is skipped with the reason printed;
// under CI=true nothing is skipped (the suites fail instead).
import { spawnSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const steps = [
  ['type check', 'npx', ['tsc', '-b', '--noEmit']],
  ['lint', 'npx', ['eslint', '--max-warnings=0', '.']],
  ['tests', 'npx', ['vitest', 'run', ...process.argv.slice(2)]],
];
for (const [name, cmd, args] of steps) {
  console.log(`\n== ${name}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root });
  if (r.status !== 0) {
    console.error(`\n== ${name} failed`);
    process.exit(r.status ?? 1);
  }
}
