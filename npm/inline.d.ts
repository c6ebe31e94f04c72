// Types of the inline build (`sundhedsklynger/inline`, a classic script): it defines
// <sundhedsklynger-diagram> and the global `Sundhedsklynger`.
import type * as Api from '../web/sundhedsklynger.js';
import type { SundhedsklyngerDiagram, defineSundhedsklyngerElement } from '../element.js';

/** The functions and classes of the main entry: `defaultData` and `schema` return Promises, as there. */
type InlineApi = Omit<typeof Api, 'default' | 'initSync' | 'defaultData' | 'schema'> & {
  defaultData(id?: string): Promise<Api.SundhedsklyngerData>;
  schema(): Promise<Record<string, unknown>>;
};

/** The API: the functions and classes of the main entry (usable after `ready`), plus the element. */
export type SundhedsklyngerGlobal = Partial<InlineApi> & {
  /**
   * Resolves, once the embedded wasm is instantiated, to this object with `mount`, `validate`, …
   * filled in. The wasm is instantiated when this is first read (or `load()` is called, or an
   * element is connected — with `loading="lazy"`, near the viewport), not when the script runs.
   */
  readonly ready: Promise<InlineApi & SundhedsklyngerGlobal>;
  /** Same promise as `ready`. */
  load(): Promise<InlineApi & SundhedsklyngerGlobal>;
  /** The element class (undefined where custom elements are not available). */
  SundhedsklyngerDiagram: typeof SundhedsklyngerDiagram | undefined;
  /** Defines the element under another tag name. */
  defineSundhedsklyngerElement(tagName?: string): ReturnType<typeof defineSundhedsklyngerElement>;
};

declare global {
  /**
   * @example
   * <script src="sundhedsklynger.js"></script>
   * <script>Sundhedsklynger.ready.then(({ mount }) => mount(document.getElementById('app')));</script>
   */
  var Sundhedsklynger: SundhedsklyngerGlobal;
}
export {};
