import type { Loader, LoaderContext } from 'astro/loaders';
import { displayPath } from '../content-rules/display-path.ts';
import { oddFiles } from '../content-rules/odd-files.ts';
import { formatProblem } from '../content-rules/problems.ts';
import { checkOneFile } from '../content-rules/read-content.ts';
import type { ContentCollection, DataCollection } from './content-layout.ts';
import { siteConfig } from '../site.config.ts';
import { userError } from './user-error.ts';

type StoreEntry = Parameters<LoaderContext['store']['set']>[0];

/** A file's problems as `npm run check` words them, or the loader's own message if the check finds none. */
function problemWords(collection: string, filePath: string | undefined, error: unknown): string {
  const problems = filePath
    ? checkOneFile(collection as ContentCollection | DataCollection, filePath, displayPath).filter(
        (problem) => problem.severity === 'error',
      )
    : [];
  if (problems.length) return problems.map(formatProblem).join('\n\n');
  return error instanceof Error ? error.message : String(error);
}

/**
 * Wraps one of Astro's loaders (glob, file) so that a file its schema rejects is explained in the words of
 * `npm run check`, with file, line, field and fix, instead of Astro's own message (which doubles field
 * names and points at line 0). In `astro build` the build stops with those words. In `astro dev` the preview
 * keeps running: the file is left out of the content until it is fixed (Astro would otherwise stop at
 * start, or go on showing the old page), the words are printed, and src/dev/content-problems.ts shows them
 * in the browser.
 * @example loader: checkedLoader(glob({ base: 'content/bulletins', pattern: '*.md' }))
 */
export function checkedLoader(loader: Loader): Loader {
  return {
    // The same name as the loader wrapped: Astro treats the `file-loader` specially when it writes JSON schemas.
    name: loader.name,
    load: async (context) => {
      const rejected = new Set<string>();
      // What was last printed for each file, so a data file with several bad entries is explained once.
      const printed = new Map<string, string>();
      const parseData: LoaderContext['parseData'] = async (props) => {
        try {
          const data = await context.parseData(props);
          rejected.delete(props.id);
          if (props.filePath) printed.delete(props.filePath);
          return data;
        } catch (error) {
          const words = problemWords(context.collection, props.filePath, error);
          if (!context.watcher) {
            throw userError(
              `The content has errors, so the site was not built:\n\n${words}`,
              'Fix each problem in the file named, then build again. `npm run check` lists every problem.',
            );
          }
          rejected.add(props.id);
          if (printed.get(props.filePath ?? '') !== words) {
            printed.set(props.filePath ?? '', words);
            context.logger.error(
              `${words}\n\nThe preview leaves this out until it is fixed; the browser shows the problem.`,
            );
          }
          return props.data;
        }
      };
      // A named pipe or a link to a folder in the content folder would make Astro's loader wait forever or
      // read outside it: nothing is loaded until it is gone (`npm run check` names it too).
      const odd = oddFiles(siteConfig.contentDir, displayPath);
      if (odd.length) {
        const words = odd.map(formatProblem).join('\n\n');
        if (!context.watcher) {
          throw userError(
            `The content folder holds files the site cannot read, so the site was not built:\n\n${words}`,
            'Delete or replace each file named, then build again.',
          );
        }
        context.logger.error(
          `${words}\n\nThe preview reads no ${context.collection} until this is fixed; restart it then.`,
        );
        return;
      }
      const { store } = context;
      // The loader stores every entry it parsed; one its schema rejected is removed instead.
      const set = (entry: StoreEntry) => {
        if (!rejected.has(entry.id)) return store.set(entry);
        store.delete(entry.id);
        return false;
      };
      await loader.load({ ...context, parseData, store: { ...store, set } });
    },
  };
}
