// Demo page: load the browser entry of the package and mount the widget in #app.
// Query parameters (all optional): ?region=RH&lang=en&profile=…&view=list&theme=dark&data=default
// The data set is www/data/demo.json: the real structure plus a SYNTHETIC key-figure set
// (marked "synthetic" and labelled "Eksempeldata – ikke officielle tal" on screen), so the
// calculations can be seen. ?data=default shows the embedded default data only.
//
// The page's own controls: load your own JSON (file picker or drag-and-drop), download the
// data shown, the JSON Schema, and copy-paste embedding snippets. Their labels follow the
// widget's language switch (Danish first). Nothing is fetched from anywhere but this origin,
// and the page runs under a strict Content-Security-Policy (no inline script or style).
import init, { defaultData, mount, validate } from './pkg/index.js';

/** The core refuses larger input (src/read/limits.rs MAX_INPUT_BYTES). */
const MAX_BYTES = 20 * 1024 * 1024;

const TEXT = {
  da: {
    title: 'Sundhedsklynger og sundhedssamarbejdsudvalg',
    lede: 'Demo af widgetten: vælg en region, skift sprog, indlæs dine egne data og se valideringens fund. Alt kører lokalt i browseren.',
    dataHeading: 'Data',
    dropHint: 'Træk en JSON-fil hertil, eller vælg den med knappen.',
    fileLabel: 'Indlæs egne data (JSON, højst 20 MB)',
    download: 'Hent data',
    reset: 'Brug demodata igen',
    structures: 'De rigtige strukturer:',
    clusters2022: 'Sundhedsklynger 2022–2026',
    councils2027: 'Sundhedsråd fra 2027',
    structureShown: (name) => `Viser ${name}.`,
    schemaLink: 'JSON Schema for dataformatet',
    schemaDownload: 'Hent JSON Schema',
    embedHeading: 'Indlejring',
    embedIntro: 'Kopiér et af eksemplerne ind på din egen side. Widgetten henter intet fra andre servere.',
    snippetElement: 'Custom element (ES-modul)',
    snippetInline: 'Inline-build (én script-fil, virker også fra file://)',
    snippetMount: 'mount() med npm-pakken',
    snippetReact: 'React',
    copy: 'Kopiér',
    shown: (name, size) => `Viser: ${name} (${size})`,
    builtIn: 'de indbyggede data',
    loaded: (name, n, errors) =>
      `${name} er indlæst. Valideringen gav ${n} fund, heraf ${errors} fejl; de vises i widgetten.`,
    tooLarge: (name, size) => `${name} er for stor (${size}); højst 20 MB. Filen er ikke indlæst.`,
    readFailed: (name, why) => `${name} kunne ikke læses: ${why}`,
    notOneFile: 'Slip én JSON-fil ad gangen.',
    downloaded: (name) => `Data er hentet som ${name}.`,
    resetDone: 'Demodata vises igen.',
    copied: 'Kopieret til udklipsholderen.',
    copyFailed: 'Kunne ikke kopiere automatisk: koden er markeret, tryk Ctrl+C (⌘C på Mac).',
    locale: 'da-DK',
  },
  en: {
    title: 'Health clusters and health cooperation committees',
    lede: 'Demo of the widget: choose a region, switch language, load your own data and see the validation findings. Everything runs locally in your browser.',
    dataHeading: 'Data',
    dropHint: 'Drag a JSON file here, or choose it with the button.',
    fileLabel: 'Load your own data (JSON, at most 20 MB)',
    download: 'Download data',
    reset: 'Use the demo data again',
    structures: 'The real structures:',
    clusters2022: 'Health clusters 2022–2026',
    councils2027: 'Health councils from 2027',
    structureShown: (name) => `Showing ${name}.`,
    schemaLink: 'JSON Schema of the data format',
    schemaDownload: 'Download JSON Schema',
    embedHeading: 'Embedding',
    embedIntro: 'Copy one of the examples into your own page. The widget fetches nothing from other servers.',
    snippetElement: 'Custom element (ES module)',
    snippetInline: 'Inline build (one script file, also works from file://)',
    snippetMount: 'mount() with the npm package',
    snippetReact: 'React',
    copy: 'Copy',
    shown: (name, size) => `Showing: ${name} (${size})`,
    builtIn: 'the built-in data',
    loaded: (name, n, errors) =>
      `${name} is loaded. Validation gave ${n} ${n === 1 ? 'finding' : 'findings'}, ${errors} of them ${errors === 1 ? 'an error' : 'errors'}; the widget lists them.`,
    tooLarge: (name, size) => `${name} is too large (${size}); at most 20 MB. The file was not loaded.`,
    readFailed: (name, why) => `${name} could not be read: ${why}`,
    notOneFile: 'Drop one JSON file at a time.',
    downloaded: (name) => `The data were downloaded as ${name}.`,
    resetDone: 'The demo data are shown again.',
    copied: 'Copied to the clipboard.',
    copyFailed: 'Could not copy automatically: the code is selected, press Ctrl+C (⌘C on a Mac).',
    locale: 'en-GB',
  },
};

