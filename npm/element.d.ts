import type {
  Finding,
  KeyFiguresResult,
  MountKeyFigureOptions,
  SundhedsklyngerData,
  WidgetEventMap,
} from './web/sundhedsklynger.js';
import type * as Api from './web/sundhedsklynger.js';

/** The `detail` of the element's `error` event: the widget's error findings, or one `load-failed` finding when `src` could not be fetched. */
export interface DiagramErrorDetail {
  findings: Finding[];
  /** The URL that failed to load (load-failed only). */
  src?: string | null;
}

/** The element's events: `CustomEvent`s that bubble and are composed. */
export interface SundhedsklyngerDiagramEventMap {
  ready: CustomEvent<WidgetEventMap['ready']>;
  select: CustomEvent<WidgetEventMap['select']>;
  error: CustomEvent<DiagramErrorDetail>;
}

/**
 * `<sundhedsklynger-diagram>`: attributes `src`, `loading`, `dataset`, `date`, `region`, `lang`,
 * `profile`, `view`, `theme`, `gestures` (each also a property; `dataset` as `dataSet`, since `dataset` is
 * every element's data-* map) and `shadow="open"` (an open shadow root; closed by default).
 * Until the widget is drawn it shows a placeholder and reserves `--sk-reserved-height`
 * (a CSS custom property on the element, default `max(640px, 100vh)`); when drawn it sets the attribute
 * `data-sk-drawn`.
 * @example
 * const el = document.createElement('sundhedsklynger-diagram');
 * el.region = 'RM';
 * el.addEventListener('select', (e) => console.log(e.detail.label));
 * document.body.append(el);
 */
export declare class SundhedsklyngerDiagram extends HTMLElement {
  /** URL of a JSON data set, fetched with `fetch()`. */
  src: string | null;
  /**
   * "eager" (default): load when connected. "lazy": fetch and compile nothing (.wasm, data
   * set, `src`) until the element is within 200px of the viewport. Read when first
   * connected; another value is an `invalid-option` finding and loads eagerly.
   */
  loading: 'eager' | 'lazy' | string | null;
  /** An embedded data set: "klynger-2022" or "sundhedsraad-2027" (attribute `dataset`). */
  dataSet: string | null;
  /** "YYYY-MM-DD": the embedded structure in force that day (attribute `date`). */
  date: string | null;
  region: string | null;
  lang: string;
  profile: string | null;
  view: 'chart' | 'list' | null;
  theme: 'light' | 'dark' | 'auto' | null;
  /** "cooperative" (default: plain wheel and one finger scroll the page) or "greedy". */
  gestures: 'cooperative' | 'greedy' | null;
  /** The data set (an object or JSON text). Wins over `src`; `null` returns to `src` or the built-in data. */
  data: SundhedsklyngerData | string | null;
  /** How the key figures are computed; `null` for the defaults. */
  keyFigureOptions: MountKeyFigureOptions | null;
  /** The key figures of the data shown (read-only); `null` until the widget is ready. */
  readonly keyFigures: KeyFiguresResult | null;
  addEventListener<K extends keyof SundhedsklyngerDiagramEventMap>(
    type: K,
    listener: (this: SundhedsklyngerDiagram, ev: SundhedsklyngerDiagramEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof SundhedsklyngerDiagramEventMap>(
    type: K,
    listener: (this: SundhedsklyngerDiagram, ev: SundhedsklyngerDiagramEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

/** Instantiates the wasm module (once) and resolves to the API (`mount`, `validate`, …). */
export declare function load(): Promise<typeof Api>;

/** Defines the element under `tagName` with an API loader; returns the class already defined under that tag if there is one. */
export declare function defineSundhedsklyngerElement(
  loadApi: () => Promise<typeof Api>,
  tagName?: string,
): typeof SundhedsklyngerDiagram | undefined;

declare global {
  interface HTMLElementTagNameMap {
    'sundhedsklynger-diagram': SundhedsklyngerDiagram;
  }
}
