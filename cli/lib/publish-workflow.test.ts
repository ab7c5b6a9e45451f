/**
 * The git host set-up's CI workflow (deploy/cms-pipeline.example.yml) cannot run here; what can be
 * checked is that a merge into main runs the same publish command as a developer's `npm run publish`,
 * one at a time, with what the site and the CMS need, and that CMS branches are checked and built.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface Step {
  run?: string;
  uses?: string;
  env?: Record<string, string>;
}
interface Job {
  if?: string;
  steps: Step[];
  concurrency?: { group: string; 'cancel-in-progress': boolean };
}
const workflow = parse(fs.readFileSync('deploy/cms-pipeline.example.yml', 'utf8')) as {
  on: { push: { branches: string[] }; pull_request: { branches: string[] } };
  env: Record<string, string>;
  jobs: Record<string, Job>;
};
const scripts = (JSON.parse(fs.readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;
const runs = (job: Job) => job.steps.map((step) => step.run).filter(Boolean);

describe('the CI workflow for the git host set-up', () => {
  it('publishes a merge into main with npm run publish, the command a developer runs', () => {
    expect(workflow.on.push.branches).toContain('main');
    const publish = workflow.jobs.publish!;
    expect(publish.if).toBe("github.event_name == 'push' && github.ref == 'refs/heads/main'");
    expect(runs(publish)).toContain('npm run publish');
    expect(scripts.publish).toBe('exec node cli/publish.ts');
    // The commit goes into the status the CMS shows.
    expect(publish.steps.find((step) => step.run === 'npm run publish')?.env?.PUBLISH_COMMIT).toBe('${{ github.sha }}');
  });

  it('publishes one merge at a time, never cancelling one under way', () => {
    expect(workflow.jobs.publish!.concurrency).toEqual({ group: 'publish', 'cancel-in-progress': false });
  });

  it('builds with the site’s address and the CMS’s repository, so /admin/ is built', () => {
    expect(workflow.env.SITE_URL).toBe('${{ vars.SITE_URL }}');
    expect(workflow.env.CMS_REPO).toBe('${{ vars.CMS_REPO }}');
  });

  it('checks and builds every CMS branch and pull request', () => {
    expect(workflow.on.push.branches).toContain('cms/**');
    expect(workflow.on.pull_request.branches).toEqual(['main']);
    expect(runs(workflow.jobs['check-and-build']!)).toEqual(['npm ci', 'npm run check', 'npm run build']);
  });
});
