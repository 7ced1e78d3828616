import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppError } from '../errors.js';

export type DataDirLock = { release(): void };

/**
 * The embedded store is one process's: PGlite has no locking of its own, and two processes on one
 * data folder corrupt it. A pid file taken with O_EXCL makes the second process fail at once.
 * A file left by a process that died is taken over.
 */
export function acquireDataDirLock(dataDir: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'keel.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, `${process.pid}\n${process.argv.slice(2).join(' ')}\n`);
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off('exit', release);
        try {
          if (readFileSync(file, 'utf8').startsWith(`${process.pid}\n`)) unlinkSync(file);
        } catch {
          // already gone
        }
      };
      process.on('exit', release);
      return { release };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const [pidText, command] = safeRead(file).split('\n');
      const pid = Number(pidText);
      if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) {
        throw new AppError(
          'STORE_LOCKED',
          `The data folder ${resolve(dataDir)} is in use by process ${pid}${command ? ` (keel ${command})` : ''}. ` +
            'The embedded database belongs to one process: stop that process first, or run Keel on PostgreSQL (DATABASE_URL).',
        );
      }
      try {
        unlinkSync(file); // stale: its process is gone
      } catch {
        // another process removed it first; retry
      }
    }
  }
  throw new AppError('STORE_LOCKED', `Could not lock the data folder ${resolve(dataDir)}.`);
}

function safeRead(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
