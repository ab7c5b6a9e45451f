/**
 * Tables in the CMS: Decap's rich-text editor has none, so a table is an editor component, a block the
 * editor edits as rows of text (one row a line, cells separated by `|`, the first row the headings) and
 * the file holds as a GFM table, which the site renders as it renders any Markdown table.
 */

/** The text box's words: rows of cells, no Markdown syntax (no separator row, no outer bars). */
export function tableToRows(gfm: string): string {
  return gfm
    .trim()
    .split('\n')
    .filter((line) => !/^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(line))
    .map((line) =>
      splitCells(line)
        .map((cell) => cell.replace(/\\\|/g, '|'))
        .join(' | '),
    )
    .join('\n');
}

/** The cells of one GFM row: outer bars dropped, escaped bars kept inside their cell. */
function splitCells(line: string): string[] {
  const inner = line
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '');
  return inner.split(/(?<!\\)\|/).map((cell) => cell.trim());
}

/** The rows the editor typed, as a GFM table: the first row is the headings; short rows are filled out. */
export function rowsToTable(rows: string): string {
  const lines = String(rows ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) =>
      line
        .replace(/^\|/, '')
        .replace(/\|$/, '')
        .split('|')
        .map((cell) => cell.trim()),
    );
  if (lines.length === 0) return '';
  const width = Math.max(...lines.map((cells) => cells.length));
  const row = (cells: string[]) =>
    `| ${Array.from({ length: width }, (_, i) => (cells[i] ?? '').replace(/\|/g, '\\|')).join(' | ')} |`;
  return [
    row(lines[0]),
    `| ${Array.from({ length: width }, () => '---').join(' | ')} |`,
    ...lines.slice(1).map(row),
  ].join('\n');
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** The table as the preview shows it (the page renders the file's Markdown; this is only the form's picture). */
export function rowsToHtml(rows: string): string {
  const lines = tableToRows(rowsToTable(rows))
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split(' | '));
  if (lines.length === 0) return '';
  const cells = (tag: string, row: string[]) => row.map((c) => `<${tag}>${escapeHtml(c)}</${tag}>`).join('');
  return `<table class="nhsuk-table"><thead><tr>${cells('th', lines[0])}</tr></thead><tbody>${lines
    .slice(1)
    .map((row) => `<tr>${cells('td', row)}</tr>`)
    .join('')}</tbody></table>`;
}

/** Lines that start and end with a bar, one after another: a GFM table (no multiline flag: Decap refuses it). */
export const TABLE_PATTERN = /^(\|[^\n]*\|[ \t]*(?:\n\|[^\n]*\|[ \t]*)*)/;

/** The editor component Decap registers (`CMS.registerEditorComponent`). */
export const tableComponent = {
  id: 'table',
  label: 'Table',
  fields: [
    {
      name: 'rows',
      label: 'Table rows',
      widget: 'text',
      hint: 'One row a line, cells separated by | (a vertical bar). The first row holds the column headings.',
    },
  ],
  pattern: TABLE_PATTERN,
  fromBlock: (match: RegExpMatchArray) => ({ rows: tableToRows(match[1]) }),
  toBlock: (data: { rows?: string }) => rowsToTable(data.rows ?? ''),
  toPreview: (data: { rows?: string }) => rowsToHtml(data.rows ?? ''),
};
