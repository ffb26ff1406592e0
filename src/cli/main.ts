#!/usr/bin/env node
process.stdout.write('ai-provenance\n');
