import { describe, expect, it } from 'vitest';
import { breakdownCard, listCard, shareText, transactionsCard, trendCard } from '../../src/charts/cards.ts';
import type { CardElement } from '../../src/charts/cards.ts';

/** Every TextBlock text in the card, depth first, so tests can read a card like a page. */
function texts(el: unknown): string[] {
  if (Array.isArray(el)) return el.flatMap(texts);
  if (el && typeof el === 'object') {
    const o = el as Record<string, unknown>;
    const own = o.type === 'TextBlock' && typeof o.text === 'string' ? [o.text] : [];
    return [
      ...own,
      ...Object.entries(o)
        .filter(([k]) => k !== 'text')
        .flatMap(([, v]) => texts(v)),
    ];
  }
  return [];
}

const uri = 'data:image/png;base64,iVBORw0KGgo=';

describe('breakdownCard', () => {
  const card = breakdownCard({
    title: 'Spending by category',
    periodLabel: 'February 2026',
    accountsLabel: 'All accounts',
    rows: [
      { label: 'Groceries', amountText: '$620.00', share: 0.5 },
      { label: 'Dining', amountText: '$600.00', share: 0.4999 },
      { label: 'Fees', amountText: '$0.50', share: 0.0004 },
    ],
    chartDataUri: uri,
    totalText: '$1,220.50',
  });

  it('is a schema 1.5 Adaptive Card', () => {
    expect(card.type).toBe('AdaptiveCard');
    expect(card.version).toBe('1.5');
    expect(card.$schema).toBe('http://adaptivecards.io/schemas/adaptive-card.json');
  });

  it('reads title, period · accounts, chart, one row per slice with its share, then the total', () => {
    const [title, subtitle, image, ...rest] = card.body as [
      CardElement,
      CardElement,
      CardElement,
      ...CardElement[],
    ];
    expect(title).toMatchObject({ type: 'TextBlock', text: 'Spending by category', weight: 'Bolder' });
    expect(subtitle).toMatchObject({
      type: 'TextBlock',
      text: 'February 2026 · All accounts',
      isSubtle: true,
    });
    expect(image).toMatchObject({ type: 'Image', url: uri, altText: 'Spending by category' });
    expect(rest).toHaveLength(4);
    expect(rest.every((r) => r.type === 'ColumnSet')).toBe(true);
    expect(texts(rest[0])).toEqual(['Groceries', '50%', '$620.00']);
    expect(texts(rest[2])).toEqual(['Fees', '<1%', '$0.50']);
    expect(texts(rest[3])).toEqual(['Total', '$1,220.50']);
    expect(rest[3]).toMatchObject({ separator: true });
  });

  it('leaves the image out when no chart was drawn, and carries a plain-text fallback', () => {
    const bare = breakdownCard({
      title: 'T',
      periodLabel: 'P',
      accountsLabel: 'A',
      rows: [],
      totalText: '$0.00',
    });
    expect(bare.body.some((e) => e.type === 'Image')).toBe(false);
    expect(card.fallbackText).toContain('Groceries: $620.00');
  });

  it('survives a JSON round trip unchanged (no functions, no undefined)', () => {
    expect(JSON.parse(JSON.stringify(card))).toEqual(card);
  });
});

describe('trendCard', () => {
  it('puts the finding before the chart and shows each month with its change', () => {
    const card = trendCard({
      title: 'Dining per month',
      periodLabel: 'Mar 2025 – Feb 2026',
      summaryText: 'Dining is up 18% on your average.',
      chartDataUri: uri,
      rows: [{ label: 'February 2026', amountText: '$410.00', changeText: '+18%' }],
    });
    expect(card.body.map((e) => e.type)).toEqual([
      'TextBlock',
      'TextBlock',
      'TextBlock',
      'Image',
      'ColumnSet',
    ]);
    expect(texts(card.body[2])).toEqual(['Dining is up 18% on your average.']);
    expect(texts(card.body[4])).toEqual(['February 2026', '$410.00', '+18%']);
  });
});

describe('transactionsCard', () => {
  it('shows merchant, date · account and amount per row, separated', () => {
    const card = transactionsCard({
      title: 'Largest purchases',
      rows: [
        { date: 'Feb 12', merchant: 'Best Buy', amountText: '-$1,899.99', account: 'Citi Double Cash' },
        { date: 'Feb 3', merchant: 'Whole Foods', amountText: '-$84.12', account: 'Amex Gold' },
      ],
      footerText: 'Showing 2 of 40.',
    });
    const rows = card.body.filter((e) => e.type === 'ColumnSet');
    expect(rows).toHaveLength(2);
    expect(texts(rows[0])).toEqual(['Best Buy', 'Feb 12 · Citi Double Cash', '-$1,899.99']);
    expect(rows[0]).toMatchObject({ separator: false });
    expect(rows[1]).toMatchObject({ separator: true });
    expect(texts(card.body.at(-1))).toEqual(['Showing 2 of 40.']);
  });

  it('says so when there is nothing to show', () => {
    const card = transactionsCard({ title: 'Coffee', rows: [], emptyText: 'No coffee this month.' });
    expect(texts(card.body)).toEqual(['Coffee', 'No coffee this month.']);
  });
});

describe('listCard', () => {
  it('shows title, detail, amount and badge per item', () => {
    const card = listCard({
      title: 'Subscriptions',
      items: [
        { title: 'Netflix', detail: 'Monthly · was $15.49', amountText: '$17.99', badge: 'Price up' },
        { title: 'Spotify', amountText: '$11.99' },
      ],
    });
    const rows = card.body.filter((e) => e.type === 'ColumnSet');
    expect(texts(rows[0])).toEqual(['Netflix', 'Monthly · was $15.49', '$17.99', 'Price up']);
    expect(texts(rows[1])).toEqual(['Spotify', '$11.99']);
    expect(card.fallbackText).toContain('Netflix · $17.99 · Monthly · was $15.49 · Price up');
  });
});

describe('shareText', () => {
  it('rounds to whole percent and never shows a tiny share as 0%', () => {
    expect(shareText(0.234)).toBe('23%');
    expect(shareText(0.001)).toBe('<1%');
    expect(shareText(0)).toBe('0%');
    expect(shareText(Number.NaN)).toBe('0%');
  });
});
