#!/usr/bin/env node
// The simulator ships compiled (npm run build:sim, run on install by "prepare").
import '../dist/sim/cli.js';
