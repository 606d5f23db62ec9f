#!/usr/bin/env node
// Runs the TypeScript command line directly (tsx compiles on the fly), so `npx samkalk` works right after `npm ci`.
require("tsx/cjs/api").register();
require("../src/cli/main.ts").main(process.argv).then(
  (code) => process.exit(code),
  (err) => {
    console.error(err && err.stack ? err.stack : String(err));
    process.exit(2);
  },
);
