/** What a command may print: data to stdout, people-facing notes and progress to stderr. */
export interface CommandIo {
  out(line: string): void;
  err(line: string): void;
  progress(label: string): { update(done: number, total: number): void; done(): void };
}

export function createProcessIo(): CommandIo {
  const tty = Boolean(process.stderr.isTTY);
  return {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    progress(label) {
      let shown = false;
      return {
        update(done, total) {
          if (!tty || total < 2000) return;
          const width = 30;
          const filled = Math.round((done / total) * width);
          const bar = `${'#'.repeat(filled)}${' '.repeat(width - filled)}`;
          process.stderr.write(`\r${label} [${bar}] ${Math.round((done / total) * 100)}% ${done}/${total}`);
          shown = true;
        },
        done() {
          if (shown) process.stderr.write('\n');
        },
      };
    },
  };
}

/** Collects output in memory: for tests. */
export function createMemoryIo(): CommandIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    out: (line) => stdout.push(line),
    err: (line) => stderr.push(line),
    progress: () => ({ update() {}, done() {} }),
  };
}
