import { z } from 'astro/zod';
import { strictObject } from './strict.ts';

/** An absolute folder on the target; no characters a shell or ssh would read specially. */
const targetFolder = z
  .string()
  .regex(/^\/[A-Za-z0-9._/-]*$/, {
    error: 'Expected an absolute folder such as /srv/liaison-and-diversion (letters, digits, . _ - and /).',
  })
  .refine((value) => !value.split('/').includes('..'), { error: 'Write the folder without `..`.' });

/** A server reached with ssh, as the team's ssh set-up names it. */
const sshTarget = strictObject(
  {
    type: z.literal('ssh'),
    /** Who and where: `deploy@www.example.org`, or a Host from ~/.ssh/config. */
    host: z
      .string()
      .regex(/^[A-Za-z0-9._@-]+$/, { error: 'Expected user@host or an ssh Host name, such as deploy@www.example.org.' })
      .refine((value) => !value.startsWith('-'), { error: 'A host cannot start with `-`.' })
      .describe('user@host, or a Host from ~/.ssh/config'),
    /** The ssh port, if not 22. */
    port: z.number().int().min(1).max(65535).optional().describe('The ssh port, if not 22'),
    /** The folder holding `releases/` and the `current` link that nginx serves. */
    path: targetFolder.describe('The folder holding releases/ and the current link nginx serves'),
  },
  'an ssh target',
);

/** A folder on this machine (a mounted share, or a test's temporary folder). */
const folderTarget = strictObject(
  {
    type: z.literal('folder'),
    /** The folder holding `releases/` and the `current` link that the web server serves. */
    path: targetFolder.describe('The folder holding releases/ and the current link the web server serves'),
  },
  'a folder target',
);

/** deploy/publish.yaml: where `npm run publish` puts the site. */
export const publishConfigSchema = strictObject(
  {
    /** Where the site goes; without it, publishing is not set up yet. */
    target: z
      .discriminatedUnion('type', [sshTarget, folderTarget], {
        error: 'Expected `type: ssh` (with host and path) or `type: folder` (with path).',
      })
      .optional(),
    /** How many releases to keep on the target besides the live one. */
    keep: z.number().int().min(1).max(50).default(3).describe('Releases kept on the target besides the live one'),
  },
  'the publishing settings',
);

export type PublishConfig = z.infer<typeof publishConfigSchema>;
export type PublishTarget = NonNullable<PublishConfig['target']>;
