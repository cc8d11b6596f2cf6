import { CustomizedMemory } from 'botbuilder-lg';

/**
 * Every `${w.period.label}` an answer says is a path read from its data by adaptive-expressions'
 * SimpleObjectMemory, which splits the path with a regular expression on every read and finds each part
 * by lower-casing every key of the object it is in (names are matched without regard to case), a dozen
 * times for one answer's working line. A template's paths are a bounded set, and a render never changes
 * the data it says (see lg-target-ids.ts), so the parts of each path are kept, and while a render runs
 * each object's keys are lower-cased once. The same value for every path: the first key, in the object's
 * own order, that matches without regard to case; a part that reads past an array's end, or indexes what
 * is not an array, is undefined, as before.
 */
interface Part {
  name: string;
  lower: string;
  index: number;
}

type ObjectMemory = { memory: unknown; getValue(path: string): unknown };

const MAX_PATHS = 10_000;
const paths = new Map<string, Part[]>();
/** Per object, its keys by their lower case (the first key of each), for the render running. */
let keysByLower: WeakMap<object, Map<string, string>> | undefined;
let installed = false;
let sdkGetValue: ObjectMemory['getValue'] | undefined;

function partsOf(path: string): Part[] {
  let parts = paths.get(path);
  if (!parts) {
    parts = path
      .split(/[.[\]]+/)
      .filter((u) => u !== undefined && u !== '')
      .map((u) =>
        (u.startsWith('"') && u.endsWith('"')) || (u.startsWith("'") && u.endsWith("'"))
          ? u.substring(1, u.length - 1)
          : u,
      )
      .map((name) => ({ name, lower: name.toLowerCase(), index: parseInt(name) }));
    if (paths.size < MAX_PATHS) paths.set(path, parts);
  }
  return parts;
}

/** As adaptive-expressions' accessProperty: a Map by the exact key first, then any key matching without case. */
function property(instance: unknown, part: Part): unknown {
  if (!instance) return undefined;
  if (instance instanceof Map) {
    const value: unknown = instance.get(part.name);
    if (value !== undefined) return value;
    const key = [...(instance.keys() as Iterable<string>)].find((k) => k.toLowerCase() === part.lower);
    return key === undefined ? undefined : instance.get(key);
  }
  if (typeof instance !== 'object' || !keysByLower) {
    const key = Object.keys(instance).find((k) => k.toLowerCase() === part.lower);
    return key === undefined ? undefined : (instance as Record<string, unknown>)[key];
  }
  let keys = keysByLower.get(instance);
  if (!keys) {
    keys = new Map();
    for (const k of Object.keys(instance)) {
      const lower = k.toLowerCase();
      if (!keys.has(lower)) keys.set(lower, k);
    }
    keysByLower.set(instance, keys);
  }
  const key = keys.get(part.lower);
  return key === undefined ? undefined : (instance as Record<string, unknown>)[key];
}

/** Installs the kept paths on SimpleObjectMemory; idempotent. */
export function keepMemoryPaths(): void {
  if (installed) return;
  installed = true;
  // The class found from a memory botbuilder-lg makes, so no other package is imported.
  const memory = (new CustomizedMemory({}) as unknown as { globalMemory: ObjectMemory }).globalMemory;
  const proto = Object.getPrototypeOf(memory) as ObjectMemory;
  sdkGetValue = proto.getValue;
  proto.getValue = function keptPaths(this: ObjectMemory, path: string): unknown {
    if (this.memory === undefined || path.length === 0) return undefined;
    let value: unknown;
    let scope: unknown = this.memory;
    for (const part of partsOf(path)) {
      if (!Number.isNaN(part.index) && Array.isArray(scope)) {
        if (part.index < 0 || part.index >= scope.length) return undefined;
        value = scope[part.index] as unknown;
      } else value = property(scope, part);
      scope = value;
    }
    return value;
  };
}

/** Runs a render with each object's keys lower-cased once (a fresh index for each render). */
export function whileReadingPaths<T>(render: () => T): T {
  const outer = keysByLower;
  keysByLower = new WeakMap();
  try {
    return render();
  } finally {
    keysByLower = outer;
  }
}

/** What adaptive-expressions itself reads at a path of a plain value (for tests to compare with). */
export function sdkPathValue(data: unknown, path: string): unknown {
  keepMemoryPaths();
  return sdkGetValue?.call({ memory: data } as ObjectMemory, path);
}

/** What is read at a path of a plain value now, inside a render or outside one. */
export function keptPathValue(data: unknown, path: string, rendering: boolean): unknown {
  keepMemoryPaths();
  const memory = (new CustomizedMemory(data as object) as unknown as { globalMemory: ObjectMemory })
    .globalMemory;
  return rendering ? whileReadingPaths(() => memory.getValue(path)) : memory.getValue(path);
}
