import type { APIRoute } from 'astro';
import { siteConfig } from '../site.config.ts';

/** The web app manifest: the name and icons a phone uses when someone adds the site to their home screen. */
export const GET: APIRoute = () => {
  const manifest = {
    name: `${siteConfig.name} – ${siteConfig.organisation}`,
    short_name: 'L&D',
    description: `The website of England's ${siteConfig.name} programme.`,
    lang: 'en-GB',
    start_url: '/',
    scope: '/',
    display: 'minimal-ui',
    background_color: '#ffffff',
    theme_color: '#005eb8',
    icons: [
      { src: '/assets/images/nhsuk-icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: '/assets/images/nhsuk-icon-512.png', sizes: '512x512', type: 'image/png' },
      { src: '/favicon.svg', sizes: 'any', type: 'image/svg+xml' },
    ],
  };
  return new Response(`${JSON.stringify(manifest, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/manifest+json; charset=utf-8' },
  });
};
