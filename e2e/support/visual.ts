import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';

/** The committed reference images. */
export const REFERENCE_DIR = path.resolve('e2e/visual');
/** Where a failed comparison writes what it saw and the difference (gitignored). */
export const DIFF_DIR = path.resolve('test-results/visual');
/** `npm run test:visual:update` sets this: write the references instead of comparing. */
export const UPDATING = process.env.UPDATE_VISUAL === '1';

/** Pixels may differ this much in colour (0 to 1, pixelmatch's YIQ distance) and still count as the same. */
const COLOUR_THRESHOLD = 0.1;
/** At most this share of an image's pixels may differ: anti-aliasing, never a moved or restyled element. */
const MAX_DIFFERENT_SHARE = 0.001;

/** What a comparison found: `problem` says what differs, and where the images are, when they differ. */
export interface Comparison {
  differentPixels: number;
  problem?: string;
}

/**
 * Compares `png` with the reference image `name`.png, or writes it when updating. On a difference it
 * writes `<saveAs>.actual.png` and `<saveAs>.diff.png` (differences in red) to test-results/visual/.
 * @example expect((await compareWithReference('home-1280', png)).problem).toBeUndefined();
 */
export function compareWithReference(
  name: string,
  png: Buffer,
  { update = UPDATING, saveAs = name }: { update?: boolean; saveAs?: string } = {},
): Comparison {
  const reference = path.join(REFERENCE_DIR, `${name}.png`);
  if (update) {
    fs.mkdirSync(REFERENCE_DIR, { recursive: true });
    fs.writeFileSync(reference, png);
    return { differentPixels: 0 };
  }
  if (!fs.existsSync(reference)) {
    return {
      differentPixels: Infinity,
      problem: `There is no reference image ${path.relative('.', reference)}. Run \`npm run test:visual:update\` to write it, look at it, and commit it.`,
    };
  }
  const [expected, actual] = [PNG.sync.read(fs.readFileSync(reference)), PNG.sync.read(png)];
  const { width, height } = expected;
  let differentPixels = Infinity;
  let diff: PNG | undefined;
  if (actual.width === width && actual.height === height) {
    diff = new PNG({ width, height });
    differentPixels = pixelmatch(expected.data, actual.data, diff.data, width, height, {
      threshold: COLOUR_THRESHOLD,
    });
    if (differentPixels <= width * height * MAX_DIFFERENT_SHARE) return { differentPixels };
  }
  fs.mkdirSync(DIFF_DIR, { recursive: true });
  fs.writeFileSync(path.join(DIFF_DIR, `${saveAs}.actual.png`), png);
  if (diff) fs.writeFileSync(path.join(DIFF_DIR, `${saveAs}.diff.png`), PNG.sync.write(diff));
  const what = diff
    ? `${differentPixels} pixels differ`
    : `the size differs (${actual.width}×${actual.height} against ${width}×${height})`;
  return {
    differentPixels,
    problem:
      `${name}: ${what} from ${path.relative('.', reference)}. See ${path.relative('.', DIFF_DIR)}/${saveAs}.*.png. ` +
      'If the change is intended, run `npm run test:visual:update` and commit the new references.',
  };
}

/**
 * Makes a page's rendering repeatable before a screenshot: no transitions or animations, no caret, the
 * fonts loaded, nothing focused and the page scrolled to the top.
 */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(async () => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
    await document.fonts.ready;
  });
}

/** A whole page is cut off at this height, to keep the reference images small. */
const MAX_HEIGHT = 1600;

/** A screenshot of the viewport (or the whole page, to 1600px), repeatable: animations stopped, caret hidden. */
export async function screenshot(page: Page, fullPage = false): Promise<Buffer> {
  const options = { animations: 'disabled', caret: 'hide', scale: 'css' } as const;
  if (!fullPage) return page.screenshot(options);
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  const width = page.viewportSize()!.width;
  return page.screenshot({ ...options, fullPage, clip: { x: 0, y: 0, width, height: Math.min(height, MAX_HEIGHT) } });
}
