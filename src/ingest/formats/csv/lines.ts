/**
 * The lines of a CSV, read a chunk at a time from the file's bytes, so a million-row file is never one
 * string and never an array of a million lines. Lines are split the way splitCsv's fast path splits
 * them: at "\n" (or at "\r" in a file without any "\n"), a trailing "\r" dropped, empty lines skipped,
 * each numbered by its place in the file.
 */
import iconv from 'iconv-lite';

export interface CsvLine {
  text: string;
  /** 1-based physical line number. */
  line: number;
}

export interface CsvLines {
  /** Calls `visit` for every non-empty line, in order; a `false` from it stops the walk. */
  each(visit: (text: string, line: number) => boolean | void): void;
  /** The text ends with a line break (so its last row is whole). */
  readonly endsWithBreak: boolean;
  /** The last characters of the text, for checks on how it ends. */
  readonly ending: string;
  /** The beginning of the text (up to `chars` characters), for format and delimiter sniffing. */
  start(chars: number): string;
  /** The whole text as one string, for the rare file whose quoted values span lines (csv-parse reads those). */
  whole(): string;
}

/**
 * Lines of bytes in an encoding where a line feed (0x0A) or carriage return (0x0D) byte is always that
 * character: UTF-8 and every single-byte or ASCII-compatible multi-byte code page iconv-lite reads.
 * `offset` skips a byte-order mark. Each line is decoded on its own: a cell kept after its row (a
 * merchant name in a cache) then holds on to its line, not to a large block of the file.
 */
export function bytesLines(bytes: Buffer, encoding: string, offset = 0): CsvLines {
  const decode = (from: number, to: number) =>
    encoding === 'utf8' ? bytes.toString('utf8', from, to) : iconv.decode(bytes.subarray(from, to), encoding);
  const breakByte = bytes.indexOf(0x0a, offset) >= 0 ? 0x0a : 0x0d;
  const last = bytes.length > offset ? bytes[bytes.length - 1] : undefined;
  return {
    endsWithBreak: last === 0x0a || last === 0x0d,
    ending: decode(Math.max(offset, bytes.length - 1024), bytes.length),
    start: (chars) => decode(offset, Math.min(bytes.length, offset + chars * 4)).slice(0, chars),
    whole: () => decode(offset, bytes.length),
    each(visit) {
      let lineNo = 0;
      for (let from = offset; from < bytes.length;) {
        const at = bytes.indexOf(breakByte, from);
        const end = at < 0 ? bytes.length : at;
        lineNo++;
        // A trailing carriage return (a CRLF file) is not part of the line.
        const to = breakByte === 0x0a && end > from && bytes[end - 1] === 0x0d ? end - 1 : end;
        if (to > from && visit(decode(from, to), lineNo) === false) return;
        from = end + 1;
      }
    },
  };
}

/** Lines of text already decoded (files in UTF-16, or read whole for another reason). */
export function textLines(text: string): CsvLines {
  return {
    endsWithBreak: /[\r\n]$/.test(text),
    ending: text.slice(-1024),
    start: (chars) => text.slice(0, chars),
    whole: () => text,
    each(visit) {
      const sep = text.includes('\n') ? '\n' : '\r';
      let lineNo = 0;
      for (let start = 0; ;) {
        const end = text.indexOf(sep, start);
        lineNo++;
        let line = end < 0 ? text.slice(start) : text.slice(start, end);
        if (line.length > 0 && line.charCodeAt(line.length - 1) === 13) line = line.slice(0, -1);
        if (line.length > 0 && visit(line, lineNo) === false) return;
        if (end < 0) return;
        start = end + 1;
      }
    },
  };
}
