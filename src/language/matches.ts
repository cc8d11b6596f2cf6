/** Every match of a pattern in a text, for the finders that run many patterns over every message. */

/**
 * `[...text.matchAll(pattern)]` without the copy of the pattern `matchAll` makes on every call (the query
 * readers run dozens of patterns a message): the pattern itself, from its `lastIndex`, which is put back.
 */
export function allMatches(text: string, pattern: RegExp): RegExpExecArray[] {
  if (!pattern.global) return [...text.matchAll(pattern)] as RegExpExecArray[];
  const from = pattern.lastIndex;
  const out: RegExpExecArray[] = [];
  try {
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      out.push(m);
      if (m[0] === '') pattern.lastIndex = nextIndex(text, pattern.lastIndex, /[uv]/.test(pattern.flags));
    }
  } finally {
    pattern.lastIndex = from;
  }
  return out;
}

/** Past an empty match as `matchAll` steps: one character, or a whole surrogate pair under the u or v flag. */
function nextIndex(text: string, at: number, unicode: boolean): number {
  if (!unicode || at + 1 >= text.length) return at + 1;
  const lead = text.charCodeAt(at);
  const trail = text.charCodeAt(at + 1);
  return lead >= 0xd800 && lead <= 0xdbff && trail >= 0xdc00 && trail <= 0xdfff ? at + 2 : at + 1;
}
