import { describe, expect, it } from 'vitest';
import { earlyFinisher, writtenFiles } from './early-finish.ts';

describe('writtenFiles', () => {
  it('names each file Astro reports written, however its output is cut into chunks', () => {
    const files: string[] = [];
    const read = writtenFiles((file) => files.push(file));
    read('02:28:40   ├─ /bulletins/2025-09/email.html (+12ms) \n02:28:40   ├─ /bulletins/2025-0');
    read('9/index.html (+4ms) \n02:28:41 ✓ Completed in 10.36s.\n');
    read('\u001b[34m  ├─\u001b[39m \u001b[2m/index.html\u001b[22m \u001b[2m(+3ms)\u001b[22m\n');
    expect(files).toEqual(['bulletins/2025-09/email.html', 'bulletins/2025-09/index.html', 'index.html']);
  });

  it('waits for the time, which Astro writes once the file is on disk', () => {
    const files: string[] = [];
    const read = writtenFiles((file) => files.push(file));
    read('02:28:40   ├─ /bulletins/2025-09/index.html ');
    expect(files).toEqual([]);
    read('(+4ms)\n');
    expect(files).toEqual(['bulletins/2025-09/index.html']);
  });
});

describe('earlyFinisher', () => {
  it('finishes nothing until started, then each file once, in order, keeping those it did something to', async () => {
    const seen: string[] = [];
    const finisher = earlyFinisher(async (file) => (seen.push(file), file.endsWith('.html')));
    finisher.written('a.html');
    finisher.written('b.png');
    await finisher.idle();
    expect(seen).toEqual([]);
    finisher.start();
    finisher.written('c.html');
    expect([...(await finisher.settle())]).toEqual(['a.html', 'c.html']);
    expect(seen).toEqual(['a.html', 'b.png', 'c.html']);
  });

  it('stops at the first failure and gives it when settled, but idles without throwing', async () => {
    const seen: string[] = [];
    const finisher = earlyFinisher(async (file) => {
      seen.push(file);
      if (file === 'big/email.html') throw new Error('The email edition of big is 120 KB');
      return true;
    });
    finisher.start();
    for (const file of ['a.html', 'big/email.html', 'c.html']) finisher.written(file);
    await finisher.idle();
    await expect(finisher.settle()).rejects.toThrow('120 KB');
    expect(seen).toEqual(['a.html', 'big/email.html']);
  });

  it('lets the event loop run between files, so that Astro’s output goes on being read', async () => {
    const order: string[] = [];
    // Finishing a file here waits on nothing, as compressing one does.
    const finisher = earlyFinisher(async (file) => {
      order.push(file);
      return true;
    });
    for (const file of ['a.html', 'b.html', 'c.html']) finisher.written(file);
    setImmediate(() => order.push('event loop'));
    finisher.start();
    await finisher.settle();
    expect(order).toEqual(['a.html', 'event loop', 'b.html', 'c.html']);
  });
});
