// Preloaded into the benchmarked CLI (`node --import report-rss.mjs …`): samples the process's resident set
// size every 20 ms and prints the peak, with the CPU time the process used, as a JSON line on stderr when it
// exits, next to its `--progress jsonl` events. (getrusage's maxrss is no use here: Linux carries it over from
// the forking parent across exec.) On a busy machine the CPU time shows what the wall time cannot.
let peak = process.memoryUsage.rss();
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage.rss());
}, 20);
sampler.unref();
process.on('exit', () => {
  peak = Math.max(peak, process.memoryUsage.rss());
  const cpu = process.cpuUsage();
  const cpuMs = Math.round((cpu.user + cpu.system) / 1000);
  process.stderr.write(`${JSON.stringify({ event: 'rss', maxRssKb: Math.round(peak / 1024), cpuMs })}\n`);
});
