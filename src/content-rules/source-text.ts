/** A file's text, or why it cannot be read as text. */
export type SourceText =
  { ok: true; text: string } | { ok: false; reason: 'empty' | 'binary' | 'encoding'; line?: number };

const strict = () => new TextDecoder('utf-8', { fatal: true });

/** The line (1-based) of a byte offset: one more than the newlines before it. */
function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** The byte offset of the first sequence that is not UTF-8: the longest prefix that decodes is valid. */
function firstInvalidByte(bytes: Uint8Array): number {
  let [low, high] = [0, bytes.length];
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    try {
      // `stream` lets a prefix end half-way through a character without counting as an error.
      strict().decode(bytes.subarray(0, mid), { stream: true });
      low = mid;
    } catch {
      high = mid - 1;
    }
  }
  return low;
}

/**
 * Reads bytes as UTF-8 text, telling an empty file, a binary file (a Word document renamed .md)
 * and text in another encoding (Windows-1252 from Word or Excel) apart, with the line of the first bad byte.
 * @example sourceText(Buffer.from('caf\xe9', 'latin1')) // => { ok: false, reason: 'encoding', line: 1 }
 */
export function sourceText(bytes: Uint8Array): SourceText {
  if (bytes.length === 0 || bytes.every((b) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09)) {
    return { ok: false, reason: 'empty' };
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) return { ok: false, reason: 'binary' };
  try {
    return { ok: true, text: strict().decode(bytes) };
  } catch {
    return { ok: false, reason: 'encoding', line: lineAt(bytes, firstInvalidByte(bytes)) };
  }
}
