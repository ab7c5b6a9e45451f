import type { APIRoute, GetStaticPaths } from 'astro';
import { getBulletins, type Bulletin } from '../../../lib/collections.ts';
import { renderEmailEdition } from '../../../lib/email-edition.ts';
import { finishEmailEdition } from '../../../lib/email.ts';

export const getStaticPaths = (async () =>
  (await getBulletins()).map((bulletin) => ({
    params: { id: bulletin.id },
    props: { bulletin },
  }))) satisfies GetStaticPaths;

/**
 * The issue as HTML for an email tool: table layout, styles inlined, every address absolute. A build
 * writes it with its stylesheet still in a `<style>` element; the finishing step after Astro inlines it
 * and writes email.txt beside it (src/integrations/finish-site.ts), so that work runs on the second core.
 */
export const GET: APIRoute<{ bulletin: Bulletin }> = async ({ props }) => {
  const rendered = await renderEmailEdition(props.bulletin);
  const html = import.meta.env.DEV ? finishEmailEdition(rendered, `bulletins/${props.bulletin.id}`).html : rendered;
  return new Response(html, { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
};
