// The custom element <sundhedsklynger-diagram>, written on top of `mount`. Shared by
// the ES-module entry (element.js) and the single-file inline build, which strips the
// `export` keyword below (scripts/inline.mjs): keep this file free of imports and of
// any other `export`.
//
// Choices (see README "Embedding"):
// - The shadow root is closed by default: a host page that is itself a Yew app must not
//   see the widget's DOM (two Yew builds tag their nodes alike; toolchain.md). For tests
//   and for styling by script, `shadow="open"` (read once, when first connected) opens it.
// - `keyFigures` is read-only: the key figures of the data shown, as `keyFigures()`
//   returns them. The options they are computed with are `keyFigureOptions`.
// - Data come from, in order: the `data` property, the `src` attribute, the data set
//   built in.

/**
 * Defines the element (unless the tag is taken: then the class defined there is
 * returned and nothing else happens).
 * @param {() => Promise<object>} loadApi resolves to the API: mount, keyFigures, defaultData
 * @param {string} [tagName]
 */
export function defineSundhedsklyngerElement(loadApi, tagName = 'sundhedsklynger-diagram') {
  const registry = globalThis.customElements;
  if (!registry || typeof HTMLElement === 'undefined') return undefined;
  const existing = registry.get(tagName);
  if (existing) return existing;

  // Host page CSS reaches into a shadow tree only by inheritance: reset it on the
  // widget's root. `:host` rules lose to the page's own rules on the element itself.
  const CSS =
    ':host{display:block}:host([hidden]){display:none}' +
    '.sk-host{all:initial;display:block}' +
    '.sk-status{all:initial;display:block;margin:0 0 .5rem;padding:.5rem .75rem;border-radius:4px;' +
    'font:1rem/1.45 system-ui,sans-serif;color:#1a1a1a;background:#f5f6f8}' +
    '.sk-status.sk-load-error{color:#a40000;background:#fdf0f0;border:1px solid #a40000}' +
    '.sk-status p{margin:0}';
  let sheet;
  const hostSheet = () => {
    if (sheet === undefined) {
      try {
        sheet = new CSSStyleSheet();
        sheet.replaceSync(CSS);
      } catch {
        sheet = null;
      }
    }
    return sheet;
  };

  // The attributes that are mount options of the same name; `src` is the element's own.
  const OPTION_ATTRIBUTES = ['dataset', 'date', 'region', 'lang', 'profile', 'view', 'theme', 'gestures'];
  const ATTRIBUTES = ['src', ...OPTION_ATTRIBUTES];
  const EVENTS = ['ready', 'select', 'error'];

  const texts = (src, reason) => ({
    da: `Data kunne ikke hentes fra ${src}: ${reason}.`,
    en: `The data could not be loaded from ${src}: ${reason}.`,
  });

  class SundhedsklyngerDiagram extends HTMLElement {
    static get observedAttributes() {
      return ATTRIBUTES;
    }

    #shadow = null;
    #host = null; // the element mount() renders into
    #status = null; // loading / load-error message
    #api = null;
    #handle = null;
    #data = undefined; // the `data` property
    #loaded = undefined; // JSON text fetched from `src`
    #loadedFrom = null;
    #keyFigureOptions = null;
    #fetch = null; // AbortController of the fetch in progress
    #generation = 0; // raised by every new render request

    connectedCallback() {
      if (!this.#shadow) {
        // Properties set before the element was defined are own properties that hide
        // the accessors: pass them through the accessors.
        for (const name of ['data', 'keyFigureOptions', ...ATTRIBUTES]) {
          if (Object.prototype.hasOwnProperty.call(this, name)) {
            const value = this[name];
            delete this[name];
            this[name] = value;
          }
        }
        const mode = this.getAttribute('shadow') === 'open' ? 'open' : 'closed';
        this.#shadow = this.attachShadow({ mode });
        const s = hostSheet();
        if (s) this.#shadow.adoptedStyleSheets = [...this.#shadow.adoptedStyleSheets, s];
        this.#status = document.createElement('div');
        this.#status.className = 'sk-status';
        this.#status.hidden = true;
        this.#host = document.createElement('div');
        this.#host.className = 'sk-host';
        this.#shadow.append(this.#status, this.#host);
      }
      this.#render();
    }

    disconnectedCallback() {
      // Moving the element fires disconnect + connect: keep the widget then.
      queueMicrotask(() => {
        if (!this.isConnected) this.#teardown();
      });
    }

    attributeChangedCallback(name, oldValue, value) {
      if (oldValue === value || !this.#shadow) return;
      if (name === 'src') {
        this.#render();
      } else if (this.#handle) {
        // A removed attribute: `profile` returns to the default; the others keep the
        // value the user chose last.
        if (value !== null || name === 'profile') this.#handle.update({ [name]: value });
      }
    }

    /** The data set: an object or JSON text; `null` returns to `src` or the built-in data. */
    get data() {
      return this.#data ?? null;
    }
    set data(value) {
      this.#data = value ?? undefined;
      if (this.#shadow) this.#render();
    }

    /** Options of the key figures (`{ level, suppressBelow, dsrMinEvents, proportionMethod }`). */
    get keyFigureOptions() {
      return this.#keyFigureOptions;
    }
    set keyFigureOptions(value) {
      this.#keyFigureOptions = value ?? null;
      this.#handle?.update({ keyFigureOptions: this.#keyFigureOptions });
    }

    /** The key figures of the data shown (as `keyFigures()` returns them); null before the widget is ready. */
    get keyFigures() {
      if (!this.#api || !this.#handle) return null;
      const data = this.#data ?? this.#loaded ?? this.#api.defaultData();
      const profile = this.getAttribute('profile') ?? undefined;
      return this.#api.keyFigures(data, { ...(this.#keyFigureOptions ?? {}), profile });
    }

    #options(data) {
      const o = { data };
      for (const name of OPTION_ATTRIBUTES) {
        const v = this.getAttribute(name);
        if (v !== null) o[name] = v;
      }
      if (this.#keyFigureOptions) o.keyFigureOptions = this.#keyFigureOptions;
      return o;
    }

    #showStatus(kind, text) {
      const status = this.#status;
      if (!text) {
        status.hidden = true;
        status.replaceChildren();
        return;
      }
      const english = this.getAttribute('lang') === 'en';
      const order = english ? ['en', 'da'] : ['da', 'en'];
      status.className = `sk-status${kind === 'error' ? ' sk-load-error' : ''}`;
      status.setAttribute('role', kind === 'error' ? 'alert' : 'status');
      status.replaceChildren(
        ...order.map((l) => {
          const p = document.createElement('p');
          p.lang = l;
          p.textContent = text[l];
          return p;
        }),
      );
      status.hidden = false;
    }

    #emit(name, detail) {
      this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
    }

    async #render() {
      const generation = ++this.#generation;
      this.#fetch?.abort();
      this.#fetch = null;
      let api;
      try {
        api = this.#api ?? (await loadApi());
      } catch (e) {
        this.#fail(texts('WebAssembly', String(e?.message ?? e)), null);
        return;
      }
      if (generation !== this.#generation || !this.isConnected) return;
      this.#api = api;

      const src = this.getAttribute('src');
      let data = this.#data;
      if (data === undefined && src) {
        if (this.#loadedFrom !== src) {
          this.#loaded = undefined;
          const controller = new AbortController();
          this.#fetch = controller;
          this.#showStatus('loading', { da: 'Henter data …', en: 'Loading data …' });
          let text;
          try {
            const response = await fetch(src, { signal: controller.signal });
            if (!response.ok) throw new Error(`HTTP ${response.status}`);
            text = await response.text();
          } catch (e) {
            if (controller.signal.aborted || generation !== this.#generation) return;
            this.#fail(texts(src, String(e?.message ?? e)), src);
            return;
          }
          if (generation !== this.#generation) return;
          this.#fetch = null;
          this.#loaded = text;
          this.#loadedFrom = src;
        }
        data = this.#loaded;
      }
      if (!src) {
        this.#loaded = undefined;
        this.#loadedFrom = null;
      }
      this.#showStatus(null, null);
      // `null` is the built-in data set.
      if (data === undefined) data = null;
      if (this.#handle) {
        this.#handle.update({ data });
        return;
      }
      this.#handle = api.mount(this.#host, this.#options(data));
      for (const name of EVENTS) this.#handle.on(name, (detail) => this.#emit(name, detail));
    }

    // An error state instead of the widget: the message, and an `error` event with a
    // finding of the same shape as the widget's.
    #fail(message, src) {
      this.#teardown();
      this.#showStatus('error', message);
      this.#emit('error', {
        findings: [{ severity: 'error', code: 'load-failed', path: '', message }],
        src,
      });
    }

    #teardown() {
      this.#fetch?.abort();
      this.#fetch = null;
      if (this.#handle) {
        this.#handle.destroy();
        this.#handle.free();
        this.#handle = null;
      }
    }
  }

  // Attributes reflected as properties: el.region = 'RM' sets region="RM". The attribute
  // `dataset` is the property `dataSet`: `dataset` is every element's data-* map.
  for (const name of ATTRIBUTES) {
    Object.defineProperty(SundhedsklyngerDiagram.prototype, name === 'dataset' ? 'dataSet' : name, {
      configurable: true,
      enumerable: true,
      get() {
        return this.getAttribute(name);
      },
      set(value) {
        if (value === null || value === undefined) this.removeAttribute(name);
        else this.setAttribute(name, String(value));
      },
    });
  }

  registry.define(tagName, SundhedsklyngerDiagram);
  return SundhedsklyngerDiagram;
}
