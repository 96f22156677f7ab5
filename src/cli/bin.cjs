#!/usr/bin/env node
// The `bemotande` command. Runs the TypeScript sources through tsx, so the CLI always matches
// the policy code in src/ without a separate build step.
"use strict";
require("tsx/cjs/api").register();
const { run } = require("./main.ts");

run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`bemotande: internal error: ${error && error.stack ? error.stack : error}\n`);
    process.exitCode = 70;
  },
);
