// Writes a file so that a crash, a full disk or a pulled plug never leaves half a
// file behind: temp file in the same folder, fsync, rename over the target.
// Pure Node (no Electron) so the save dialog, exports and backups can share it.
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { open, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export interface AtomicWriteOptions {
  /** Permission bits for a new file; an existing file keeps its own. */
  mode?: number;
}

/** A write that failed, with a message a facilitator can act on. */
export class AtomicWriteError extends Error {
  constructor(
    readonly code: string,
    readonly path: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'AtomicWriteError';
  }
}

/** Turns a Node file-system error into a sentence about what to do. */
export function describeWriteError(error: unknown, path: string): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const folder = dirname(path);
  const name = basename(path);
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return `Leanmap is not allowed to save "${name}" in ${folder}. Choose another folder, or check that folder's permissions.`;
    case 'ENOSPC':
      return `There is not enough free space to save "${name}" in ${folder}. Free some space or choose another drive; nothing was changed.`;
    case 'EDQUOT':
      return `Your disk quota is full, so "${name}" could not be saved in ${folder}. Free some space or choose another drive.`;
    case 'EROFS':
      return `${folder} is on a read-only drive, so "${name}" could not be saved there. Choose another folder.`;
    case 'ENOENT':
    case 'ENOTDIR':
      return `The folder ${folder} does not exist (any more), so "${name}" could not be saved. Choose another folder.`;
    case 'EISDIR':
    case 'ENOTEMPTY':
    case 'EEXIST':
      return `"${path}" is a folder, not a file. Choose another name.`;
    case 'ENAMETOOLONG':
      return `The name "${name}" is too long for this drive. Choose a shorter name.`;
    case 'EBUSY':
      return `"${name}" is open in another program, so Leanmap could not replace it. Close it there and save again.`;
    case 'EIO':
      return `The drive holding ${folder} reported an error while saving "${name}". Try again, or save to another drive.`;
    default:
      return `Leanmap could not save "${path}": ${(error as Error | undefined)?.message ?? String(error)}`;
  }
}

async function existingMode(path: string): Promise<number | undefined> {
  try {
    const info = await stat(path);
    return info.isFile() ? info.mode & 0o7777 : undefined;
  } catch {
    return undefined;
  }
}

/** fsyncs the folder so the rename itself survives a power cut (POSIX only). */
async function syncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return;
  let handle: FileHandle | undefined;
  try {
    handle = await open(folder, constants.O_RDONLY);
    await handle.sync();
  } catch {
    // Some file systems refuse to fsync a directory; the data itself is already synced.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const folder = dirname(path);
  // Hidden, unique and in the same folder, so the rename never crosses a drive.
  const temp = join(folder, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const keepMode = await existingMode(path);
  let handle: FileHandle | undefined;
  let created = false;
  try {
    handle = await open(temp, 'wx', options.mode ?? 0o666);
    created = true;
    // Replacing a file keeps its permissions (open() would apply the umask).
    if (keepMode !== undefined && process.platform !== 'win32') await handle.chmod(keepMode);
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(temp, path);
    created = false;
  } catch (error) {
    await handle?.close().catch(() => undefined);
    if (created) await unlink(temp).catch(() => undefined);
    throw new AtomicWriteError(
      (error as NodeJS.ErrnoException).code ?? 'UNKNOWN',
      path,
      describeWriteError(error, path),
      { cause: error },
    );
  }
  await syncFolder(folder);
}
