/**
 * The preview beside the form: what `npm run check` says about the entry, and the entry drawn by its
 * page's own template and Markdown pipeline (the dev server renders it: src/integrations/preview-endpoint.ts),
 * in the site's CSS. Without a dev server (the hosted CMS) Decap draws the text itself, and the preview
 * says that it is approximate and where to see the real page.
 */
import { inFormWords } from '../content-rules/form-words.ts';
import type { Problem } from '../content-rules/problems.ts';
import { bulletinPath, programmePath } from '../lib/page-paths.ts';
import type { PreviewAnswer } from './preview-answer.ts';

/** An Immutable.js map, as Decap hands entries over. */
export interface EntryMap {
  get(key: string): any; // eslint-disable-line @typescript-eslint/no-explicit-any
}
export interface CheckResult {
  problems: Problem[];
  /** The file the check was given, to find the words around a problem in the text. */
  raw?: string;
}
/** The parts of Decap's global `CMS` object this project uses. */
export interface Decap {
  registerCustomFormat(name: string, extension: string, format: object): void;
  registerPreviewStyle(url: string): void;
  registerPreviewTemplate(name: string, component: unknown): void;
  registerEditorComponent(component: object): void;
  registerWidget(name: string, control: unknown, preview?: unknown): void;
  registerEventListener(listener: { name: string; handler: (args: { entry: EntryMap }) => unknown }): void;
  getLocale(locale: string): unknown;
  registerLocale(locale: string, phrases: object): void;
  init(options: { config: object }): void;
}

type H = (type: unknown, props?: Record<string, unknown> | null, ...children: unknown[]) => unknown;
interface PreviewProps {
  entry: EntryMap;
  widgetFor: (name: string) => unknown;
  /** Decap's copy of a file the entry names, such as an image uploaded but not yet published. */
  getAsset?: (path: string) => { toString(): string } | undefined;
}
interface PreviewThis {
  props: PreviewProps;
  state: {
    result?: CheckResult;
    checking: boolean;
    /** The page's rendering of the entry, once the dev server has answered; undefined without one. */
    page?: PreviewAnswer;
    /** Whether the page above is of an earlier version of the entry (the form changed since). */
    rendering: boolean;
    /** The dev server could not be asked (the hosted CMS): Decap draws the text. */
    approximate: boolean;
  };
  setState(state: Partial<PreviewThis['state']>): void;
  timer?: ReturnType<typeof setTimeout>;
  checked?: unknown;
  pageElement?: HTMLElement | null;
  schedule(): void;
  showAssets(): void;
}

/** How long the form must be still before the entry is checked and rendered: typing is never held up. */
export const PAUSE_MS = 500;

const pagePath: Record<string, (slug: string) => string> = {
  bulletins: (id) => bulletinPath({ id }),
  programme: (id) => programmePath({ id }),
};

const day = (value: unknown) => {
  const date = new Date(String(value));
  return Number.isNaN(date.getTime())
    ? ''
    : date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
};

/**
 * The call to action as readers will see it, open or closed, said in words: on the date and today
 * (the build date). The box readers see today is in the page below; when the date saw it
 * otherwise, that box is shown here too.
 */
function callToAction(page: PreviewAnswer | undefined, date: unknown) {
  const action = page?.callToAction;
  if (!action || !page) return null;
  const w = window as unknown as { h: H };
  const state = (open: boolean) => (open ? 'open' : 'closed');
  const same = action.onPublication.open === action.today.open;
  const note = (text: string) => w.h('p', { className: 'nhsuk-body-s', 'data-call-to-action-note': '' }, text);
  return w.h(
    'div',
    // Apart from the page below, so that the words about the box are not taken for part of the page.
    { className: 'nhsuk-inset-text', 'data-call-to-action-preview': '' },
    same
      ? note(
          `The call to action is ${state(action.today.open)} on the issue’s date (${day(date)}) and today (${day(page.today)}): readers see this.`,
        )
      : note(`On the issue’s date (${day(date)}) readers see the call to action ${state(action.onPublication.open)}:`),
    same ? null : w.h('div', { dangerouslySetInnerHTML: { __html: action.onPublication.html } }),
    same
      ? null
      : note(`Today (${day(page.today)}, the date the site is built) readers see it ${state(action.today.open)}:`),
  );
}

/** What the preview below is: the page itself, an earlier version of it, or Decap's approximation. */
function previewState(state: PreviewThis['state']) {
  const w = window as unknown as { h: H };
  const say = (kind: string, text: string) =>
    w.h('p', { className: 'nhsuk-body-s', 'data-preview-state': kind, role: 'status' }, text);
  if (state.approximate) {
    return w.h(
      'div',
      { className: 'nhsuk-inset-text', 'data-preview-state': 'approximate' },
      w.h(
        'p',
        null,
        'This preview is approximate: the CMS draws it itself, so tables, pictures, clause links and the call-to-action box can look different on the page. ' +
          'To see the page exactly as readers will, edit on a computer set up for editing (npm run edit, as the guide “Editing in the browser” says), where this preview is the page; or look at the page on the live site once it is published.',
      ),
    );
  }
  if (!state.page) return say('pending', 'Drawing the page…');
  if (state.rendering) return say('stale', 'Updating the page… (below: the entry as it was a moment ago)');
  if (state.page.html === null) return say('problem', state.page.problem ?? '');
  return say('page', 'Below: the page as readers will see it, drawn by the site’s own template.');
}

