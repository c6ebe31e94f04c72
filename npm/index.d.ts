export * from './web/sundhedsklynger.js';
import type { InitInput, InitOutput, SyncInitInput, SundhedsklyngerData } from './web/sundhedsklynger.js';

/** Instantiates the .wasm once (later calls return the same promise). */
export default function init(
  module_or_path?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>,
): Promise<InitOutput>;
/** Instantiates the .wasm from bytes or a compiled module, synchronously. */
export function initSync(module: { module: SyncInitInput } | SyncInitInput): InitOutput;
/**
 * A real data set: the one `id` names ("klynger-2022", "sundhedsraad-2027"; see
 * `dataSets()`), or the one in force today. Its file (`data/<id>.json` of the package) is
 * fetched the first time, once per page. Rejects with an `Error` naming the known ids for
 * an unknown one. A fresh object on every call.
 */
export function defaultData(id?: string): Promise<SundhedsklyngerData>;
/** The JSON Schema of the data format (the package's `schema.json`, fetched the first time). */
export function schema(): Promise<Record<string, unknown>>;
