/** A small element tree shared by the OFX (SGML and XML) and camt readers. */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { StatementError, TruncatedStatementError } from '../types.ts';
import { endLine, lineAt } from './statement.ts';

export interface MarkupNode {
  name: string;
  /** Text of a leaf element ('' when empty); undefined for aggregates. */
  value?: string;
  attrs?: Record<string, string>;
  children: MarkupNode[];
  /** 1-based line where the element starts, when known. */
  line?: number;
  /** SGML only: true once the element's own closing tag was read (leaves and implied closes stay unset). */
  closed?: boolean;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Replaces the character references SGML writers leave in OFX values. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

/**
 * Reads SGML where leaf elements may lack closing tags (OFX 1.x, OFC). A tag followed by text is a leaf;
 * a tag followed directly by another tag opens an aggregate; a closing tag closes everything opened
 * since its opening tag, which is how OFX 1.x readers recover from unclosed leaves.
 */
export function parseSgml(source: string, startOffset = 0): MarkupNode {
  const text = source.includes('<!--')
    ? source.replace(/<!--[\s\S]*?-->/g, (c) => c.replace(/[^\n]/g, ''))
    : source;
  const root: MarkupNode = { name: '#root', children: [], line: 1 };
  const stack: MarkupNode[] = [root];
  let line = 1 + countNewlines(text, 0, startOffset);
  let pos = startOffset;
  const tagRe = /<([^<>]*)>/g;
  tagRe.lastIndex = pos;
  let m: RegExpExecArray | null;
  while ((m = tagRe.exec(text))) {
    line += countNewlines(text, pos, m.index);
    pos = tagRe.lastIndex;
    const tag = (m[1] ?? '').trim();
    if (tag === '' || tag.startsWith('?') || tag.startsWith('!')) continue;
    const top = stack[stack.length - 1] ?? root;
    if (tag.startsWith('/')) {
      const name = tag.slice(1).trim().toUpperCase();
      const at = findOpen(stack, name);
      if (at > 0) {
        (stack[at] as MarkupNode).closed = true;
        stack.length = at;
      }
      continue;
    }
    const name = tag.split(/\s/)[0]?.toUpperCase() ?? '';
    const next = text.indexOf('<', pos);
    const raw = text.slice(pos, next < 0 ? text.length : next);
    const node: MarkupNode = { name, children: [], line };
    top.children.push(node);
    const closesItself = next >= 0 && text.startsWith(`</${name}>`, next);
    if (raw.trim() !== '' || closesItself) {
      node.value = decodeEntities(raw.trim());
      if (closesItself) node.closed = true;
    } else {
      stack.push(node);
    }
  }
  for (const n of stack) if (n.children.length === 0 && n.value === undefined && n !== root) n.value = '';
  fillEmptyAggregates(root);
  return root;
}

function fillEmptyAggregates(node: MarkupNode): void {
  for (const c of node.children) {
    if (c.value === undefined && c.children.length === 0) c.value = '';
    else fillEmptyAggregates(c);
  }
}

function findOpen(stack: readonly MarkupNode[], name: string): number {
  for (let i = stack.length - 1; i > 0; i--) if (stack[i]?.name === name) return i;
  return -1;
}

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

type Ordered = Record<string, unknown>;

/**
 * Parses well-formed XML into the same tree. Namespace prefixes are dropped so camt versions and
 * prefixed OFX read alike. Returns undefined when the text is not well-formed.
 */
export function parseXml(text: string): MarkupNode | undefined {
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    processEntities: true,
    ignoreDeclaration: true,
    ignorePiTags: true,
  });
  let ordered: Ordered[];
  try {
    ordered = parser.parse(text, true) as Ordered[];
  } catch {
    return undefined;
  }
  return { name: '#root', children: convert(ordered) };
}

