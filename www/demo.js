// Demo page: load the browser entry of the package and mount the widget in #app.
// Query parameters (all optional): ?region=RH&lang=en&profile=…&view=list&theme=dark&data=default
// The data set is www/data/demo.json: the real structure plus a SYNTHETIC key-figure set
// (marked "synthetic" and labelled "Eksempeldata – ikke officielle tal" on screen), so the
// calculations can be seen. ?data=default shows the embedded default data only.
import init, { mount } from './pkg/index.js';

const app = document.getElementById('app');
const params = new URLSearchParams(location.search);

async function loadData() {
  try {
    const file = params.get('data') === 'default' ? 'data/default.json' : 'data/demo.json';
    const res = await fetch(new URL(file, import.meta.url));
    if (res.ok) return await res.json();
  } catch {
    // fall through: the widget uses its built-in data set
  }
  return undefined;
}

async function main() {
  const [, data] = await Promise.all([init(), loadData()]);
  const options = {};
  if (data !== undefined) options.data = data;
  for (const key of ['region', 'lang', 'profile', 'view', 'theme']) {
    const value = params.get(key);
    if (value) options[key] = value;
  }
  app.replaceChildren();
  const widget = mount(app, options);
  // Handy from the console: sk.update({ region: 'RN' }), sk.destroy().
  window.sk = widget;
}

main().catch((err) => {
  const p = document.createElement('p');
  p.className = 'status error';
  p.setAttribute('role', 'alert');
  p.textContent = `Widgetten kunne ikke indlæses: ${err?.message ?? err}`;
  app.replaceChildren(p);
  console.error(err);
});
