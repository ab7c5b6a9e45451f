import fs from 'node:fs';
import { parse } from 'yaml';
import { computerHost } from './safe-html/urls.ts';

/**
 * The site's address, and whether it may be written into what leaves the site. Read by
 * src/site.config.ts; checked before a build by cli/build.ts and the site-address integration.
 */

/** Where the team sets the public address, relative to the project. */
export const SITE_ADDRESS_FILE = 'deploy/site.yaml';

/** The address a preview on this computer uses (`npm start`, `npm run dev`): Astro's own port. */
export const LOCAL_ADDRESS = 'http://localhost:4321';

/** Names reserved for documentation and for names that must never resolve (RFC 2606 and 6761). */
const PLACEHOLDER = /(^|\.)(example\.(com|net|org)|example|invalid)$/i;

/**
 * Why an address must not be written into feeds, email editions and canonical links, or nothing when
 * it may. `.test` names (RFC 6761) are allowed: the tests build with one, as a build for a real host would.
 * @example publicAddressProblem('http://localhost:4321') // => 'is http://localhost:4321, an address on your own computer…'
 * @example publicAddressProblem('https://ld.nhs.test') // => undefined
 */
export function publicAddressProblem(address: string | undefined): string | undefined {
  if (!address) return 'is not set';
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return `"${address}" is not a web address (expected one starting https://)`;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return `"${address}" does not start with https://`;
  if (computerHost(url.hostname))
    return `is ${address}, an address on your own computer (${url.hostname}) that nobody else can open`;
  if (PLACEHOLDER.test(url.hostname)) return `is ${address}, a placeholder that reaches no real site`;
  return undefined;
}

/**
 * Why the build's address may not be published, or nothing when it may: a preview on this computer
 * may use any address; every other build needs a public one.
 * @example addressProblem({ url: 'http://localhost:4321', localPreview: false }) // => { message: "The site's public address is not set…", hint }
 */
export function addressProblem(site: {
  url: string;
  urlSource?: string;
  localPreview: boolean;
}): { message: string; hint: string } | undefined {
  if (site.localPreview) return undefined;
  const problem = publicAddressProblem(site.urlSource ? site.url : undefined);
  return problem ? publicAddressMessage(problem, site.urlSource) : undefined;
}

/**
 * The message a build for publishing stops with when the address is wrong: what happened, why, and
 * where to set it.
 */
export function publicAddressMessage(problem: string, source?: string): { message: string; hint: string } {
  const from = source ? `from ${source}` : `neither ${SITE_ADDRESS_FILE} nor SITE_URL sets it`;
  return {
    message: `The site's public address ${problem} (${from}). Feeds, email editions, canonical links and citations are written with it, so nothing was built.`,
    hint: `Set \`url\` in ${SITE_ADDRESS_FILE} to the address readers use, starting https://, and commit it; or set SITE_URL for one build. To look at the site on this computer, use \`npm start\` or \`npm run dev\`, which need no address.`,
  };
}

/** The public address set in deploy/site.yaml, if any. */
function configuredAddress(file: string): string | undefined {
  if (!fs.existsSync(file)) return undefined;
  const url = (parse(fs.readFileSync(file, 'utf8')) as { url?: unknown } | null)?.url;
  return typeof url === 'string' && url.trim() ? url.trim() : undefined;
}

/**
 * The site's address and where it came from: `SITE_URL`, else `LOCAL_ADDRESS` in a local preview
 * (`LOCAL_PREVIEW=1`), else the `url` of deploy/site.yaml. With none of them the address is
 * `LOCAL_ADDRESS` and its source is missing, which a build for publishing refuses (`addressProblem`).
 * @example siteAddress({ SITE_URL: 'https://ld.nhs.test' }, 'deploy/site.yaml') // => { url: 'https://ld.nhs.test', source: 'SITE_URL' }
 */
export function siteAddress(env: NodeJS.ProcessEnv, file: string): { url: string; source?: string } {
  if (env.SITE_URL) return { url: env.SITE_URL, source: 'SITE_URL' };
  if (env.LOCAL_PREVIEW === '1') return { url: LOCAL_ADDRESS, source: 'the local preview' };
  const configured = configuredAddress(file);
  return configured ? { url: configured, source: SITE_ADDRESS_FILE } : { url: LOCAL_ADDRESS };
}

/**
 * The address readers use, whatever the preview in hand uses: `SITE_URL`, else deploy/site.yaml's `url`,
 * when it is a public one (not localhost, not a placeholder), without its trailing slash. The content
 * check needs it under `npm run dev` too, to find it written in full in content, and citations use it.
 * @example publicSiteAddress({}, 'deploy/site.yaml') // => 'https://…' or undefined
 */
export function publicSiteAddress(env: NodeJS.ProcessEnv, file: string): string | undefined {
  const address = env.SITE_URL || configuredAddress(file);
  return address && !publicAddressProblem(address) ? address.replace(/\/+$/, '') : undefined;
}

/**
 * The address a citation gives for a page: on the public site even in a preview on this computer, which
 * runs on localhost (issue 26: editors copy the "Cite" text from `npm run edit`); with no public address
 * set, the path alone, which names the page without pointing at anybody's computer.
 * @example citationAddress('/specification/2019/x/#clause-1', 'https://ld.nhs.test') // => 'https://ld.nhs.test/specification/2019/x/#clause-1'
 * @example citationAddress('/specification/2019/x/#clause-1', undefined) // => '/specification/2019/x/#clause-1'
 */
export function citationAddress(pagePath: string, publicAddress: string | undefined): string {
  return publicAddress ? new URL(pagePath, `${publicAddress}/`).href : pagePath;
}
