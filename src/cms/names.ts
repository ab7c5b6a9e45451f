/** The format name each collection is read and written with (registered in admin.ts, written by format.ts). */
export const formatName = (collection: string) => `ld-${collection}`;

/** The data files the CMS edits, by their collection name. Specification versions stay with developers. */
export const EDITABLE_DATA = ['timeline', 'waves', 'glossary', 'sources', 'synonyms'] as const;