const app = document.getElementById('app');
const params = new URLSearchParams(location.search);
const $ = (id) => document.getElementById(id);

let lang = 'da';
const t = () => TEXT[lang];

/** What the widget shows: the text verbatim (null = the built-in data) and a file name. */
const initial = { text: null, name: 'sundhedsklynger-data.json', size: 0 };
let current = initial;

/** The last messages, kept as functions of the language so a language switch re-renders them. */
let statusMessage = null; // { render: (t) => string, error: boolean }
let infoMessage = null; // (t) => string

function formatSize(bytes) {
  const nf = (max) => new Intl.NumberFormat(t().locale, { maximumFractionDigits: max });
  // Under 1,000 no grouping: no Intl (its first use on a page loads the locale's data).
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1024) return `${nf(0).format(bytes)} B`;
  if (bytes < 1024 * 1024) return `${nf(1).format(bytes / 1024)} kB`;
  return `${nf(1).format(bytes / (1024 * 1024))} MB`;
}

function render() {
  const tx = t();
  for (const el of document.querySelectorAll('[data-i18n]')) {
    const value = tx[el.dataset.i18n];
    if (typeof value === 'string') el.textContent = value;
  }
  document.title = `${tx.title} – demo`;
  const status = $('demo-status');
  status.textContent = statusMessage ? statusMessage.render(tx) : '';
  status.classList.toggle('error', Boolean(statusMessage?.error));
  $('file-info').textContent = infoMessage ? infoMessage(tx) : '';
}

function setStatus(renderFn, error = false) {
  statusMessage = { render: renderFn, error };
  render();
}

function showCurrent() {
  const { name, size, text } = current;
  infoMessage = (tx) => tx.shown(text === null ? tx.builtIn : name, formatSize(size));
}

/** Follow the widget's language switch (the `lang` attribute of .sk-widget). */
function followWidgetLanguage() {
  const sync = () => {
    const l = app.querySelector('.sk-widget')?.getAttribute('lang');
    if ((l === 'da' || l === 'en') && l !== lang) {
      lang = l;
      document.documentElement.lang = l;
      render();
    }
  };
  new MutationObserver(sync).observe(app, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['lang'],
  });
  sync();
}

async function fetchDemoData() {
  // `?data=default`, `?dataset=…` or `?date=…`: the built-in structures instead of the demo data.
  const builtIn = params.get('data') === 'default' || params.has('dataset') || params.has('date');
  const file = builtIn ? null : 'data/demo.json';
  if (file === null) return null;
  try {
    const res = await fetch(new URL(file, import.meta.url));
    if (res.ok) return { text: await res.text(), name: 'demo.json' };
  } catch {
    // fall through: the widget uses its built-in data set
  }
  return null;
}

/** Read a user's file and hand its text to the widget, which shows the findings. */
async function loadFile(widget, file) {
  if (file.size > MAX_BYTES) {
    setStatus((tx) => tx.tooLarge(file.name, formatSize(file.size)), true);
    return;
  }
  let text;
  try {
    text = await file.text();
  } catch (err) {
    setStatus((tx) => tx.readFailed(file.name, err?.message ?? String(err)), true);
    return;
  }
  widget.update({ data: text });
  current = { text, name: file.name, size: file.size };
  showCurrent();
  let findings = [];
  try {
    findings = validate(text, {}).findings;
  } catch {
    // validate() never throws on bad input; be safe anyway
  }
  const errors = findings.filter((f) => f.severity === 'error').length;
  setStatus((tx) => tx.loaded(file.name, findings.length, errors), errors > 0);
}

