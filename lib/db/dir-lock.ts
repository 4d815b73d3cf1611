import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import { DatabaseOpenError } from "./errors";

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * An exclusive pid lock file. A lock left by a dead process is taken over; a lock held by a
 * live one is a clear error. Returns the release function (also run at process exit).
 */
export function acquireDirLock(file: string): () => void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off("exit", release);
        try {
          if (readFileSync(file, "utf8").trim() === String(process.pid)) unlinkSync(file);
        } catch {
          /* already gone */
        }
      };
      process.on("exit", release);
      return release;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") {
        throw new DatabaseOpenError(`Cannot create the lock file ${file}: ${(e as Error).message}`);
      }
      const holder = Number.parseInt(readFileSync(file, "utf8").trim(), 10);
      if (holder === process.pid) throw new DatabaseOpenError(`The embedded database is already open in this process (${file}).`);
      if (Number.isFinite(holder) && isAlive(holder)) {
        throw new DatabaseOpenError(
          `The embedded database is in use by another process (pid ${holder}). Stop it first, or set DATA_DIR to another folder.`,
        );
      }
      unlinkSync(file); // stale lock of a dead process
    }
  }
  throw new DatabaseOpenError(`Could not take the lock ${file}.`);
}
