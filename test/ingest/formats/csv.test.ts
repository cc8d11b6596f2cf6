/** CSV inference: messages, questions and the number shapes banks write. */
import { describe, expect, it } from 'vitest';
import { parseStatement } from '../../../src/ingest/parse.ts';
import { StatementError, StatementQuestion, type ParseOptions } from '../../../src/ingest/types.ts';

const read = (text: string, opts: Partial<ParseOptions> = {}) =>
  parseStatement(Buffer.from(text, 'utf8'), { fileName: 'statement.csv', ...opts });

function caught(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  return undefined;
}

describe('CSV statements', () => {
  it('names the file, line, column and the expected date shape for a bad date', () => {
    const rows = ['Details,Posting Date,Description,Amount,Type,Balance,Check or Slip #,'];
    for (let i = 0; i < 55; i++)
      rows.push(
        `DEBIT,02/${String((i % 27) + 1).padStart(2, '0')}/2026,"SHOP ${i}",-1.00,DEBIT_CARD,10.00,,`,
      );
    rows.push('DEBIT,hello,"SHOP",-1.00,DEBIT_CARD,10.00,,');
    const e = caught(() => read(rows.join('\n')));
    expect(e).toBeInstanceOf(StatementError);
    expect((e as Error).message).toBe(
      'statement.csv, line 57: expected a date like 02/28/2026 in column "Posting Date", found "hello"',
    );
  });

  it('asks when every date reads both ways and the order does not settle it', () => {
    const e = caught(() => read('Date,Description,Amount\n03/04/2026,A,-1.00\n03/04/2026,B,-2.00\n'));
    expect(e).toBeInstanceOf(StatementQuestion);
    expect((e as StatementQuestion).options).toEqual(['mm/dd/yyyy', 'dd/mm/yyyy']);
    expect(
      read('Date,Description,Amount\n03/04/2026,A,-1.00\n', { dateFormat: 'dd/mm/yyyy' })[0]?.transactions[0]
        ?.date,
    ).toBe('2026-04-03');
  });

  it('settles day-first dates from the row order', () => {
    const [st] = read(
      'Date,Description,Amount\n01/02/2026,A,-1.00\n05/02/2026,B,-2.00\n03/03/2026,C,-3.00\n',
    );
    expect(st?.transactions.map((t) => t.date)).toEqual(['2026-02-01', '2026-02-05', '2026-03-03']);
  });

  it('reads decimal commas, thousands dots, a preamble and semicolons', () => {
    const [st] = read(
      'Kontoauszug\nKonto;12345678\n\nBuchungstag;Empfänger;Betrag;Währung\n28.02.2026;Miete;-1.234,56;EUR\n27.02.2026;Gehalt;2.500,00;EUR\n',
    );
    expect(st?.transactions.map((t) => t.amountMinor)).toEqual([-123456, 250000]);
    expect(st?.account.currency).toBe('EUR');
  });

  it('reads debit/credit columns, parentheses, trailing minus and a direction column', () => {
    const dc = read(
      'Date,Description,Debit,Credit\n2026-02-01,Rent,"$1,200.00",\n2026-02-02,Pay,,"$3,000.00"\n',
    )[0];
    expect(dc?.transactions.map((t) => t.amountMinor)).toEqual([-120000, 300000]);
    const dir = read(
      'Date,Description,Amount,DR/CR\n2026-02-01,Rent,(12.00),DR\n2026-02-02,Pay,5.00-,CR\n',
    )[0];
    expect(dir?.transactions.map((t) => t.amountMinor)).toEqual([-1200, 500]);
  });

  it('reads the headerless Wells Fargo export', () => {
    const [st] = read('"02/27/2026","-4.50","*","","COFFEE SHOP"\n"02/26/2026","1500.00","*","","PAYROLL"\n');
    expect(st?.layout).toBe('wells-fargo');
    expect(st?.transactions[0]).toMatchObject({
      date: '2026-02-27',
      amountMinor: -450,
      description: 'COFFEE SHOP',
    });
  });

  it('asks about the sign of an all-positive file with no account type, and honours the answer', () => {
    const text = 'Date,Description,Amount\n2026-02-01,Coffee,4.50\n2026-02-02,Lunch,12.00\n';
    expect((caught(() => read(text)) as StatementQuestion).topic).toBe('sign');
    expect(read(text, { negate: true })[0]?.transactions[0]?.amountMinor).toBe(-450);
    expect(read(text, { accountType: 'credit_card' })[0]?.assumptions).toContain(
      'Charges are listed as positive amounts; treated them as money out.',
    );
  });
});
