import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../bin/attain.js', import.meta.url));
const contoso = fileURLToPath(new URL('../examples/contoso-dynamics.json', import.meta.url));

it('stops quietly when its reader closes the pipe early, as `| head -1` does', async () => {
  // The same organization evaluated eight times as JSON: far more than a pipe's buffer, so the CLI is still
  // writing when the reader goes.
  const files = Array.from({ length: 8 }, () => contoso);
  const child = spawn(process.execPath, [bin, 'evaluate', ...files, '--as-of', '2018-03-31', '--format', 'json'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
  child.stdout.destroy();
  const code = await new Promise<number | null>((resolve) => child.on('close', (status) => resolve(status)));
  expect(stderr).toBe('');
  expect(code).toBe(0);
}, 30_000);
