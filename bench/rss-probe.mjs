// Preloaded with `node --import bench/rss-probe.mjs`: on exit, writes the process's peak RSS (KiB) and its
// CPU time (user + system, microseconds) to $RSS_OUT as JSON.
// The peak is VmHWM of /proc/self/status where there is one: on Linux resourceUsage().maxRSS of a spawned
// process starts at its parent's RSS at the fork (exec keeps it), so a large parent would show as ours.
import { readFileSync, writeFileSync } from 'node:fs';

function peakKiB(fallback) {
  try {
    const kib = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    return kib === undefined ? fallback : Number(kib);
  } catch {
    return fallback;
  }
}

process.on('exit', () => {
  if (!process.env.RSS_OUT) return;
  const u = process.resourceUsage();
  writeFileSync(
    process.env.RSS_OUT,
    JSON.stringify({ maxRSS: peakKiB(u.maxRSS), cpuMicros: u.userCPUTime + u.systemCPUTime }),
  );
});
