/**
 * The built CSS, not the development CSS: `npm run build` drops the rules of classes no template uses
 * (src/integrations/unused-css.ts), which `astro dev` never does. A rule dropped for a class that is used
 * shows only on the published site, as the pagination arrows over their words did (issue 15).
 */
import { describe, expect, it } from 'vitest';
import { builtCssClasses, droppedClasses, sourceCssClasses } from './support/css-classes.ts';
import { requireBuiltSite } from './support/pages.ts';

describe('the built stylesheets', () => {
  it('keep the rules of every class a built page or script uses', async () => {
    expect(await droppedClasses(requireBuiltSite('dist'))).toEqual([]);
  });

  it('still leave out most of what no page uses (one careless template string could keep it all)', async () => {
    const [source, built] = [await sourceCssClasses(), builtCssClasses(requireBuiltSite('dist'))];
    expect(built.size).toBeLessThan(source.size / 2);
  });
});
