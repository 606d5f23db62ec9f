#!/usr/bin/env node
// Runs a TypeScript file with tsx's require hook: node bin/run-ts.js FILE.ts [args]
require("tsx/cjs/api").register();
const path = require("node:path");
const file = process.argv[2];
process.argv.splice(1, 1);
require(path.resolve(file));
