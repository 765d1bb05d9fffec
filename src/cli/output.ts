import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { usageError } from './cli-errors';

/** Where a command's data goes: stdout, or a file that appears whole when the command succeeds. */
export interface DataOutput {
  write(text: string): Promise<void>;
  /** The data is complete: the file takes its name. */
  commit(): void;
  /** Something failed: nothing is left behind. */
  discard(): void;
}

const writeToStdout = (text: string): Promise<void> =>
  new Promise((resolve, reject) => {
    process.stdout.write(text, (error) => (error ? reject(error) : resolve()));
  });

/**
 * Opens the output before any work is done, so an unwritable path is refused
 * at once (exit 2) and nothing is written; a file is written beside its final
 * name and renamed into place at the end.
 */
export function openOutput(path: string | undefined): DataOutput {
  if (path === undefined) {
    return { write: writeToStdout, commit: () => undefined, discard: () => undefined };
  }
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.partial`);
  let fd: number;
  try {
    fd = openSync(temporary, 'wx', 0o644);
  } catch (error) {
    throw usageError(
      `--output ${path}: cannot write there (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
    );
  }
  let open = true;
  const close = () => {
    if (open) closeSync(fd);
    open = false;
  };
  return {
    write: async (text) => {
      writeSync(fd, text);
    },
    commit: () => {
      close();
      try {
        renameSync(temporary, path);
      } catch (error) {
        rmSync(temporary, { force: true });
        throw usageError(
          `--output ${path}: cannot write there (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
        );
      }
    },
    discard: () => {
      close();
      rmSync(temporary, { force: true });
    },
  };
}

/** Runs `produce` against the output, committing it on success and discarding it on failure. */
export async function writeData(
  path: string | undefined,
  produce: (out: DataOutput) => Promise<void>,
): Promise<void> {
  const out = openOutput(path);
  try {
    await produce(out);
    out.commit();
  } catch (error) {
    out.discard();
    throw error;
  }
}
