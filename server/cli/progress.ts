/**
 * Progress of long work on the command line, on stderr so it never mixes with a command's output
 * (a report's JSON goes to stdout). On a terminal a counter is a bar (cli-progress) or a line
 * rewritten in place; in a log (CI, a cron job, a pipe) one line per step or per batch, so the
 * log says how far the work got when it stopped.
 */
import cliProgress from 'cli-progress';

export type Counter = {
  /** `done` items so far (of the total given to `counter`, when known). */
  update(done: number): void;
  finish(): void;
};

export type Progress = {
  /** Runs one step: says what it does, then how long it took (or that it failed). */
  step<T>(label: string, work: () => Promise<T>): Promise<T>;
  /** Counts work done in batches; `total` when it is known beforehand. */
  counter(label: string, total?: number): Counter;
};

const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

/** One line per event, written with `write` (stderr in a log; an array in tests). */
export function lineProgress(write: (line: string) => void): Progress {
  return {
    async step(label, work) {
      const started = Date.now();
      write(`${label}…`);
      try {
        const result = await work();
        write(`${label}: done in ${seconds(started)}`);
        return result;
      } catch (err) {
        write(`${label}: failed after ${seconds(started)}`);
        throw err;
      }
    },
    counter(label, total) {
      let last = -1;
      let lastAt = 0;
      const line = (done: number) => `${label}: ${done.toLocaleString('en')}${total === undefined ? '' : ` of ${total.toLocaleString('en')}`}`;
      return {
        // At most one line a second: a log of a million-row job stays readable.
        update(done) {
          last = done;
          if (Date.now() - lastAt < 1000) return;
          lastAt = Date.now();
          write(line(done));
        },
        finish() {
          if (last >= 0) write(`${line(last)}, finished`);
        },
      };
    },
  };
}

/** Progress on a terminal: a bar for counted work, a rewritten line otherwise. */
function terminalProgress(stream: NodeJS.WriteStream): Progress {
  const lines = lineProgress((l) => stream.write(`${l}\n`));
  return {
    step: lines.step,
    counter(label, total) {
      if (total === undefined) {
        let last = 0;
        return {
          update(done) {
            last = done;
            stream.write(`\r${label}: ${done.toLocaleString('en')}`);
          },
          finish() {
            stream.write(`\r${label}: ${last.toLocaleString('en')}, finished\n`);
          },
        };
      }
      const bar = new cliProgress.SingleBar({ stream, format: `${label} [{bar}] {percentage}% | {value}/{total}`, hideCursor: true }, cliProgress.Presets.shades_classic);
      bar.start(total, 0);
      return { update: (done) => bar.update(done), finish: () => bar.stop() };
    },
  };
}

export function stderrProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  return stream.isTTY ? terminalProgress(stream) : lineProgress((l) => stream.write(`${l}\n`));
}