/** The preview template for one collection. */
export function previewTemplate(
  _cms: Decap,
  options: {
    collection: string;
    siteUrl: string;
    check: (entry: EntryMap) => Promise<CheckResult | undefined>;
    /** The entry rendered by its page's own template (undefined without a dev server to ask). */
    render: (entry: EntryMap) => Promise<PreviewAnswer | undefined>;
    /** The form's labels by field name (dotted inside a group), to name fields as the form does. */
    labels: Record<string, string>;
    /** Told each answer of the check (a refusal to publish goes once the errors are fixed). */
    onResult?: (entry: EntryMap, result: CheckResult | undefined) => void;
  },
) {
  const w = window as unknown as { h: H; createClass: (spec: object) => unknown };
  const h = w.h;
  return w.createClass({
    getInitialState: () => ({ checking: true, rendering: true, approximate: false }),
    componentDidMount(this: PreviewThis) {
      this.schedule();
    },
    componentDidUpdate(this: PreviewThis) {
      if (this.checked !== this.props.entry) this.schedule();
      this.showAssets();
    },
    /** Images the form has but the content folder does not yet: shown from Decap's own copy. */
    showAssets(this: PreviewThis) {
      for (const img of this.pageElement?.querySelectorAll<HTMLImageElement>('img[data-preview-asset]') ?? []) {
        const asset = this.props.getAsset?.(img.dataset.previewAsset ?? '');
        const src = asset ? String(asset) : '';
        if (src && img.getAttribute('src') !== src) img.src = src;
      }
    },
    componentWillUnmount(this: PreviewThis) {
      clearTimeout(this.timer);
    },
    schedule(this: PreviewThis) {
      this.checked = this.props.entry;
      clearTimeout(this.timer);
      // Until the check has answered for this version of the entry, the preview says so, never "no problem".
      if (this.state.result || !this.state.checking || !this.state.rendering) {
        this.setState({ result: undefined, checking: true, rendering: true });
      }
      // Typing is not held up: the check runs once the editor pauses.
      this.timer = setTimeout(() => {
        const entry = this.props.entry;
        void options.render(entry).then((page) => {
          if (entry !== this.props.entry) return;
          this.setState(
            page ? { page, rendering: false, approximate: false } : { rendering: false, approximate: true },
          );
        });
        void options.check(entry).then((result) => {
          if (entry !== this.props.entry) return;
          this.setState({ result, checking: false });
          options.onResult?.(entry, result);
        });
      }, PAUSE_MS);
    },
    render(this: PreviewThis) {
      const { entry, widgetFor } = this.props;
      const data = entry.get('data');
      const slug =
        options.collection === 'bulletins'
          ? String(data.get('date') ?? '').slice(0, 7)
          : String(entry.get('slug') ?? '');
      const path = pagePath[options.collection]?.(slug);
      const problems = this.state.result?.problems ?? [];
      const errors = problems.filter((p) => p.severity === 'error');
      const report = this.state.result
        ? problems.length > 0
          ? h(
              'div',
              {
                className: errors.length ? 'nhsuk-error-summary' : 'nhsuk-warning-callout',
                'data-check': 'problems',
                role: 'alert',
              },
              h(
                'h2',
                { className: errors.length ? 'nhsuk-error-summary__title' : 'nhsuk-warning-callout__label' },
                errors.length
                  ? 'The check found a problem: this entry cannot be published yet'
                  : 'The check has a warning',
              ),
              h(
                'ul',
                { className: 'nhsuk-list' },
                ...problems.map((problem) => {
                  const p = inFormWords(problem, options.labels, this.state.result?.raw);
                  return h(
                    'li',
                    null,
                    h('strong', null, `${p.severity === 'error' ? 'Error' : 'Warning'}, ${p.where}: `),
                    p.message,
                    p.fix ? ` ${p.fix}` : '',
                  );
                }),
              ),
            )
          : h('p', { className: 'nhsuk-body-s', 'data-check': 'ok' }, '✓ The check finds no problem in this entry.')
        : h(
            'p',
            { className: 'nhsuk-body-s', 'data-check': 'pending' },
            // No answer at all: no dev server to ask (the hosted CMS); the build checks instead.
            this.state.checking ? 'Checking…' : '',
          );
      return h(
        'div',
        { className: 'nhsuk-width-container' },
        h(
          'main',
          { className: 'nhsuk-main-wrapper', id: 'maincontent' },
          // Decap floats its preview buttons (show, scroll in step) over the frame's top right: the notes keep
          // clear of them, so no word of the check's answer is hidden. The page below keeps its own width.
          h(
            'div',
            { 'data-preview-notes': '', style: { paddingRight: '3.5rem' } },
            report,
            path
              ? h(
                  'p',
                  { className: 'nhsuk-body-s' },
                  h(
                    'a',
                    { href: `${options.siteUrl}${path}`, target: '_blank', rel: 'noopener' },
                    'Open this page on the dev server',
                  ),
                  ' (it shows the page as it is on the main branch: after publishing, this version)',
                )
              : null,
            callToAction(this.state.page, data.get('date')),
            previewState(this.state),
          ),
          this.state.page?.html
            ? h('div', {
                className: 'nhsuk-grid-row',
                'data-preview-page': '',
                ref: (element: HTMLElement | null) => (this.pageElement = element),
                dangerouslySetInnerHTML: { __html: this.state.page.html },
              })
            : h(
                'div',
                { className: 'nhsuk-grid-row', 'data-preview-approximate': '' },
                h(
                  'article',
                  { className: 'nhsuk-grid-column-two-thirds app-prose' },
                  h('h1', null, data.get('title') || 'Untitled'),
                  options.collection === 'bulletins'
                    ? h('p', { className: 'app-meta' }, `Published ${day(data.get('date'))}`)
                    : null,
                  data.get('summary') ? h('p', { className: 'nhsuk-lede-text' }, data.get('summary')) : null,
                  widgetFor('body'),
                ),
              ),
        ),
      );
    },
  });
}
