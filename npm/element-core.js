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
// - `loading="lazy"`: nothing is fetched or compiled (neither the .wasm nor a data set nor
//   `src`) until the element comes within 200px of the viewport (IntersectionObserver);
//   `loading="eager"`, the default, starts at once. Any other value is an `invalid-option`
//   finding naming `loading` (made by `mount`, like every option's), and loads eagerly.
// - Until the widget is drawn the element shows a light placeholder (title, "Indlæser
//   diagram …", a progress bar) and reserves height: `--sk-reserved-height` (CSS custom
//   property on the element; default max(640px, 100vh)). The widget is taller than a
//   screen (3,400–4,100px at 1,280px wide), so with the default nothing below it is in
//   view while it loads, and nothing in view moves when it is drawn (bench/load.mjs: CLS).

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
    ':host(:not([data-sk-drawn])){min-height:var(--sk-reserved-height,max(640px,100vh))}' +
    '.sk-host{all:initial;display:block}' +
    '.sk-placeholder,.sk-loading{all:initial;display:block;box-sizing:border-box;padding:1rem 1.25rem;' +
    'font:1rem/1.45 system-ui,sans-serif;color:#1a1a1a;background:#f5f6f8;border-radius:4px;' +
    'min-height:var(--sk-reserved-height,max(640px,100vh))}' +
    '.sk-placeholder p,.sk-loading p{margin:0 0 .5rem}.sk-placeholder .sk-loading-title,.sk-loading .sk-loading-title{font-weight:600;font-size:1.15rem}' +
    '.sk-placeholder progress,.sk-loading progress{display:block;width:12rem;max-width:100%}' +
    '.sk-status{all:initial;display:block;margin:0 0 .5rem;padding:.5rem .75rem;border-radius:4px;' +
    'font:1rem/1.45 system-ui,sans-serif;color:#1a1a1a;background:#f5f6f8}' +
    '.sk-status.sk-load-error{color:#a40000;background:#fdf0f0;border:1px solid #a40000}' +
    // [hidden]: all:initial + display:block would show it as an empty bar.
    '.sk-status p{margin:0}.sk-status[hidden]{display:none}';
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

  // The attributes that are mount options of the same name; `src` is the element's own,
  // `loading` is read when the element is first connected (and checked by `mount`).
  const OPTION_ATTRIBUTES = ['dataset', 'date', 'region', 'lang', 'profile', 'view', 'theme', 'gestures'];
  const ATTRIBUTES = ['src', 'loading', ...OPTION_ATTRIBUTES];
  const EVENTS = ['ready', 'select', 'error'];

  // One observer for every lazy element: each starts when it comes within 200px.
  const LAZY_MARGIN = '200px';
  let observer;
  const waiting = new WeakMap();
  const observe = (element, start) => {
    if (typeof IntersectionObserver !== 'function') return false;
    observer ??= new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          if (!entry.isIntersecting) continue;
          observer.unobserve(entry.target);
          const go = waiting.get(entry.target);
          waiting.delete(entry.target);
          go?.();
        }
      },
      { rootMargin: LAZY_MARGIN },
    );
    waiting.set(element, start);
    observer.observe(element);
    return true;
  };
  const unobserve = (element) => {
    if (waiting.delete(element)) observer?.unobserve(element);
  };

  const PLACEHOLDER = {
    title: { da: 'Sundhedsklynger og sundhedssamarbejdsudvalg', en: 'Health clusters and health cooperation committees' },
    text: { da: 'Indlæser diagram …', en: 'Loading the chart …' },
  };

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
    #near = false; // false while loading="lazy" waits for the viewport
    #placeholder = null;

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
        this.#placeholder = this.#makePlaceholder();
        this.#shadow.append(this.#status, this.#placeholder, this.#host);
        this.addEventListener('ready', () => this.#drawn(), { capture: true });
        this.#near = this.getAttribute('loading') !== 'lazy' || !observe(this, () => {
          this.#near = true;
          this.#render();
        });
      }
      this.#render();
    }

    #makePlaceholder() {
      const lang = this.getAttribute('lang') === 'en' ? 'en' : 'da';
      const box = document.createElement('div');
      box.className = 'sk-placeholder';
      box.setAttribute('role', 'status');
      box.setAttribute('aria-busy', 'true');
      const title = document.createElement('p');
      title.className = 'sk-loading-title';
      title.textContent = PLACEHOLDER.title[lang];
      const text = document.createElement('p');
      text.textContent = PLACEHOLDER.text[lang];
      const progress = document.createElement('progress');
      progress.setAttribute('aria-label', PLACEHOLDER.text[lang]);
      box.append(title, text, progress);
      return box;
    }

    // The widget is drawn: the placeholder and the reserved height go.
    #drawn() {
      this.#placeholder?.remove();
      this.toggleAttribute('data-sk-drawn', true);
    }

    disconnectedCallback() {
      // Moving the element fires disconnect + connect: keep the widget then.
      queueMicrotask(() => {
        if (!this.isConnected) {
          this.#teardown();
          if (!this.#near) unobserve(this);
        }
      });
    }

    attributeChangedCallback(name, oldValue, value) {
      if (oldValue === value || !this.#shadow || name === 'loading') return;
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
      let data = this.#data ?? this.#loaded;
      if (data === undefined) {
        // The data set shown (the widget has its text by now).
        const date = this.getAttribute('date');
        const id = this.getAttribute('dataset') ?? (date ? this.#api.dataSetInForce(date) : undefined);
        try {
          data = this.#api.defaultData(id);
        } catch {
          data = this.#api.defaultData();
        }
      }
      const profile = this.getAttribute('profile') ?? undefined;
      return this.#api.keyFigures(data, { ...(this.#keyFigureOptions ?? {}), profile });
    }

    #options(data) {
      const o = { data };
      const loading = this.getAttribute('loading');
      if (loading !== null) o.loading = loading;
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
      if (!this.#near) return; // loading="lazy": not near the viewport yet
      const generation = ++this.#generation;
      this.#fetch?.abort();
      this.#fetch = null;
      let api;
      // The data set named by `dataset` can be fetched while the .wasm loads (the ES
      // entry's loader has `prefetch`; the inline build has the texts inside).
      if (!this.#api && this.#data === undefined && !this.getAttribute('src')) loadApi.prefetch?.(this.getAttribute('dataset'));
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
      // The widget shows its own placeholder while it fetches the data set it shows.
      this.#placeholder?.remove();
      this.#handle = api.mount(this.#host, this.#options(data));
      for (const name of EVENTS) this.#handle.on(name, (detail) => this.#emit(name, detail));
    }

    // An error state instead of the widget: the message, and an `error` event with a
    // finding of the same shape as the widget's.
    #fail(message, src) {
      this.#teardown();
      this.#drawn();
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
