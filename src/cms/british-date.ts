/**
 * The date field, the British way. Decap's date widget is the browser's own date input, which shows the
 * browser's locale (07/29/2015 in a US-English browser) whatever the page says; this widget shows and
 * reads 29/07/2015 or 29 July 2015, and stores the date as the files hold it: 2015-07-29.
 */
const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

const iso = (y: number, m: number, d: number) => {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
};

/**
 * A date as an editor writes it, as YYYY-MM-DD; undefined if it is not a date.
 * @example parseBritishDate('29/07/2015') // => '2015-07-29'
 * @example parseBritishDate('29 July 2015') // => '2015-07-29'
 */
export function parseBritishDate(text: string): string | undefined {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (m) return iso(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})(?:st|nd|rd|th)? ([a-z]+),? (\d{4})$/.exec(t);
  if (m) {
    const month = MONTHS.findIndex((name) => m![2].length >= 3 && name.startsWith(m![2]));
    if (month >= 0) return iso(Number(m[3]), month + 1, Number(m[1]));
  }
  return undefined;
}

/** A stored date (YYYY-MM-DD, or a Date) as the form shows it: 29/07/2015. */
export function formatBritishDate(value: unknown): string {
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : String(value ?? '');
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : text;
}

type H = (type: unknown, props?: Record<string, unknown> | null, ...children: unknown[]) => unknown;
interface ControlThis {
  props: {
    value?: unknown;
    onChange: (value: string) => void;
    forID: string;
    classNameWrapper: string;
    setActiveStyle: () => void;
    setInactiveStyle: () => void;
  };
  state: { text: string };
  setState(state: { text: string }): void;
}

/** The widget's control and preview, for `CMS.registerWidget('british-date', …)`. */
export function britishDateWidget() {
  const w = window as unknown as { h: H; createClass: (spec: object) => unknown };
  const control = w.createClass({
    getInitialState(this: ControlThis) {
      return { text: formatBritishDate(this.props.value) };
    },
    isValid(this: ControlThis) {
      if (!this.state.text.trim() || parseBritishDate(this.state.text)) return true;
      return { error: { message: 'Write the date as day, month and year: 29/07/2015 or 29 July 2015.' } };
    },
    render(this: ControlThis) {
      return w.h('input', {
        type: 'text',
        id: this.props.forID,
        className: this.props.classNameWrapper,
        value: this.state.text,
        inputMode: 'text',
        autoComplete: 'off',
        placeholder: 'for example 29/07/2015',
        onFocus: this.props.setActiveStyle,
        onBlur: this.props.setInactiveStyle,
        onChange: (event: { target: { value: string } }) => {
          const text = event.target.value;
          this.setState({ text });
          this.props.onChange(parseBritishDate(text) ?? text);
        },
      });
    },
  });
  const preview = (props: { value?: unknown }) => w.h('span', null, formatBritishDate(props.value));
  return { control, preview };
}
