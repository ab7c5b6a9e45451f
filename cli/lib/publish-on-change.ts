import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PUBLISH = fileURLToPath(new URL('../publish.ts', import.meta.url));

/** What the publisher needs: where the content of the branch is, and which commit it shows. */
export interface PublisherOptions {
  /** A content folder that follows the branch (cli/lib/published-copy.ts). */
  contentDir: string;
  /** The commit the content folder shows now; it is brought up to the branch first. */
  head: () => string;
  /** deploy/publish.yaml, or the file given. */
  config: string;
  /** The status file `npm run publish` keeps for the CMS (PUBLISH_STATUS_FILE). */
  statusFile?: string;
  /** How often to look at the branch, in milliseconds. */
  interval?: number;
  /** Another environment for the publish (tests); the site's address comes from it or deploy/site.yaml. */
  env?: NodeJS.ProcessEnv;
  log: (text: string) => void;
}

export interface Publisher {
  /** Resolves once no publish is running: after `stop`, when the last one has ended. */
  stop(): Promise<void>;
}

/**
 * Publishes the branch each time it moves: runs `npm run publish` (cli/publish.ts: the target checked
 * first, then the check and build with the build lock, the safe swap on the target, and the status for
 * the CMS) on the content at the new commit. One publish at a time; commits that arrive while one runs
 * are published together by the next. The first look publishes only if the branch differs from what was
 * published last (`published`), so starting the service does not rebuild a site that is live.
 * @example startPublisher({ contentDir, head: () => copy.commit(), config: 'deploy/publish.yaml', log: console.log })
 */
export function startPublisher(options: PublisherOptions, published?: string): Publisher {
  let done = published;
  let running: ChildProcess | undefined;
  let finished: Promise<void> = Promise.resolve();
  let stopped = false;
  const look = () => {
    if (stopped || running) return;
    let head: string;
    try {
      head = options.head();
    } catch {
      return; // The branch is being written to: the next look sees it.
    }
    if (!head || head === done) return;
    done = head;
    options.log(`The published branch moved to ${head.slice(0, 7)}: publishing it.`);
    const env: NodeJS.ProcessEnv = { ...(options.env ?? process.env) };
    // What `npm run edit` sets for its dev server must not reach a build for the public site.
    for (const key of ['LOCAL_PREVIEW', 'CMS_LOCAL_BACKEND_URL', 'CMS_REPO_ROOT']) delete env[key];
    Object.assign(env, { CONTENT_DIR: options.contentDir, PUBLISH_COMMIT: head });
    if (options.statusFile) env.PUBLISH_STATUS_FILE = options.statusFile;
    const child = spawn(process.execPath, [PUBLISH, '--config', path.resolve(options.config)], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    running = child;
    let output = '';
    child.stdout!.on('data', (chunk) => (output += chunk));
    child.stderr!.on('data', (chunk) => (output += chunk));
    finished = new Promise((resolve) =>
      child.on('close', (code) => {
        running = undefined;
        const last = output.trim().split('\n').slice(-2).join('\n');
        options.log(code === 0 ? last : `Publishing ${head.slice(0, 7)} failed:\n${last}`);
        resolve();
        look();
      }),
    );
  };
  const timer = setInterval(look, options.interval ?? 2000);
  look();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      // A publish under way finishes: its target's live link moves in one step or not at all.
      await finished;
    },
  };
}
