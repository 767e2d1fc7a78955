#!/usr/bin/env node
import { main } from '../dist/cli/main.js';

// A reader that stops early (`attain evaluate … | head`) closes the pipe: that is the reader's choice, not a failure,
// so the CLI stops quietly instead of dying on an unhandled EPIPE with a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
