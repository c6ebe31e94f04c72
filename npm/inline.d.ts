// Types of the inline build (`sundhedsklynger/inline`, a classic script): it defines
// <sundhedsklynger-diagram> and the global `Sundhedsklynger`.
import type * as Api from '../web/sundhedsklynger.js';
import type { SundhedsklyngerDiagram, defineSundhedsklyngerElement } from '../element.js';

/** The API: the functions and classes of the main entry (usable after `ready`), plus the element. */
export type SundhedsklyngerGlobal = Partial<Omit<typeof Api, 'default' | 'initSync'>> & {
  /** Resolves, once the embedded wasm is instantiated, to this object with `mount`, `validate`, … filled in. */
  ready: Promise<Omit<typeof Api, 'default' | 'initSync'> & SundhedsklyngerGlobal>;
  /** Same promise as `ready`. */
  load(): Promise<Omit<typeof Api, 'default' | 'initSync'> & SundhedsklyngerGlobal>;
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
