/**
 * The lines of a UTF-8 CSV read from its file a block at a time, so a large statement is never held in
 * memory, not even as bytes: each pass over the lines reads the file again (from the page cache after
 * the first). Lines are split exactly as `bytesLines` splits them.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import type { CsvLines } from './lines.ts';

/** Bytes read at a time; a line longer than this is carried over into the next block. */
const BLOCK = 1 << 20;

/** Reads `length` bytes at `position` (fewer at the end of the file), into `into` when given. */
function readAt(fd: number, position: number, length: number, into?: Buffer): Buffer {
  const out = into && into.length >= length ? into : Buffer.allocUnsafe(length);
  let got = 0;
  while (got < length) {
    const n = readSync(fd, out, got, length - got, position + got);
    if (n === 0) break;
    got += n;
  }
  return out.subarray(0, got);
}

/** The byte lines end with: a line feed, or a carriage return in a file without any line feed. */
function firstBreak(fd: number, size: number, offset: number): number {
  for (let at = offset; at < size; at += BLOCK) {
    if (readAt(fd, at, Math.min(BLOCK, size - at)).indexOf(0x0a) >= 0) return 0x0a;
  }
  return 0x0d;
}

/**
 * Lines of a UTF-8 file, from byte `offset` (past a byte-order mark). The file is opened and read
 * here and in each pass; `close` releases it.
 */
export function fileLines(path: string, offset = 0): CsvLines & { close(): void } {
  const fd = openSync(path, 'r');
  const size = fstatSync(fd).size;
  const breakByte = firstBreak(fd, size, offset);
  const last = size > offset ? readAt(fd, size - 1, 1)[0] : undefined;
  const text = (from: number, to: number) => readAt(fd, from, Math.max(0, to - from)).toString('utf8');
  return {
    endsWithBreak: last === 0x0a || last === 0x0d,
    ending: text(Math.max(offset, size - 1024), size),
    start: (chars) => text(offset, Math.min(size, offset + chars * 4)).slice(0, chars),
    whole: () => text(offset, size),
    close: () => closeSync(fd),
    each(visit) {
      let lineNo = 0;
      // One buffer for the whole pass: the start of a line a block leaves unfinished moves to its front and
      // the next block is read in behind it, so a pass allocates nothing per block (a fresh buffer per
      // block would leave the whole file as garbage for the collector; lines leave as strings, copies).
      let buffer = Buffer.allocUnsafe(Math.min(2 * BLOCK, size - offset));
      let kept = 0;
      for (let at = offset; at < size;) {
        const want = Math.min(BLOCK, size - at);
        if (buffer.length - kept < want) {
          // A line longer than a block: room for it and the next block.
          const wider = Buffer.allocUnsafe(kept + want);
          buffer.copy(wider, 0, 0, kept);
          buffer = wider;
        }
        const got = readAt(fd, at, want, buffer.subarray(kept));
        if (got.length === 0) break;
        at += got.length;
        const block = buffer.subarray(0, kept + got.length);
        const atEnd = at >= size;
        let from = 0;
        for (;;) {
          const found = block.indexOf(breakByte, from);
          if (found < 0 && !atEnd) break;
          const end = found < 0 ? block.length : found;
          lineNo++;
          // A trailing carriage return (a CRLF file) is not part of the line.
          const to = breakByte === 0x0a && end > from && block[end - 1] === 0x0d ? end - 1 : end;
          if (to > from && visit(block.toString('utf8', from, to), lineNo) === false) return;
          from = end + 1;
          if (found < 0 || from >= block.length) break;
        }
        kept = Math.max(0, block.length - from);
        if (kept > 0) block.copy(buffer, 0, from, block.length);
      }
    },
  };
}

/**
 * Whether a file is valid UTF-8 from byte `offset`, checked a block at a time: a block is cut before the
 * character its end falls in, which starts the next block.
 */
export function fileIsUtf8(path: string, offset = 0): boolean {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    // One buffer for every block: a fresh one each time would leave the whole file as garbage to collect.
    const buffer = Buffer.allocUnsafe(Math.max(0, Math.min(BLOCK, size - offset)));
    for (let at = offset; at < size;) {
      const block = readAt(fd, at, Math.min(BLOCK, size - at), buffer);
      let end = block.length;
      if (at + end < size) {
        // Step back over continuation bytes (10xxxxxx) to the byte that starts the last character.
        while (end > 0 && ((block[end - 1] as number) & 0xc0) === 0x80 && block.length - end < 4) end--;
        if (end > 0 && (block[end - 1] as number) >= 0xc0) end--;
        if (end === 0) return false;
      }
      if (!isUtf8(block.subarray(0, end))) return false;
      at += end;
    }
    return true;
  } finally {
    closeSync(fd);
  }
}
