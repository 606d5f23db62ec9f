#!/usr/bin/env node
// Runs the TypeScript command line directly (tsx compiles on the fly), so `npx samkalk` works right after `npm ci`.
require("tsx/cjs/api").register();
require("../src/cli/main.ts").main(process.argv).then(
  // exitCode, not exit(): exit() would cut off output still queued for a pipe.
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    console.error(err && err.stack ? err.stack : String(err));
    process.exitCode = 2;
  },
);
