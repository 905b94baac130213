// Loaded into each measured `fieldkit` process (`node --import`): writes the process's own CPU time to stderr as it
// exits, so that the bench can print a figure the machine's load inflates far less than the wall time.
process.on('exit', () => {
  const { user, system } = process.cpuUsage();
  process.stderr.write(`\nfieldkit-bench-cpu-us ${user + system}\n`);
});
