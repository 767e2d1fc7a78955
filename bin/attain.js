#!/usr/bin/env node
import { main, outputFailure } from '../dist/cli/main.js';

// A reader that stops early (`attain evaluate … | head`) closes the pipe: that is the reader's choice, not a failure,
// so the CLI stops quietly instead of dying on an unhandled EPIPE with a stack trace. Any other failure to write
// (a full disk, a file too large) is said in one coded line on stderr, status 2; when stderr is what failed, nothing
// can be said.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    if (stream === process.stdout) {
      try {
        process.stderr.write(outputFailure(error, process.argv.slice(2)));
      } catch {
        // stderr fails too: the status says it.
      }
    }
    process.exit(2);
  });
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
