#!/usr/bin/env node
// Committed so pnpm links the `nabla-bench` bin at install time, before the first build; the code is dist/cli.js.
import "../dist/cli.js";
