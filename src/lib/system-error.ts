import { displayPath } from '../content-rules/display-path.ts';
import { userError } from './user-error.ts';

/** What each system failure means for someone building the site, and what to do. */
const WORDS: Record<string, { what: string; fix: string }> = {
  ENOSPC: {
    what: 'The disk is full',
    fix: 'Free some space on the disk (old sites in .build/releases/ and Astro’s cache in node_modules/.astro/ can be deleted), then build again.',
  },
  EDQUOT: {
    what: 'Your share of the disk is used up',
    fix: 'Delete files you do not need, or ask for a larger quota, then build again.',
  },
  EMFILE: {
    what: 'Too many files were open at once',
    fix: 'Raise the limit of open files (`ulimit -n 4096`) and build again; tell the developers, as the build should stay within the limit.',
  },
  ENFILE: {
    what: 'The computer has too many files open',
    fix: 'Close other programs, or wait for other builds to finish, then build again.',
  },
  EXDEV: {
    what: 'A file could not be moved from one disk to another',
    fix: 'Use folders on the same disk as the project (--dist), or copy the finished site with rsync.',
  },
  EACCES: {
    what: 'The build is not allowed to write or read a file',
    fix: 'Check that the folder is yours and not read-only (ls -l), then build again.',
  },
  EPERM: {
    what: 'The build is not allowed to change a file',
    fix: 'Check that the folder is yours and not read-only (ls -l), then build again.',
  },
  EROFS: { what: 'The disk is read-only', fix: 'Build on a disk you can write to.' },
  EIO: {
    what: 'The disk could not be read or written',
    fix: 'The disk may be failing or disconnected: check it, then build again.',
  },
};

/** A failure of the operating system (a full disk, too many open files…), as Node reports it. */
export function isSystemError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && 'syscall' in error;
}

/**
 * A system failure in plain words, with the file it happened on: what happened, and what to do. The
 * system's own code (ENOSPC…) is kept at the end, for whoever searches for it.
 * @example systemErrorWords(enospc) // => { message: 'The disk is full (writing dist/index.html.gz).', hint: 'Free some space …' }
 */
export function systemErrorWords(error: NodeJS.ErrnoException): { message: string; hint: string } {
  const words = WORDS[error.code ?? ''] ?? {
    what: 'The system refused a file operation',
    fix: 'Check the file named and that there is space on the disk, then build again. If it happens again, tell the developers, with this message.',
  };
  const file = error.path ? ` (${error.syscall ?? 'using'} ${displayPath(error.path)})` : '';
  return { message: `${words.what}${file}. [${error.code}]`, hint: words.fix };
}

/**
 * A system failure as an error Astro and the build print without a stack trace; other errors unchanged.
 * @example throw asUserError(error)
 */
export function asUserError(error: unknown): unknown {
  if (!isSystemError(error)) return error;
  const { message, hint } = systemErrorWords(error);
  return userError(message, hint);
}
