#!/usr/bin/env node
// The command line. Runs the prebuilt bundle (bin/cliBundle.js builds it from src/ when missing or stale), so
// `npx samkalk` works right after `npm ci` and starts without compiling TypeScript.
const { loadCli, saveCodeCache } = require("./cliBundle.js");
// `samkalk … | head -1`: the reader has gone, so there is nobody left to tell; end quietly.
process.stdout.on("error", (err) => {
  if (err && err.code === "EPIPE") process.exit(0);
  throw err;
});
loadCli().main(process.argv).then(
  // exitCode, not exit(): exit() would cut off output still queued for a pipe.
  (code) => {
    process.exitCode = code;
    saveCodeCache();
  },
  (err) => {
    console.error(err && err.stack ? err.stack : String(err));
    process.exitCode = 2;
  },
);
