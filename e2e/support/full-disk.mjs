/**
 * Loaded with `node --import` (through NODE_OPTIONS) into a build, this makes the disk look full to the
 * finishing step: writing any compressed copy (`.gz`, `.br`) fails with ENOSPC, as it does on a real
 * full disk, after the pages themselves were written. Nothing else is changed. Plain JavaScript, as npm
 * itself may run on an older Node that does not read TypeScript.
 */
import fs from 'node:fs';

const writeFile = fs.promises.writeFile;
fs.promises.writeFile = (file, ...rest) => {
  if (typeof file === 'string' && /\.(gz|br)$/.test(file)) {
    const error = Object.assign(new Error('ENOSPC: no space left on device, write'), {
      code: 'ENOSPC',
      errno: -28,
      syscall: 'write',
      path: file,
    });
    return Promise.reject(error);
  }
  return writeFile(file, ...rest);
};