async function downloadCurrent() {
  const text = current.text ?? `${JSON.stringify(await defaultData(current.dataset ?? undefined), null, 2)}\n`;
  const name = current.name.toLowerCase().endsWith('.json') ? current.name : `${current.name}.json`;
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
  setStatus((tx) => tx.downloaded(name));
}

async function copySnippet(button) {
  const code = $(button.dataset.copy);
  try {
    if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
    await navigator.clipboard.writeText(code.textContent);
    setStatus((tx) => tx.copied);
  } catch {
    const range = document.createRange();
    range.selectNodeContents(code);
    const selection = getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    setStatus((tx) => tx.copyFailed, true);
  }
}

function wireControls(widget) {
  const input = $('file-input');
  input.addEventListener('change', () => {
    const [file] = input.files;
    if (file) loadFile(widget, file);
    input.value = ''; // choosing the same file again loads it again
  });

  const zone = $('drop-zone');
  const hasFiles = (e) => [...(e.dataTransfer?.types ?? [])].includes('Files');
  for (const type of ['dragenter', 'dragover']) {
    zone.addEventListener(type, (e) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
      zone.classList.add('is-over');
    });
  }
  zone.addEventListener('dragleave', (e) => {
    if (!zone.contains(e.relatedTarget)) zone.classList.remove('is-over');
  });
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('is-over');
    const files = [...(e.dataTransfer?.files ?? [])];
    if (files.length !== 1) {
      setStatus((tx) => tx.notOneFile, true);
      return;
    }
    loadFile(widget, files[0]);
  });
  // A file dropped beside the zone must not replace the page with the file.
  for (const type of ['dragover', 'drop']) {
    window.addEventListener(type, (e) => {
      if (hasFiles(e) && !zone.contains(e.target)) e.preventDefault();
    });
  }

  $('download-data').addEventListener('click', downloadCurrent);
  $('reset-data').addEventListener('click', () => {
    widget.update({ data: initial.text ?? null });
    current = initial;
    showCurrent();
    setStatus((tx) => tx.resetDone);
  });
  for (const button of document.querySelectorAll('button[data-dataset]')) {
    button.addEventListener('click', async () => {
      const id = button.dataset.dataset;
      widget.update({ data: null, dataset: id });
      const size = new TextEncoder().encode(JSON.stringify(await defaultData(id), null, 2)).length + 1;
      current = { text: null, dataset: id, name: `${id}.json`, size };
      showCurrent();
      setStatus((tx) => tx.structureShown(button.textContent));
    });
  }
  for (const button of document.querySelectorAll('button[data-copy]')) {
    button.addEventListener('click', () => copySnippet(button));
  }
}

async function main() {
  const [, demo] = await Promise.all([init(), fetchDemoData()]);
  if (demo) {
    initial.text = demo.text;
    initial.name = demo.name;
    initial.size = new TextEncoder().encode(demo.text).length;
  }
  current = initial;
  const options = {};
  if (initial.text !== null) options.data = initial.text;
  for (const key of ['dataset', 'date', 'region', 'lang', 'profile', 'view', 'theme']) {
    const value = params.get(key);
    if (value) options[key] = value;
  }
  app.replaceChildren();
  const widget = mount(app, options);
  // Handy from the console: sk.update({ region: 'RN' }), sk.destroy().
  window.sk = widget;
  wireControls(widget);
  followWidgetLanguage();
  render();
  // The size of the built-in data and its line (Intl's first use loads the locale's data):
  // in a task of their own, so that the page's loading tasks stay short.
  setTimeout(async () => {
    if (initial.text === null) initial.size = new TextEncoder().encode(JSON.stringify(await defaultData(), null, 2)).length + 1;
    if (current === initial) showCurrent();
    render();
  }, 0);
}

main().catch((err) => {
  const p = document.createElement('p');
  p.className = 'status error';
  p.setAttribute('role', 'alert');
  p.textContent = `Widgetten kunne ikke indlæses: ${err?.message ?? err}`;
  app.replaceChildren(p);
  console.error(err);
});
