/**
 * A UTF-8 file's lines read a block at a time are the lines its bytes split into, whatever falls on a
 * block's edge: line ends, CRLF pairs, multi-byte characters, a line longer than a block, a last line
 * without its break, a carriage-return-only file.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileIsUtf8, fileLines } from '../../../src/ingest/formats/csv/file-lines.ts';
import { bytesLines } from '../../../src/ingest/formats/csv/lines.ts';
import { tempDbFile } from '../../helpers/store.ts';

const tmp = tempDbFile('tally-file-lines-');
afterAll(() => tmp.remove());

const MB = 1 << 20;

function linesOfFile(bytes: Buffer, offset = 0): Array<[string, number]> {
  const path = join(tmp.dir, 'lines.csv');
  writeFileSync(path, bytes);
  const lines = fileLines(path, offset);
  const out: Array<[string, number]> = [];
  try {
    lines.each((text, line) => void out.push([text, line]));
  } finally {
    lines.close();
  }
  return out;
}

function linesOfBytes(bytes: Buffer, offset = 0): Array<[string, number]> {
  const out: Array<[string, number]> = [];
  bytesLines(bytes, 'utf8', offset).each((text, line) => void out.push([text, line]));
  return out;
}

describe('fileLines', () => {
  it.each([
    ['a line longer than two blocks, between short ones', `a,b\n${'x'.repeat(2 * MB + 123)}\nlast,1\n`],
    ['a CRLF pair split by the first block edge', `${'y'.repeat(MB - 1)}\r\nnext\r\n`],
    ['a last line without its break', `head\n${'z'.repeat(MB + 7)}\ntail without break`],
    ['carriage returns only', `one\r${'w'.repeat(MB + 3)}\rthree\r`],
    ['empty lines and a multi-byte character on the edge', `\n\n${'é'.repeat(MB / 2)}\n\nend\n`],
    ['a line exactly a block long', `${'q'.repeat(MB)}\n${'r'.repeat(MB)}\n`],
  ])('%s: the lines and line numbers of its bytes', (_name, text) => {
    const bytes = Buffer.from(text, 'utf8');
    const fromFile = linesOfFile(bytes);
    expect(fromFile.length).toBeGreaterThan(1);
    expect(fromFile).toEqual(linesOfBytes(bytes));
  });

  it('starts past a byte-order mark when told to', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`d,a\n${'k'.repeat(MB)}\n`)]);
    expect(linesOfFile(bytes, 3)).toEqual(linesOfBytes(bytes, 3));
  });
});

describe('fileIsUtf8', () => {
  it('accepts valid UTF-8 with characters across block edges and refuses a stray byte past the first block', () => {
    const good = Buffer.from(`${'ü'.repeat(MB)}\n`, 'utf8');
    const path = join(tmp.dir, 'utf8.csv');
    writeFileSync(path, good);
    expect(fileIsUtf8(path)).toBe(true);
    const bad = Buffer.concat([good, Buffer.from([0x41, 0xff, 0x0a])]);
    writeFileSync(path, bad);
    expect(fileIsUtf8(path)).toBe(false);
  });
});
