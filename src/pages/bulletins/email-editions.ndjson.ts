import type { APIRoute } from 'astro';
import { getBulletins } from '../../lib/collections.ts';
import { renderEmailEdition } from '../../lib/email-edition.ts';
import type { EmailEditionLine } from '../../lib/email.ts';

/**
 * Every issue's email edition, one JSON line each, for the build's finishing step to inline and write
 * out as bulletins/<id>/email.html and email.txt (src/integrations/finish-site.ts), which then removes
 * this file. One file written early in Astro's rendering lets that step work on every edition, in its
 * own process, while Astro renders the pages. `astro dev` serves each edition from its own route
 * instead (bulletins/[id]/email.html.ts), so here it has nothing.
 */
export const GET: APIRoute = async () => {
  if (import.meta.env.DEV) return new Response(null, { status: 404 });
  const lines = await Promise.all(
    (await getBulletins()).map(async (bulletin) => {
      const line: EmailEditionLine = {
        file: `bulletins/${bulletin.id}/email.html`,
        html: await renderEmailEdition(bulletin),
      };
      return `${JSON.stringify(line)}\n`;
    }),
  );
  return new Response(lines.join(''), { headers: { 'Content-Type': 'application/x-ndjson; charset=utf-8' } });
};
