// The trees every contender of `make bench` gets, from one generator.
//
// - `orgTree(n, fanOut)`: the layout benchmark's trees (the same as bench/layout.mjs and
//   examples/bench_layout.rs): node i's parent is floor((i - 1) / fanOut), box sizes vary
//   with i. "wide" = fan-out 12, "deep" = fan-out 3.
// - `widgetShape(n)`: the shape the widget's org chart can have — region → SSU and clusters →
//   political / professional level → seats — with about n nodes in all, as a parent array;
//   `widgetDataset(n)` is the same as a `sundhedsklynger/1` data set and `flatData(shape)` as
//   d3-org-chart's flat `{ id, parentId }` rows, so both draw the same tree.

export const SIZES = [100, 1_000, 10_000, 100_000];
export const VARIANTS = { wide: 12, deep: 3 };

/** Parent array and box sizes of an org-chart-shaped tree of `n` nodes. */
export function orgTree(n, fanOut) {
  const parents = new Int32Array(n);
  const widths = new Float64Array(n);
  const heights = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    parents[i] = i === 0 ? -1 : Math.floor((i - 1) / fanOut);
    widths[i] = 120 + ((i * 37) % 80);
    heights[i] = 40 + ((i * 13) % 30);
  }
  return { parents, widths, heights };
}

/** How many clusters a widget tree of about `n` nodes gets: bodies then hold ~√(3n) seats each. */
export function clusterCount(n) {
  return Math.max(2, Math.round(Math.sqrt(n / 3)));
}

/**
 * The widget's chart shape with `n` nodes: node 0 the region, node 1 its SSU, then per
 * cluster the cluster, its political and its professional level, then the seats, spread
 * round-robin over the 1 + 2·C bodies. Returns { parents, ids, clusters, bodies, seats }.
 */
export function widgetShape(n) {
  const clusters = clusterCount(n);
  const bodies = 1 + 2 * clusters;
  const seats = n - 1 - clusters - bodies;
  if (seats < bodies) throw new Error(`${n} nodes are too few for ${clusters} clusters`);
  const parents = [-1, 0];
  const ids = ['R1', 'R1/ssu'];
  const bodyNodes = [1];
  for (let c = 0; c < clusters; c++) {
    const id = `R1-K${c}`;
    const at = parents.length;
    parents.push(0, at, at);
    ids.push(id, `${id}/political`, `${id}/professional`);
    bodyNodes.push(at + 1, at + 2);
  }
  const perBody = new Array(bodies).fill(0);
  for (let s = 0; s < seats; s++) {
    const b = s % bodies;
    parents.push(bodyNodes[b]);
    ids.push(`${ids[bodyNodes[b]]}#${perBody[b]++}`);
  }
  return { parents, ids, clusters, bodies, seats, bodyIds: bodyNodes.map((v) => ids[v]) };
}

const ROLES = ['regional-council-member', 'general-practice-representative', 'patient-representative', 'other'];
const SURNAMES = ['Hansen', 'Jensen', 'Nielsen', 'Pedersen', 'Andersen', 'Christensen', 'Larsen', 'Sørensen'];

/**
 * A valid `sundhedsklynger/1` data set whose org chart is `widgetShape(n)`: one region,
 * clusters of one municipality each, a person on every seat (so the search has names
 * to find), and a profile of its own that requires nothing, so the findings list stays
 * short and the time goes to the chart. Person i is called "Person <i> <surname>".
 * `persons: false` leaves the seats empty (shown by their role).
 */
export function widgetDataset(n, { persons: withPersons = true } = {}) {
  const shape = widgetShape(n);
  if (shape.clusters > 900) throw new Error('three-digit municipality codes run out above 900 clusters');
  const clusters = [];
  const municipalities = [];
  for (let c = 0; c < shape.clusters; c++) {
    const code = String(100 + c);
    municipalities.push({ code, name: `Kommune ${c}`, region: 'R1' });
    clusters.push({
      id: `R1-K${c}`, region: 'R1', name: `Klynge ${c}`, acute_hospitals: [], status: 'confirmed', sources: [],
      members: [{ municipality: code }],
    });
  }
  const persons = [];
  const seats = [];
  const perBody = new Array(shape.bodies).fill(0);
  for (let s = 0; s < shape.seats; s++) {
    const b = s % shape.bodies;
    perBody[b]++;
    const seat = { id: `s${s}`, body: shape.bodyIds[b], role: ROLES[s % ROLES.length] };
    if (withPersons) {
      persons.push({ id: `p${s}`, name: `Person ${s} ${SURNAMES[s % SURNAMES.length]}`, party: 'A' });
      seat.person = `p${s}`;
    }
    seats.push(seat);
  }
  return {
    format: 'sundhedsklynger/1',
    as_of: '2024-01-01',
    profile: 'bench',
    profiles: [
      {
        id: 'bench',
        name: { da: 'Benchmark (ingen krav)', en: 'Benchmark (no requirements)' },
        description: { da: 'Kræver ingen pladser.', en: 'Requires no seats.' },
        ssu: [],
        political: [],
        professional: [],
      },
    ],
    regions: [{ id: 'R1', name: 'Region Bench' }],
    municipalities,
    clusters,
    persons,
    seats,
  };
}

/** d3-org-chart's flat rows for a parent array (ids as strings). */
export function flatData(parents, ids) {
  const rows = new Array(parents.length);
  for (let i = 0; i < parents.length; i++) {
    rows[i] = { id: ids ? ids[i] : String(i), parentId: parents[i] < 0 ? null : ids ? ids[parents[i]] : String(parents[i]) };
  }
  return rows;
}

/**
 * d3-org-chart's flat rows for one region of a data set (`/1` or `/2`, an object from
 * JSON.parse): the region, its SSU (every body `<region>/<kind>`), its areas, each area's
 * bodies (`<area>/<kind>`), and the seats, each under its body with its holder's name — the
 * nodes the widget's chart of that region has (a body without listed seats appears only
 * where a seat names it: the widget draws such a body with the seats its profile requires).
 */
export function rowsFromDataset(data, region) {
  const areas = (data.areas ?? data.clusters ?? []).filter((a) => a.region === region);
  const person = new Map((data.persons ?? []).map((p) => [p.id, p.name]));
  const owners = new Set([region, ...areas.map((a) => a.id)]);
  const rows = [{ id: region, parentId: null, name: data.regions?.find((r) => r.id === region)?.name ?? region }];
  for (const a of areas) rows.push({ id: a.id, parentId: region, name: a.name });
  const bodies = new Set();
  for (const s of data.seats ?? []) {
    const owner = s.body.slice(0, s.body.lastIndexOf('/'));
    if (!owners.has(owner)) continue;
    if (!bodies.has(s.body)) {
      bodies.add(s.body);
      rows.push({ id: s.body, parentId: owner, name: s.body });
    }
    rows.push({ id: `seat:${s.id}`, parentId: s.body, name: person.get(s.person) ?? s.role });
  }
  return rows;
}
