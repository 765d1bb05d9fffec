import { Presets, SingleBar } from 'cli-progress';

export interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

/** A progress bar on a terminal; a log line every few seconds otherwise (CI logs, pipes). */
export function progress(label: string): Progress {
  if (process.stderr.isTTY) {
    const bar = new SingleBar(
      { format: `${label} [{bar}] {percentage}% {value}/{total}`, stream: process.stderr },
      Presets.shades_classic,
    );
    let started = false;
    return {
      update(done, total) {
        if (!started) {
          bar.start(total, 0);
          started = true;
        }
        bar.setTotal(total);
        bar.update(done);
      },
      stop: () => bar.stop(),
    };
  }
  let last = 0;
  return {
    update(done, total) {
      if (Date.now() - last < 5_000) return;
      last = Date.now();
      process.stderr.write(`${label}: ${done}/${total}\n`);
    },
    stop: () => undefined,
  };
}
