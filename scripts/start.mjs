// `npm start`: builds what is missing (the web export, the server bundle), then runs the API in
// the foreground with the embedded defaults unless DATABASE_URL / REDIS_URL say otherwise.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

function step(label, args) {
  const started = Date.now();
  console.log(`pace: ${label}…`);
  const result = spawnSync(npm, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`pace: ${label} failed`);
    process.exit(result.status ?? 1);
  }
  console.log(`pace: ${label} done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

const webIndex = path.join(root, 'web/out/index.html');
const webStale =
  !existsSync(webIndex) ||
  newestMtime(path.join(root, 'web/src')) > statSync(webIndex).mtimeMs ||
  newestMtime(path.join(root, 'engine/src')) > statSync(webIndex).mtimeMs;
if (webStale) step('building the web app', ['run', 'build', '-w', 'web']);
step('building the server', ['run', 'build', '-w', 'server']);

const child = spawn(process.execPath, [path.join(root, 'server/dist/main.js')], {
  cwd: root,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
