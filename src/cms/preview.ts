/**
 * The preview beside the form: the entry in the site's own markup and CSS (close to the real page),
 * what `npm run check` says about it, and a link to the page on the dev server.
 */
import { inFormWords } from '../content-rules/form-words.ts';
import type { Problem } from '../content-rules/problems.ts';
import { bulletinPath, programmePath } from '../lib/page-paths.ts';

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
}
/** The call to action as the page's component renders it, on the date and on the build's "today". */
export interface CallToActionAnswer {
  preview: { onPublication: { html: string; open: boolean }; today: { html: string; open: boolean } } | null;
  today: string;
}
interface PreviewThis {
  props: PreviewProps;
  state: { result?: CheckResult; checking: boolean; action?: CallToActionAnswer };
  setState(state: Partial<PreviewThis['state']>): void;
  timer?: ReturnType<typeof setTimeout>;
  checked?: unknown;
  schedule(): void;
}

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
 * The call to action as readers will see it, from the page's own component: on the date and,
 * if it differs, today (the build date), each said in words.
 */
function callToAction(answer: CallToActionAnswer | undefined, date: unknown) {
  const preview = answer?.preview;
  if (!preview) return null;
  const w = window as unknown as { h: H };
  const state = (open: boolean) => (open ? 'open' : 'closed');
  const box = (html: string) => w.h('div', { dangerouslySetInnerHTML: { __html: html } });
  const same = preview.onPublication.open === preview.today.open;
  const note = (text: string) => w.h('p', { className: 'nhsuk-body-s', 'data-call-to-action-note': '' }, text);
  return w.h(
    'div',
    { 'data-call-to-action-preview': '' },
    same
      ? note(
          `The call to action is ${state(preview.today.open)} on the issue’s date (${day(date)}) and today (${day(answer.today)}): readers see this.`,
        )
      : note(`On the issue’s date (${day(date)}) readers see the call to action ${state(preview.onPublication.open)}:`),
    same ? null : box(preview.onPublication.html),
    same
      ? null
      : note(`Today (${day(answer.today)}, the date the site is built) readers see it ${state(preview.today.open)}:`),
    box(preview.today.html),
  );
}

/** The preview template for one collection. */
export function previewTemplate(
  _cms: Decap,
  options: {
    collection: string;
    siteUrl: string;
    check: (entry: EntryMap) => Promise<CheckResult | undefined>;
    /** The call to action rendered by the site's own component (undefined without a dev server). */
    callToAction: (entry: EntryMap) => Promise<CallToActionAnswer | undefined>;
    /** The form's labels by field name (dotted inside a group), to name fields as the form does. */
    labels: Record<string, string>;
    /** Told each answer of the check (a refusal to publish goes once the errors are fixed). */
    onResult?: (entry: EntryMap, result: CheckResult | undefined) => void;
  },
) {
  const w = window as unknown as { h: H; createClass: (spec: object) => unknown };
  const h = w.h;
  return w.createClass({
    getInitialState: () => ({ checking: true }),
    componentDidMount(this: PreviewThis) {
      this.schedule();
    },
    componentDidUpdate(this: PreviewThis) {
      if (this.checked !== this.props.entry) this.schedule();
    },
    componentWillUnmount(this: PreviewThis) {
      clearTimeout(this.timer);
    },
    schedule(this: PreviewThis) {
      this.checked = this.props.entry;
      clearTimeout(this.timer);
      // Until the check has answered for this version of the entry, the preview says so, never "no problem".
      if (this.state.result || !this.state.checking) this.setState({ result: undefined, checking: true });
      // Typing is not held up: the check runs once the editor pauses.
      this.timer = setTimeout(() => {
        const entry = this.props.entry;
        void options.callToAction(entry).then((action) => {
          if (entry === this.props.entry) this.setState({ action });
        });
        void options.check(entry).then((result) => {
          if (entry !== this.props.entry) return;
          this.setState({ result, checking: false });
          options.onResult?.(entry, result);
        });
      }, 500);
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
          h(
            'div',
            { className: 'nhsuk-grid-row' },
            h(
              'article',
              { className: 'nhsuk-grid-column-two-thirds app-prose' },
              h('h1', null, data.get('title') || 'Untitled'),
              options.collection === 'bulletins'
                ? h('p', { className: 'app-meta' }, `Published ${day(data.get('date'))}`)
                : null,
              data.get('summary') ? h('p', { className: 'nhsuk-lede-text' }, data.get('summary')) : null,
              callToAction(this.state.action, data.get('date')),
              widgetFor('body'),
            ),
          ),
        ),
      );
    },
  });
}
