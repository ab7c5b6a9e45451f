/**
 * Decap's own sentences that speak a developer's language. A field that fails its pattern said
 * "Summary didn't match the pattern: Keep the summary to 300 characters or fewer: … search.." — the word
 * "pattern", and a second full stop after our message, which ends in one. The form says the field's label
 * and our message (the schema's words, src/cms/fields.ts), as `npm run check` does.
 */
type Phrases = { editor: { editorControlPane: { widget: Record<string, string> } } };

export interface DecapLocales {
  getLocale(locale: string): unknown;
  registerLocale(locale: string, phrases: object): void;
}

/** Decap's English phrases with ours in place; call before `CMS.init`. */
export function useOurWording(cms: DecapLocales): void {
  const en = cms.getLocale('en') as Phrases | undefined;
  if (!en?.editor?.editorControlPane?.widget) return;
  const pane = en.editor.editorControlPane;
  cms.registerLocale('en', {
    ...en,
    editor: {
      ...en.editor,
      editorControlPane: { ...pane, widget: { ...pane.widget, regexPattern: '%{fieldLabel}: %{pattern}' } },
    },
  });
}
