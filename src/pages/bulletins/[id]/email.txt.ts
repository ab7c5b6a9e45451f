import type { APIRoute, GetStaticPaths } from 'astro';
import { getBulletins, type Bulletin } from '../../../lib/collections.ts';
import { emailEditionFile } from '../../../lib/email-edition.ts';

export const getStaticPaths = (async () =>
  (await getBulletins()).map((bulletin) => ({
    params: { id: bulletin.id },
    props: { bulletin },
  }))) satisfies GetStaticPaths;

/** The plain-text part of the email, every link written out. */
export const GET: APIRoute<{ bulletin: Bulletin }> = async ({ props }) =>
  new Response(await emailEditionFile(props.bulletin, 'text'), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
