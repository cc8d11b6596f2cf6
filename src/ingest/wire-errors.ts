/**
 * Statement errors carried between threads: a structured clone keeps an Error's message but not its
 * class or fields, and callers tell a cut-off file from a question by class.
 */
import { StatementError, StatementQuestion, TruncatedStatementError } from './types.ts';

export type WireError =
  | { kind: 'truncated'; file: string; line: number; detail: string }
  | { kind: 'statement'; file: string; where: string; expected: string }
  | { kind: 'question'; file: string; topic: StatementQuestion['topic']; question: string; options: string[] }
  | { kind: 'other'; message: string; stack?: string };

export function toWire(e: unknown): WireError {
  if (e instanceof TruncatedStatementError)
    return { kind: 'truncated', file: e.file, line: e.line, detail: e.detail };
  if (e instanceof StatementError)
    return { kind: 'statement', file: e.file, where: e.where, expected: e.expected };
  if (e instanceof StatementQuestion)
    return { kind: 'question', file: e.file, topic: e.topic, question: e.question, options: e.options };
  return e instanceof Error
    ? { kind: 'other', message: e.message, stack: e.stack }
    : { kind: 'other', message: String(e) };
}

export function fromWire(w: WireError): Error {
  switch (w.kind) {
    case 'truncated':
      return new TruncatedStatementError(w.file, w.line, w.detail);
    case 'statement':
      return new StatementError(w.file, w.where, w.expected);
    case 'question':
      return new StatementQuestion(w.file, w.topic, w.question, w.options);
    case 'other': {
      const err = new Error(w.message);
      if (w.stack) err.stack = w.stack;
      return err;
    }
  }
}
