import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import sharp from 'sharp';

/** An `<img>` of an email edition whose file is one Astro's image service made for the page (WebP or AVIF). */
const PAGE_IMAGE = /(<img\b[^>]*?\bsrc=")(https?:\/\/[^"/]+)?(\/_astro\/[^"]+)\.(webp|avif)"/g;

/**
 * Outlook for Windows shows no WebP or AVIF image (caniemail: image-webp, image-avif), so the email
 * editions get PNG or JPEG copies of their images, made by sharp from the page's file, while the pages
 * keep WebP. PNG keeps charts, maps and logos sharp; a picture without transparency whose PNG is over 1.5
 * times its JPEG is a photograph, and goes as JPEG. (Measured on the NHS logo at 180 px: WebP 2.3 KB,
 * PNG 13.6 KB, palette PNG 6.4 KB, JPEG 4.4 KB: it goes as the palette PNG.) Returns the copies it wrote, relative to `outDir`.
 * @example await emailImagesFor('/repo/.build/work/r1') // => ['_astro/wave-2-map.Bx1.png']
 */
export async function emailImagesFor(outDir: string): Promise<string[]> {
  const bulletins = path.join(outDir, 'bulletins');
  if (!fs.existsSync(bulletins)) return [];
  const made = new Map<string, Promise<string>>();
  const copy = (image: string) => {
    let done = made.get(image);
    if (!done) {
      done = mailableCopy(outDir, image);
      made.set(image, done);
    }
    return done;
  };
  for (const entry of fs.readdirSync(bulletins, { withFileTypes: true })) {
    const file = path.join(bulletins, entry.name, 'email.html');
    if (!entry.isDirectory() || !fs.existsSync(file)) continue;
    // loading="lazy" and decoding="async" are for pages; mail clients lack them (caniemail: html-loading-attribute).
    const html = fs
      .readFileSync(file, 'utf8')
      .replace(/(<img\b[^>]*?)\s(?:loading|decoding)="[^"]*"/g, '$1')
      .replace(/(<img\b[^>]*?)\s(?:loading|decoding)="[^"]*"/g, '$1');
    const found = [...html.matchAll(PAGE_IMAGE)];
    const copies = new Map<string, string>();
    for (const [, , , stem, ext] of found) copies.set(`${stem}.${ext}`, await copy(`${stem}.${ext}`));
    const mailable = html.replace(PAGE_IMAGE, (_all, before: string, origin = '', stem: string, ext: string) => {
      return `${before}${origin}${copies.get(`${stem}.${ext}`)}"`;
    });
    if (mailable !== fs.readFileSync(file, 'utf8')) fs.writeFileSync(file, mailable);
  }
  return [...(await Promise.all(made.values()))].map((address) => address.slice(1));
}

/** Writes a PNG or JPEG copy of a built image beside it; resolves to the copy's address. */
async function mailableCopy(outDir: string, address: string): Promise<string> {
  const source = path.join(outDir, address);
  const stem = address.replace(/\.(webp|avif)$/, '');
  const image = sharp(source);
  const { hasAlpha } = await image.metadata();
  // A palette of at most 256 colours: flat charts, maps and logos stay sharp and small; a photograph
  // needs more colours than that, grows, and goes as JPEG instead.
  const png = await image.clone().png({ compressionLevel: 9, palette: true, quality: 90 }).toBuffer();
  const jpeg = hasAlpha ? undefined : await image.clone().jpeg({ quality: 85, mozjpeg: true }).toBuffer();
  const [bytes, ext] = jpeg && png.length > jpeg.length * 1.5 ? [jpeg, 'jpg'] : [png, 'png'];
  fs.writeFileSync(path.join(outDir, `${stem}.${ext}`), bytes);
  return `${stem}.${ext}`;
}

/** The integration: after every build, the email editions' images as PNG or JPEG. */
export function emailImages(): AstroIntegration {
  return {
    name: 'ld-email-images',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const copies = await emailImagesFor(fileURLToPath(dir));
        if (copies.length > 0) logger.info(`Email editions: ${copies.length} image(s) as PNG or JPEG for Outlook.`);
      },
    },
  };
}
