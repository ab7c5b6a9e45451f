import { isMap, isSeq, LineCounter, parseDocument, type Document } from 'yaml';

/** A YAML syntax error at a line of the file. */
export interface YamlError {
  line: number;
  /** What the parser found, without its code excerpt: "Map keys must be unique". */
  message: string;
  code: string;
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
  const errors = doc.errors.map((error) => ({
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
  return {
    value: errors.length ? undefined : doc.toJS(),
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
