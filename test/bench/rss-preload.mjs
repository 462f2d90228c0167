// Loaded with `node --import` by the benchmark: reports the process's peak
// resident set size (all threads) on stderr when it exits.
process.on('exit', () => {
  process.stderr.write(`\nQINGXI_BENCH_MAXRSS_KB=${process.resourceUsage().maxRSS}\n`);
});
