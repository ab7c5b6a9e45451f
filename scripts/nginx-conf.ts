/**
 * `npm run deploy:nginx-conf`: writes deploy/nginx.conf from deploy/hosting.yaml and deploy/redirects.yaml.
 * With --check, changes nothing and fails if the committed file is out of date.
 */
import fs from 'node:fs';
import path from 'node:path';
import { HostingConfigError, loadHosting } from '../src/lib/hosting/config.ts';
import { NGINX_CONF_FILE, nginxConf } from '../src/lib/hosting/nginx-conf.ts';
import { PROJECT_ROOT } from './nginx/runtime.ts';

const file = path.join(PROJECT_ROOT, NGINX_CONF_FILE);
try {
  const text = nginxConf(loadHosting(PROJECT_ROOT));
  const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  if (process.argv.includes('--check')) {
    if (current !== text) {
      console.error(`${NGINX_CONF_FILE} is out of date with deploy/hosting.yaml and deploy/redirects.yaml.`);
      console.error('Run `npm run deploy:nginx-conf` and commit the result.');
      process.exit(1);
    }
    console.log(`${NGINX_CONF_FILE} is up to date.`);
  } else if (current === text) {
    console.log(`${NGINX_CONF_FILE} is already up to date.`);
  } else {
    fs.writeFileSync(`${file}.tmp`, text);
    fs.renameSync(`${file}.tmp`, file);
    console.log(`Wrote ${NGINX_CONF_FILE}. Commit it with the data files it came from.`);
  }
} catch (error) {
  if (!(error instanceof HostingConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}
