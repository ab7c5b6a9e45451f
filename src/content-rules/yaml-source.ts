import { isMap, isSeq, LineCounter, parseDocument, type Document } from 'yaml';

/** A YAML syntax error at a line of the file. */
export interface YamlError {
  line: number;
  /** What the parser found, without its code excerpt: "Map keys must be unique". */
  message: string;
  code: string;
  /** How to fix it, when the error is not one of the usual slips of punctuation or indentation. */
  fix?: string;
}

/** Parsed YAML that can say which line of the file each value is on. */
export interface YamlSource {
  value: unknown;
  errors: YamlError[];
  /** The line of the field at a path, or of its nearest parent that exists, or of the frontmatter's opening `---`. */
  lineOf: (path: readonly PropertyKey[]) => number;
  /** The line of the key `key` in the mapping at `path` (a field that should not be there). */
  keyLineOf: (path: readonly PropertyKey[], key: string) => number;
}

/**
 * Parses YAML the way Astro's loaders read it (js-yaml: YAML 1.2 with dates as timestamps),
 * keeping line numbers. `firstLine` is the file line the text starts on (2 for frontmatter).
 * @example parseYamlSource('date: 2015-05-27', 2).lineOf(['date']) // => 2
 */
export function parseYamlSource(text: string, firstLine = 1): YamlSource {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, customTags: ['timestamp'], prettyErrors: false });
  const toLine = (offset: number) => counter.linePos(offset).line + firstLine - 1;
  const errors: YamlError[] = doc.errors.map((error) => ({
    line: toLine(error.pos[0]),
    message: error.message.split(/ at line \d+, column \d+/)[0].trim(),
    code: error.code,
  }));
  // A field's line is its key's line; a field that is missing points at its parent's key or, at the top,
  // at the frontmatter's opening `---` (the first line may be a comment, which would mislead).
  const lineOf = (path: readonly PropertyKey[]): number => {
    if (path.length === 0) return Math.max(1, firstLine - 1);
    const offset = keyOffsetOf(doc, path.slice(0, -1), String(path.at(-1)));
    return offset === undefined ? lineOf(path.slice(0, -1)) : toLine(offset);
  };
  let value: unknown;
  if (errors.length === 0) {
    try {
      value = doc.toJS();
    } catch (error) {
      // The yaml library refuses to expand aliases (`*name`) that would repeat a block millions of times
      // (a "billion laughs" file); say so, at the first alias, instead of failing the whole check.
      if (!/alias/i.test(String((error as Error)?.message))) throw error;
      const alias = /(^|[\s[{,:-])\*[^\s,\]}]/m.exec(text);
      errors.push({
        line: toLine(alias ? alias.index + alias[1].length : 0),
        message:
          'its aliases (`*name`, which repeat a block marked `&name`) repeat so much that the file would grow to an enormous size',
        code: 'ALIAS_COUNT',
        fix: 'Write the values out instead of repeating them with `&` and `*`; content never needs aliases.',
      });
    }
  }
  return {
    value,
    errors,
    lineOf,
    keyLineOf: (path, key) => lineOf([...path, key]),
  };
}

/** Where the key `key` of the mapping at `path` starts: errors point at the field's name, not its value. */
function keyOffsetOf(doc: Document, path: readonly PropertyKey[], key: string): number | undefined {
  const parent = path.length === 0 ? doc.contents : doc.getIn(path as unknown[], true);
  if (isMap(parent)) {
    const pair = parent.items.find((item) => String((item.key as { value?: unknown })?.value ?? item.key) === key);
    const range = (pair?.key as { range?: [number, number, number] } | undefined)?.range;
    return range?.[0];
  }
  if (isSeq(parent) && /^\d+$/.test(key)) {
    return (parent.items[Number(key)] as { range?: [number, number, number] } | undefined)?.range?.[0];
  }
  return undefined;
}
