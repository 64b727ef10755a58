// Preloaded with `node --import bench/rss-probe.mjs`: on exit, writes the process's peak RSS (KiB) and its
// CPU time (user + system, microseconds) to $RSS_OUT as JSON.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  if (!process.env.RSS_OUT) return;
  const u = process.resourceUsage();
  writeFileSync(
    process.env.RSS_OUT,
    JSON.stringify({ maxRSS: u.maxRSS, cpuMicros: u.userCPUTime + u.systemCPUTime }),
  );
});
