import { Templates } from 'botbuilder-lg';

/**
 * botbuilder-lg reads a parse-tree node's `text` (ANTLR joins every token under it, recursively) several
 * times per line it says: for each expression, for each condition, and again for error messages it only
 * uses when something fails. A parsed template never changes, so while a template is being said its
 * nodes' text is kept after the first read. Never while parsing: a tree still being built would keep a
 * part of its text. Same text, read once.
 */
type TextOwner = object;

const texts = new WeakMap<TextOwner, string>();
let depth = 0;
let installed = false;

function install(): void {
  installed = true;
  // The class that owns the `text` getter (antlr4ts's RuleContext), found from a parsed tree so this file
  // needs no import of ANTLR itself.
  const tree = Templates.parseText('# T\n- t').toArray()[0]?.templateBodyParseTree as object | undefined;
  for (let proto = tree && Object.getPrototypeOf(tree); proto; proto = Object.getPrototypeOf(proto)) {
    const own = Object.getOwnPropertyDescriptor(proto, 'text');
    if (!own?.get || !proto.constructor || proto.constructor.name !== 'RuleContext') continue;
    const read = own.get;
    Object.defineProperty(proto, 'text', {
      ...own,
      get(this: TextOwner): string {
        if (depth === 0) return read.call(this) as string;
        let text = texts.get(this);
        if (text === undefined) texts.set(this, (text = read.call(this) as string));
        return text;
      },
    });
    return;
  }
}

/** Runs a template evaluation with parse-tree text kept. */
export function whileSaying<T>(evaluate: () => T): T {
  if (!installed) install();
  depth++;
  try {
    return evaluate();
  } finally {
    depth--;
  }
}

/** Runs a parse (an expression first met while saying something) with nothing kept. */
export function whileParsing<T>(parse: () => T): T {
  const outer = depth;
  depth = 0;
  try {
    return parse();
  } finally {
    depth = outer;
  }
}
