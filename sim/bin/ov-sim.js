#!/usr/bin/env node
// The simulator ships compiled (npm run build in sim/, run on install by "prepare").
import '../dist/cli.js';
