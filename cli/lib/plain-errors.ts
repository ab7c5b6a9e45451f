import { AstroError } from 'astro/errors';
import { isSystemError, systemErrorWords } from '../../src/lib/system-error.ts';

/**
 * What a command prints for an error nothing else caught: never a stack trace, which tells an editor
 * nothing and hides the one line that matters. A system failure (a full disk, too many open files) is
 * said in plain words with what to do; anything else is a fault in the code, said as such.
 * `LD_DEBUG=1` prints the stack too, for developers.
 * @example plainError(Object.assign(new Error('no space'), { code: 'ENOSPC', syscall: 'write' })) // => 'Error: The disk is full. [ENOSPC]\n  Hint: Free some space …'
 */
export function plainError(error: unknown, command: string): string {
  if (isSystemError(error)) {
    const { message, hint } = systemErrorWords(error);
    return `Error: ${message}\n  Hint: ${hint}`;
  }
  if (error instanceof AstroError) return `Error: ${error.message}${error.hint ? `\n  Hint: ${error.hint}` : ''}`;
  const message = error instanceof Error ? error.message : String(error);
  return `Error: ${command} stopped: ${message}\n  This is a fault in the build rather than in the content. Tell the developers, with this message.`;
}

/**
 * Makes any error this process does not catch end it with `plainError`'s words and exit code 1.
 * @example exitPlainlyOnError('npm run build')
 */
export function exitPlainlyOnError(command: string): void {
  const exit = (error: unknown) => {
    console.error(plainError(error, command));
    if (process.env.LD_DEBUG && error instanceof Error) console.error(error.stack);
    process.exit(1);
  };
  process.on('uncaughtException', exit);
  process.on('unhandledRejection', exit);
}