function convert(items: readonly Ordered[]): MarkupNode[] {
  const out: MarkupNode[] = [];
  for (const item of items) {
    for (const key of Object.keys(item)) {
      if (key === ':@' || key === '#text') continue;
      const body = (item[key] ?? []) as Ordered[];
      const node: MarkupNode = { name: key, children: convert(body) };
      const attrs = item[':@'] as Record<string, string> | undefined;
      if (attrs) node.attrs = attrs;
      if (node.children.length === 0) {
        node.value = body
          .map((b) => String(b['#text'] ?? ''))
          .join('')
          .trim();
      }
      out.push(node);
    }
  }
  return out;
}

/** First child with this name (case-insensitive for OFX, exact for camt callers that pass exact names). */
export function child(node: MarkupNode | undefined, name: string): MarkupNode | undefined {
  return node?.children.find((c) => c.name === name);
}

/** Text of a leaf found by a path of child names; undefined when missing or empty. */
export function text(node: MarkupNode | undefined, ...path: string[]): string | undefined {
  let cur = node;
  for (const p of path) cur = child(cur, p);
  const v = cur?.value?.trim();
  return v === undefined || v === '' ? undefined : v;
}

/** Every descendant with this name, in document order. */
export function findAll(node: MarkupNode, name: string, out: MarkupNode[] = []): MarkupNode[] {
  for (const c of node.children) {
    if (c.name === name) out.push(c);
    else findAll(c, name, out);
  }
  return out;
}

/** First descendant with this name, depth first. */
export function findFirst(node: MarkupNode | undefined, name: string): MarkupNode | undefined {
  if (!node) return undefined;
  for (const c of node.children) {
    if (c.name === name) return c;
    const deep = findFirst(c, name);
    if (deep) return deep;
  }
  return undefined;
}

/** An element left open where a file stops, outermost first. */
export interface OpenElement {
  name: string;
  line: number;
}

/** "inside <STMTTRN> from line 40; </STMTTRN>, </BANKTRANLIST> and </OFX> never come". */
export function openElementsText(open: readonly OpenElement[]): string {
  const inner = open[open.length - 1];
  if (!inner) return 'in the middle of a tag';
  const closers = [...open].reverse().map((o) => `</${o.name}>`);
  const list =
    closers.length === 1
      ? `${closers[0]} never comes`
      : closers.length <= 4
        ? `${closers.slice(0, -1).join(', ')} and ${closers[closers.length - 1]} never come`
        : `${closers[0]} and ${closers.length - 1} more closing tags up to ${closers[closers.length - 1]} never come`;
  return `inside <${inner.name}> from line ${inner.line}; ${list}`;
}

/**
 * Explains why XML could not be read: a file that stops with elements still open (or inside a tag)
 * is cut off; anything else is not well-formed, at the line and column the validator names.
 */
export function brokenXml(source: string, file: string, kind: string): StatementError {
  const { open, insideTag } = xmlOpenAtEnd(source);
  if (open.length > 0 || insideTag) {
    const elements = open.map((o) => ({
      name: o.name.replace(/^[^:]*:/, ''),
      line: lineAt(source, o.offset),
    }));
    return new TruncatedStatementError(
      file,
      endLine(source),
      insideTag && open.length === 0 ? 'in the middle of a tag' : openElementsText(elements),
    );
  }
  const result = XMLValidator.validate(source);
  const err = result === true ? undefined : result.err;
  return new StatementError(
    file,
    err ? `line ${err.line}, column ${err.col}` : 'document',
    `expected well-formed ${kind} XML${err ? ` (${err.msg})` : ''}`,
  );
}

/** The elements still open where the text stops, and whether it stops inside a tag, comment or CDATA. */
function xmlOpenAtEnd(source: string): { open: Array<{ name: string; offset: number }>; insideTag: boolean } {
  const stack: Array<{ name: string; offset: number }> = [];
  const re = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<[?!][^>]*>|<(\/?)([^\s/>]+)[^>]*?(\/?)>/g;
  let end = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(source))) {
    end = re.lastIndex;
    const name = m[2];
    if (!name) continue;
    if (m[1]) {
      const at = stack.map((e) => e.name).lastIndexOf(name);
      if (at >= 0) stack.length = at;
    } else if (!m[3]) stack.push({ name, offset: m.index });
  }
  return { open: stack, insideTag: source.indexOf('<', end) >= 0 };
}
