import { describe, expect, it } from 'vitest';
import { sourceText } from './source-text.ts';

describe('sourceText', () => {
  it('reads UTF-8 text', () => {
    expect(sourceText(Buffer.from('Café – “quotes”'))).toEqual({ ok: true, text: 'Café – “quotes”' });
  });

  it('tells empty, binary and wrongly encoded files apart, with the line of the first bad byte', () => {
    expect(sourceText(Buffer.from(''))).toEqual({ ok: false, reason: 'empty' });
    expect(sourceText(Buffer.from(' \n\n'))).toEqual({ ok: false, reason: 'empty' });
    expect(sourceText(Uint8Array.from([0x50, 0x4b, 0, 1]))).toEqual({ ok: false, reason: 'binary' });
    expect(sourceText(Buffer.from('one\ntwo\ncaf\xe9\n', 'latin1'))).toEqual({
      ok: false,
      reason: 'encoding',
      line: 3,
    });
  });

  it('does not mistake a character split at the end of a chunk for an error', () => {
    expect(sourceText(Buffer.from('a\n'.repeat(100) + '€'))).toMatchObject({ ok: true });
  });
});
