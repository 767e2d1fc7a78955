import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * V8 on one core: garbage collection and optimizing compilation on the main thread instead of helper threads. A
 * worker process with V8's defaults used about 1.4 cores (its helper threads took some 1.9 of every 6.3 ms per
 * organization), so two workers on two cores, beside PostgreSQL, reached only about 1.3 times one; on one core each,
 * the work per organization is the same and the processes add up.
 */
export const ONE_CORE_FLAGS: readonly string[] = ['--single-threaded-gc', '--no-concurrent-recompilation'];

const CLI = fileURLToPath(new URL('../../bin/attain.js', import.meta.url));

/** Whether this process already runs with ONE_CORE_FLAGS. */
export function onOneCore(): boolean {
  return ONE_CORE_FLAGS.every((flag) => process.execArgv.includes(flag));
}

/**
 * Runs `attain ARGV` again in a child process with ONE_CORE_FLAGS (they can only be given when V8 starts), passing
 * it SIGINT and SIGTERM, and resolves with its exit status. The child shares this process's output, and ends itself
 * if this process dies (its IPC channel closes), so it never outlives whoever started it.
 */
export function rerunOnOneCore(argv: readonly string[]): Promise<number> {
  const child = spawn(process.execPath, [...ONE_CORE_FLAGS, CLI, ...argv], { stdio: ['inherit', 'inherit', 'inherit', 'ipc'] });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code ?? (signal === 'SIGINT' || signal === 'SIGTERM' ? 0 : 1));
    });
  });
}
