import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AppError } from '../errors.js';
import { acquireDataDirLock } from './lock.js';

const freshDir = () => mkdtempSync(join(tmpdir(), 'keel-lock-'));

describe('data folder lock', () => {
  it('lets one holder in and refuses a second at once, naming the holder', () => {
    const dir = freshDir();
    const lock = acquireDataDirLock(dir);
    try {
      expect(() => acquireDataDirLock(dir)).toThrow(/in use by process \d+/);
      try {
        acquireDataDirLock(dir);
      } catch (err) {
        expect((err as AppError).code).toBe('STORE_LOCKED');
      }
    } finally {
      lock.release();
    }
    expect(existsSync(join(dir, 'keel.lock'))).toBe(false);
    acquireDataDirLock(dir).release();
  });

  it('takes over a lock left by a process that died', async () => {
    const dir = freshDir();
    const child = spawn(process.execPath, ['-e', '0']);
    const pid = child.pid!;
    await new Promise((r) => child.on('exit', r));
    writeFileSync(join(dir, 'keel.lock'), `${pid}\nserve\n`);
    const lock = acquireDataDirLock(dir);
    lock.release();
  });

  it('refuses while another live process holds it', async () => {
    const dir = freshDir();
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 10000)']);
    try {
      writeFileSync(join(dir, 'keel.lock'), `${child.pid}\nserve\n`);
      expect(() => acquireDataDirLock(dir)).toThrow(new RegExp(`process ${child.pid} \\(keel serve\\)`));
    } finally {
      child.kill();
    }
  });
});
