import type { APIRoute, GetStaticPaths } from 'astro';
import type { Bulletin } from '../../../lib/collections.ts';
import { emailEditionPaths, emailEditionHtml } from '../../../lib/email-edition.ts';

export const getStaticPaths = emailEditionPaths satisfies GetStaticPaths;

/** The issue as HTML for an email tool: table layout, styles inlined, every address absolute. */
export const GET: APIRoute<{ bulletin: Bulletin }> = async ({ props }) =>
  new Response(await emailEditionHtml(props.bulletin), {
    headers: { 'Content-Type': 'text/html; charset=utf-8' },
  });
