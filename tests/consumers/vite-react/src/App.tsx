// Both ways of embedding the widget in React: `mount()` in an effect (the main entry,
// with the .wasm as a separate file Vite copies) and the custom element
// (`sundhedsklynger/element`). What the widgets report is written into the page for the test.
import { useEffect, useRef, useState } from 'react';
import init, { defaultData, keyFigures, mount, validate, type SundhedsklyngerData, type WidgetEventMap, type WidgetHandle } from 'sundhedsklynger';
import 'sundhedsklynger/element';
import type { SundhedsklyngerDiagram } from 'sundhedsklynger/element';

type Selected = WidgetEventMap['select'];

// The data format is typed (data.d.ts, generated from the schema): a data set built in code
// is checked field by field, and a wrong one does not compile.
export function renamedFirstCluster(data: SundhedsklyngerData, name: string): SundhedsklyngerData {
  const [first, ...rest] = data.areas;
  return first ? { ...data, areas: [{ ...first, name }, ...rest] } : data;
}
export function wrongDate(data: SundhedsklyngerData): SundhedsklyngerData {
  // @ts-expect-error `as_of` is a date text, not a number
  return { ...data, as_of: 2022 };
}
// @ts-expect-error an area's `status` is "confirmed" | "partial" | "secondary" | "unverified"
export const wrongStatus: SundhedsklyngerData['areas'][number]['status'] = 'maybe';

function MountedWidget({ region, onSelect }: { region: string; onSelect: (node: Selected) => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let handle: WidgetHandle | undefined;
    let cancelled = false;
    init().then(() => {
      if (cancelled || !ref.current) return;
      handle = mount(ref.current, { region, lang: 'da', view: 'chart' });
      handle.on('select', onSelect);
      handle.on('ready', (ready) => {
        ref.current?.setAttribute('data-ready', `${ready.region}:${ready.ok}`);
      });
    });
    // StrictMode runs this cleanup once right away: the widget must go and come back.
    return () => {
      cancelled = true;
      handle?.destroy();
      handle?.free();
    };
  }, [region, onSelect]);
  return <div id="mounted" ref={ref} />;
}

export function App() {
  const [selected, setSelected] = useState<Selected | null>(null);
  const [elementSelected, setElementSelected] = useState<Selected | null>(null);
  const [checks, setChecks] = useState('');
  const element = useRef<SundhedsklyngerDiagram>(null);

  useEffect(() => {
    // defaultData() fetches the package's data/<id>.json (a Promise in the browser entry).
    init().then(() => defaultData()).then((data: SundhedsklyngerData) => {
      // Options are optional; a bad data set is a result, never an exception.
      const bad = validate('{"format": "sundhedsklynger/1"}');
      const figures = keyFigures(data);
      setChecks(`validate ok: ${bad.ok}; keyFigures ok: ${figures.ok}`);
    });
  }, []);

  useEffect(() => {
    const el = element.current;
    if (!el) return;
    const listener = (e: CustomEvent<Selected>) => setElementSelected(e.detail);
    el.addEventListener('select', listener);
    return () => el.removeEventListener('select', listener);
  }, []);

  return (
    <main>
      <h1>Vite + React</h1>
      <p id="validate">{checks}</p>
      <MountedWidget region="RM" onSelect={setSelected} />
      <p id="selected">{selected ? `${selected.kind} ${selected.id} ${selected.label}` : ''}</p>
      <sundhedsklynger-diagram id="element" region="RN" shadow="open" ref={element} />
      <p id="element-selected">{elementSelected ? `${elementSelected.kind} ${elementSelected.id}` : ''}</p>
    </main>
  );
}
