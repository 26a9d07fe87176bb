// Preloaded into a Node child where GNU time is missing: records the child's own peak RSS (KiB).
'use strict'
const file = process.env.BENCH_RSS_FILE
if (file) process.on('exit', () => require('node:fs').writeFileSync(file, String(process.resourceUsage().maxRSS)))
