import type { APIRoute, GetStaticPaths } from 'astro';
import type { Bulletin } from '../../../lib/collections.ts';
import { emailEditionPaths, emailEditionText } from '../../../lib/email-edition.ts';

export const getStaticPaths = emailEditionPaths satisfies GetStaticPaths;

/** The plain-text part of the email, every link written out. */
export const GET: APIRoute<{ bulletin: Bulletin }> = async ({ props }) =>
  new Response(await emailEditionText(props.bulletin), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
