/** One line that rewrites itself on a terminal, and a line per 10% otherwise (CI logs). */
export function progressBar(label: string, total: number) {
  const started = Date.now();
  let lastDecile = -1;
  return (done: number) => {
    const fraction = total === 0 ? 1 : done / total;
    const seconds = (Date.now() - started) / 1000;
    const rate = done / Math.max(seconds, 0.001);
    const eta = rate > 0 ? (total - done) / rate : 0;
    const bar = "#".repeat(Math.round(fraction * 30)).padEnd(30, ".");
    const line = `${label.padEnd(10)} [${bar}] ${String(Math.round(fraction * 100)).padStart(3)}% ${done}/${total}  ${Math.round(rate)}/s  ETA ${Math.round(eta)}s`;
    if (process.stdout.isTTY) process.stdout.write(`\r${line}${done === total ? "\n" : ""}`);
    else if (Math.floor(fraction * 10) > lastDecile) {
      lastDecile = Math.floor(fraction * 10);
      console.log(line);
    }
  };
}
