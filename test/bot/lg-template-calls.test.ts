/**
 * Template calls with their scope built from the evaluator's own index, and data serialised without the
 * SDK's replacer: the same text as botbuilder-lg gives, whatever the data holds.
 */
import { Templates } from 'botbuilder-lg';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BotTemplates } from '../../src/bot/templates.ts';

const LG = `# Total(t)
- IF: \${t.nothing}
    - Nothing \${Where(t.place, t.when)}.
- ELSE:
    - \${Amount(t.amount)} \${Where(t.place, t.when)}, \${join(foreach(t.rows, r, Row(r.label, r.amount)), '; ')}\${Note(t)}

# Amount(a)
- **\${a}**

# Where(place, when)
- at \${place} in \${when}

# Row(label, amount)
- \${label}: \${Amount(amount)}

# Note(t)
- SWITCH: \${t.kind}
- CASE: \${'first'}
    - , your first
- DEFAULT:
    - \${''}
`;

const SHARED = { label: 'Coffee', amount: '$8.00' };
const DATA = {
  t: {
    nothing: false,
    amount: '$12.00',
    place: 'Blue Bottle',
    when: 'June',
    rows: [SHARED, SHARED],
    kind: 'first',
  },
};

// Worked out before any Tally template is said, so by botbuilder-lg as it ships.
const EXPECTED = Templates.parseText(LG).evaluate('Total', DATA) as string;
const NOTHING = Templates.parseText(LG).evaluate('Total', { t: { ...DATA.t, nothing: true } }) as string;

function open(): BotTemplates {
  const dir = mkdtempSync(join(tmpdir(), 'tally-lg-calls-'));
  writeFileSync(join(dir, 'answers.lg'), LG);
  return BotTemplates.open(dir);
}

describe('template calls', () => {
  it('say what botbuilder-lg says, with arguments passed on through calls and one object used twice', () => {
    expect(EXPECTED).toBe(
      '**$12.00** at Blue Bottle in June, Coffee: **$8.00**; Coffee: **$8.00**, your first',
    );
    const templates = open();
    expect(templates.render('Total', DATA)).toBe(EXPECTED);
    expect(templates.render('Total', { t: { ...DATA.t, nothing: true } })).toBe(NOTHING);
    // The same evaluator again, other data: nothing of the first answer is kept.
    const other = { t: { ...DATA.t, amount: '$3.50', rows: [{ label: 'Tea', amount: '$3.50' }], kind: 'x' } };
    expect(templates.render('Total', other)).toBe('**$3.50** at Blue Bottle in June, Tea: **$3.50**');
  });

  it('still say data that refers to itself, which plain JSON cannot hold', () => {
    const looped: Record<string, unknown> = { ...DATA.t };
    looped['self'] = looped;
    expect(open().render('Total', { t: looped })).toBe(EXPECTED);
  });
});
