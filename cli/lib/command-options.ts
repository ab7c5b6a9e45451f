/**
 * The options of one of our commands, read with Node's parseArgs, and the one way a command stops on a
 * mistake: `Error: …` on stderr, exit code 1, no stack trace (the guide's rule for bad input).
 */
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';

/** Stops the command with a plain message. */
export function fail(message: string): never {
  console.error(`Error: ${message}`);
  process.exit(1);
}

/**
 * The command's options; an unknown or malformed one stops it, naming the option and the command and
 * ending with `usage` (what the command takes).
 * @example commandOptions('npm run publish', { status: { type: 'boolean' } }, 'It takes --status.')
 */
export function commandOptions<T extends ParseArgsOptionsConfig>(command: string, options: T, usage: string) {
  try {
    return parseArgs({ options, allowPositionals: false }).values;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const unknown = /option '([^']+)'/.exec(message)?.[1];
    return fail(`${unknown ? `\`${unknown}\` is not an option of ${command}.` : message.split('.')[0]}\n${usage}`);
  }
}
