/**
 * Tone: "roast me", "hype me" and "be nice" change how the same facts are worded, remembered per person
 * (through the real server), and the variants in dialogs/*.lg are checked like any other template.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningTally } from '../../src/app.ts';
import { BotTemplates } from '../../src/bot/templates.ts';
import { messageActivity, postActivity } from '../helpers/channel.ts';
import { realTemplates } from '../helpers/chat.ts';
import { loadHousehold } from '../helpers/household.ts';
import { seededServer, type SeededServer } from '../helpers/seeded-server.ts';

/** Templates from .lg text written to a temporary folder. */
function templatesOf(files: Record<string, string>): BotTemplates {
  const dir = mkdtempSync(join(tmpdir(), 'tally-lg-'));
  try {
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    return BotTemplates.load(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('tone variants', () => {
  const lg = [
    '# Total',
    '- You spent ${amount} in ${period}.',
    '',
    '# Total_roast',
    '- ${amount} gone in ${period}. Wow.',
    '',
    '# Plain',
    '- Hello.',
  ].join('\n');

  it('says a template in the chosen tone where it has a variant, and plainly where it has none', () => {
    const t = templatesOf({ 'a.lg': lg });
    expect(t.problems).toEqual([]);
    const data = { amount: '$5.00', period: 'May' };
    expect(t.render('Total', data, 'roast')).toBe('$5.00 gone in May. Wow.');
    expect(t.render('Total', data, 'hype')).toBe('You spent $5.00 in May.');
    expect(t.render('Total', data)).toBe('You spent $5.00 in May.');
    expect(t.render('Plain', {}, 'roast')).toBe('Hello.');
  });

  it('finds variants of missing templates, unknown tones, other parameters and data the template is not given', () => {
    const t = templatesOf({
      'a.lg': lg,
      'b.lg': [
        '# Missing_hype',
        '- Yay.',
        '',
        '# Total_loud',
        '- ${amount}!',
        '',
        '# Total_hype',
        '- ${amount} in ${period}, and your balance is ${balance}!',
        '',
        '# Line(r)',
        '- ${r.a}',
        '',
        '# Line_roast(x)',
        '- ${x.a}',
      ].join('\n'),
    });
    const messages = t.problems.map((p) => `${p.file}: ${p.message}`);
    expect(messages).toEqual([
      'b.lg: "Missing_hype" is a hype variant of "Missing", which does not exist',
      'b.lg: "Total_loud": "loud" is not a tone (use _roast or _hype)',
      'b.lg: "Total_hype" reads "balance", which "Total" is not given',
      'b.lg: "Line_roast" must take the same parameters as "Line" (r)',
    ]);
  });

  it('finds no problem in the shipped dialogs, which have variants of the main answers', () => {
    const t = realTemplates();
    expect(t.problems).toEqual([]);
    for (const name of [
      'SpendingTotal',
      'Breakdown',
      'BudgetStatus',
      'BudgetSet',
      'BudgetAtRisk',
      'WeeklyRecap',
    ])
      for (const tone of ['roast', 'hype']) expect(t.has(`${name}_${tone}`), `${name}_${tone}`).toBe(true);
  });
});

describe('tone in a conversation', () => {
  let server: SeededServer;
  let tally: RunningTally;
  beforeAll(async () => {
    server = await seededServer((store) => loadHousehold(store, ['maya']));
    tally = server.tally;
  });
  afterAll(async () => server?.close());

  async function say(text: string, group = false): Promise<string> {
    const { body } = await postActivity(
      tally.port,
      messageActivity(text, {
        user: 'maya',
        conversation: group ? 'c-group' : 'c-maya',
        serviceUrl: server.channel.serviceUrl,
        expectReplies: true,
        group,
      }),
    );
    return (body?.activities ?? []).map((a) => a.text ?? '').join('\n');
  }

  it('words the same figure in the tone the person chose, and remembers it', async () => {
    const plain = await say('how much did I spend on groceries in February?');
    const figure = /\*\*(\$[\d,.]+)\*\*/.exec(plain)?.[1];
    expect(figure).toBeDefined();

    expect(await say('roast me')).toContain('Roast mode on');
    expect(await tally.store.coaching.tone('maya')).toBe('roast');
    const roasted = await say('how much did I spend on groceries in February?');
    expect(roasted).toContain(`**${figure}**`);
    expect(roasted).toContain('Your bank account felt that one');
    expect(await say('set a $300 budget for groceries')).toContain("I'll be watching");

    expect(await say('hype me')).toContain('Hype mode on');
    const hyped = await say('how much did I spend on groceries in February?');
    expect(hyped).toContain(`**${figure}**`);
    expect(hyped).toContain('power move');

    // A group never hears anyone's tone (or money).
    expect(await say('roast me', true)).not.toContain('Roast mode on');

    expect(await say('be nice')).toContain('normal tone');
    const again = await say('how much did I spend on groceries in February?');
    expect(again).toContain(`**${figure}**`);
    expect(again).not.toMatch(/felt that one|power move/);
  });

  it('goes with "delete my data"', async () => {
    await say('roast me');
    await say('delete my data');
    await say('yes');
    expect(await tally.store.coaching.tone('maya')).toBe('normal');
  });
});
