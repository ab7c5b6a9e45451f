import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { emailImagesFor } from './email-images.ts';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A built site with one email edition showing two of Astro's WebP images: a flat chart and a photograph. */
async function site() {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'ld-email-images-'));
  made.push(out);
  fs.mkdirSync(path.join(out, '_astro'));
  fs.mkdirSync(path.join(out, 'bulletins/2015-03'), { recursive: true });
  const size = { width: 240, height: 160, channels: 3 as const };
  await sharp({ create: { ...size, background: '#005eb8' } })
    .webp()
    .toFile(path.join(out, '_astro/chart.Ab1.webp'));
  await sharp({ create: { ...size, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 40 } } })
    .webp()
    .toFile(path.join(out, '_astro/photo.Cd2.webp'));
  const html =
    '<p><img src="https://x.test/_astro/chart.Ab1.webp" alt="A chart" loading="lazy" decoding="async"></p>' +
    '<p><img alt="A photo" src="https://x.test/_astro/photo.Cd2.webp"></p>' +
    '<p><img src="https://x.test/assets/images/logo.png" alt="Logo"></p>';
  fs.writeFileSync(path.join(out, 'bulletins/2015-03/email.html'), html);
  fs.writeFileSync(path.join(out, 'bulletins/2015-03/index.html'), html);
  return out;
}

describe('the email editions’ images', () => {
  it('are PNG for a flat chart and JPEG for a photograph, beside the WebP the page keeps', async () => {
    const out = await site();
    expect((await emailImagesFor(out)).sort()).toEqual(['_astro/chart.Ab1.png', '_astro/photo.Cd2.jpg']);
    const email = fs.readFileSync(path.join(out, 'bulletins/2015-03/email.html'), 'utf8');
    expect(email).toBe(
      '<p><img src="https://x.test/_astro/chart.Ab1.png" alt="A chart"></p>' +
        '<p><img alt="A photo" src="https://x.test/_astro/photo.Cd2.jpg"></p>' +
        '<p><img src="https://x.test/assets/images/logo.png" alt="Logo"></p>',
    );
    expect((await sharp(path.join(out, '_astro/chart.Ab1.png')).metadata()).format).toBe('png');
    expect((await sharp(path.join(out, '_astro/photo.Cd2.jpg')).metadata()).format).toBe('jpeg');
    // The page is untouched.
    expect(fs.readFileSync(path.join(out, 'bulletins/2015-03/index.html'), 'utf8')).toContain('chart.Ab1.webp');
    expect(fs.existsSync(path.join(out, '_astro/chart.Ab1.webp'))).toBe(true);
  });

  it('leaves a site without bulletins alone', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'ld-email-images-'));
    made.push(out);
    expect(await emailImagesFor(out)).toEqual([]);
  });
});
