import { buildSite } from './e2e/support/build.ts';
const t = Date.now();
await buildSite({ contentDir: 'e2e/fixtures/visual', outDir: '/tmp/look-visual-site', env: { BUILD_DATE: '2020-06-01' } });
console.log('built in', Date.now() - t);
