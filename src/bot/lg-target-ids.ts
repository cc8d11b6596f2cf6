import { CustomizedMemory, EvaluationTarget } from 'botbuilder-lg';

/**
 * botbuilder-lg names each template call by its name plus its whole scope as JSON (the data the answer was
 * rendered with, and the call's arguments), and before every call it asks that name of every call still on
 * the stack to refuse a loop: a template three calls deep serialises the answer's data half a dozen times.
 * Nothing changes a scope while a render runs (templates cannot assign; the one built-in that could,
 * `setPathToValue`, is not used in dialogs/ — see test/bot/lg-target-ids.test.ts), so each memory's JSON
 * and each call's name are worked out once and kept.
 *
 * The answer's data is not serialised at all while `BotTemplates` says it (`whileNaming`): every call of
 * one render shares that data as its global scope (a call's arguments are its local scope; only
 * `fromFile` and `expandText`, unused in dialogs/, start a scope of their own, on an evaluator of their
 * own), and names are compared only within a render. So the data's part of every name can be one mark
 * for that render: the names that were equal are equal, the ones that differed still differ. Same loop
 * checks, same cached results.
 */
type Memory = { version(): string | undefined };
type Scoped = { globalMemory?: Memory; localMemory?: Memory };

const memoryVersions = new WeakMap<Memory, string | undefined>();
const targetIds = new WeakMap<EvaluationTarget, string>();

function versionOf(memory: Memory): string | undefined {
  if (memoryVersions.has(memory)) return memoryVersions.get(memory);
  const version = plainVersion(memory) ?? memory.version();
  memoryVersions.set(memory, version);
  return version;
}

/**
 * A plain object's memory as JSON without the SDK's replacer, which V8 cannot serialise on its fast path
 * (a call back into JavaScript for every value, to drop objects seen before). A replies' data is plain JSON:
 * where it is not (a cycle), the SDK's own answer is used. Plain JSON says at least as much as the SDK's,
 * so two scopes with the same id still hold the same values, and loops are found as before.
 */
function plainVersion(memory: Memory): string | undefined {
  if (memory.constructor.name !== 'SimpleObjectMemory') return undefined;
  try {
    const scope = (memory as Memory & { memory?: unknown }).memory;
    return valueJsons ? scopeJson(scope, valueJsons) : JSON.stringify(scope);
  } catch {
    return undefined;
  }
}

/** Within a render, each argument value's JSON (a call's scope is its arguments by name). */
let valueJsons: WeakMap<object, string> | undefined;

/**
 * A call's scope as JSON.stringify writes it, from each argument's JSON kept for the render: `Working(w)`
 * passes the same `w` on to every template it calls, and each of those calls is a new scope holding it.
 */
export function scopeJson(scope: unknown, kept: WeakMap<object, string>): string | undefined {
  if (scope === null || typeof scope !== 'object' || Array.isArray(scope) || 'toJSON' in scope)
    return JSON.stringify(scope);
  const parts: string[] = [];
  for (const [key, value] of Object.entries(scope)) {
    if (value === undefined || typeof value === 'function' || typeof value === 'symbol') continue;
    let json: string | undefined;
    if (
      value !== null &&
      typeof value === 'object' &&
      typeof (value as { toJSON?: unknown }).toJSON === 'function'
    )
      json = JSON.stringify((value as { toJSON(key: string): unknown }).toJSON(key));
    else if (value !== null && typeof value === 'object') {
      json = kept.get(value);
      if (json === undefined) kept.set(value, (json = JSON.stringify(value)));
    } else json = JSON.stringify(value);
    if (json !== undefined) parts.push(`${JSON.stringify(key)}:${json}`);
  }
  return `{${parts.join(',')}}`;
}

let installed = false;
/** The data of the render running, whose memory is named by a mark instead of its JSON. */
let renderData: unknown;
/** Not JSON (JSON never starts with a control character), so it cannot equal a serialised scope. */
const RENDER_DATA = '\u0001render';

/** Runs a render of `data` with the data's part of every call's name taken as one mark. */
export function whileNaming<T>(data: unknown, render: () => T): T {
  const outer = renderData;
  const outerJsons = valueJsons;
  renderData = data;
  valueJsons = new WeakMap();
  try {
    return render();
  } finally {
    renderData = outer;
    valueJsons = outerJsons;
  }
}

function globalVersion(memory: Memory): string | undefined {
  const wrapped = (memory as Memory & { memory?: unknown }).memory;
  if (renderData !== undefined && wrapped === renderData) return RENDER_DATA;
  return versionOf(memory);
}

/** Makes template-call ids cheap; idempotent. */
export function keepEvaluationIds(): void {
  if (installed) return;
  installed = true;
  const getId = EvaluationTarget.prototype.getId;
  EvaluationTarget.prototype.getId = function keptId(this: EvaluationTarget): string {
    let id = targetIds.get(this);
    if (id === undefined) targetIds.set(this, (id = getId.call(this)));
    return id;
  };
  // As CustomizedMemory.version, with each part's JSON kept per memory object.
  CustomizedMemory.prototype.version = function keptVersion(this: CustomizedMemory): string {
    const { globalMemory, localMemory } = this as unknown as Scoped;
    let result = '';
    const global = globalMemory ? globalVersion(globalMemory) : undefined;
    if (global) result = result.concat(global);
    const local = localMemory ? versionOf(localMemory) : undefined;
    if (local !== undefined) result = result.concat(local);
    return result;
  };
}
