import type { APIRoute, GetStaticPaths } from 'astro';
import type { Bulletin } from '../../../lib/collections.ts';
import { devEmailEditionPaths, finishedEmailEdition } from '../../../lib/email-edition.ts';

// Only `astro dev` serves this route. A build renders every issue's edition in one route
// (../email-editions.ndjson.ts), and its finishing step writes email.html and email.txt from that.
export const getStaticPaths = devEmailEditionPaths satisfies GetStaticPaths;

/** The issue as HTML for an email tool: table layout, styles inlined, every address absolute. */
export const GET: APIRoute<{ bulletin: Bulletin }> = async ({ props }) =>
  new Response((await finishedEmailEdition(props.bulletin)).html, {
    headers: { 'Content-Type': 'text/html; charset=utf-8' },
  });
