/**
 * Adaptive Card (schema 1.5) bodies as plain objects. Only layout lives here: every string arrives
 * already worded and formatted by the caller, so the cards stay free of wording and of money logic.
 * Rows use ColumnSets rather than the 1.5 Table element, which several hosts still draw poorly.
 */

/** Any Adaptive Card element; kept loose because the schema is large and the host validates it. */
export interface CardElement {
  type: string;
  [key: string]: unknown;
}

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
  version: '1.5';
  body: CardElement[];
  /** Shown by hosts that cannot draw cards. */
  fallbackText?: string;
}

export interface BreakdownRow {
  label: string;
  amountText: string;
  /** Fraction of the total, 0–1. */
  share: number;
}

export interface BreakdownCardInput {
  title: string;
  periodLabel: string;
  accountsLabel: string;
  rows: BreakdownRow[];
  /** The chart image from the chart renderer (see `chartUrl`); omitted when there is no chart. */
  chartUrl?: string;
  /** @deprecated the same as `chartUrl`, which may be a hosted URL and not only a data URI. */
  chartDataUri?: string;
  totalText: string;
  /** Label for the total row; defaults to "Total". */
  totalLabel?: string;
}

export interface TrendRow {
  /** Usually a month name. */
  label: string;
  amountText: string;
  /** e.g. "+12% vs. average"; shown subtle on the right. */
  changeText?: string;
}

export interface TrendCardInput {
  title: string;
  periodLabel: string;
  accountsLabel?: string;
  /**
   * The chart image: `https://…/charts/<id>.png` served by Tally (the default), or a
   * `data:image/png;base64,…` URI when inline images are configured. Omitted when there is no chart.
   */
  chartUrl?: string;
  /** @deprecated the same as `chartUrl`. */
  chartDataUri?: string;
  /** One sentence that states the finding, e.g. "Dining is up 18% on your 12-month average." */
  summaryText?: string;
  rows?: TrendRow[];
}

export interface TransactionRow {
  date: string;
  merchant: string;
  amountText: string;
  account: string;
}

export interface TransactionsCardInput {
  title: string;
  subtitle?: string;
  rows: TransactionRow[];
  /** Shown instead of rows when there are none. */
  emptyText?: string;
  /** e.g. "Showing 10 of 42." */
  footerText?: string;
}

export interface ListItem {
  title: string;
  /** Second, subtle line: "Monthly · next about Mar 14" or "3.4× your usual at this merchant". */
  detail?: string;
  amountText?: string;
  /** Short tag in accent colour, e.g. "Price up" or "New". */
  badge?: string;
}

export interface ListCardInput {
  title: string;
  subtitle?: string;
  items: ListItem[];
  emptyText?: string;
  footerText?: string;
}

const SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json' as const;

function card(body: CardElement[], fallbackText: string): AdaptiveCard {
  return { type: 'AdaptiveCard', $schema: SCHEMA, version: '1.5', body, fallbackText };
}

function heading(title: string, subtitle?: string): CardElement[] {
  const out: CardElement[] = [
    { type: 'TextBlock', text: title, size: 'Medium', weight: 'Bolder', wrap: true, style: 'heading' },
  ];
  if (subtitle) out.push({ type: 'TextBlock', text: subtitle, isSubtle: true, spacing: 'None', wrap: true });
  return out;
}

function image(url: string | undefined, altText: string): CardElement[] {
  return url ? [{ type: 'Image', url, altText, size: 'Stretch', spacing: 'Medium' }] : [];
}

function text(value: string, extra: Record<string, unknown> = {}): CardElement {
  return { type: 'TextBlock', text: value, wrap: true, ...extra };
}

function column(items: CardElement[], width: string, extra: Record<string, unknown> = {}): CardElement {
  return { type: 'Column', width, items, verticalContentAlignment: 'Center', ...extra };
}

/** A label on the left and right-aligned figures: the shape of every row in these cards. */
function row(left: CardElement[], right: CardElement[], extra: Record<string, unknown> = {}): CardElement {
  return {
    type: 'ColumnSet',
    spacing: 'Small',
    columns: [column(left, 'stretch'), column(right, 'auto')],
    ...extra,
  };
}

function note(value: string | undefined): CardElement[] {
  return value ? [text(value, { isSubtle: true, size: 'Small', spacing: 'Medium' })] : [];
}

/** Turns 0.234 into "23%"; shares under half a percent read "<1%" rather than a misleading "0%". */
export function shareText(share: number): string {
  if (!Number.isFinite(share) || share <= 0) return '0%';
  if (share < 0.005) return '<1%';
  return `${Math.round(share * 100)}%`;
}

/** Spend split by category or merchant: chart, one row per slice with its share, then the total. */
export function breakdownCard(input: BreakdownCardInput): AdaptiveCard {
  const subtitle = `${input.periodLabel} · ${input.accountsLabel}`;
  const rows: CardElement[] = input.rows.map((r) => ({
    type: 'ColumnSet',
    spacing: 'Small',
    columns: [
      column([text(r.label)], 'stretch'),
      column([text(shareText(r.share), { isSubtle: true, horizontalAlignment: 'Right' })], 'auto'),
      column([text(r.amountText, { horizontalAlignment: 'Right' })], 'auto'),
    ],
  }));
  const total = row(
    [text(input.totalLabel ?? 'Total', { weight: 'Bolder' })],
    [text(input.totalText, { weight: 'Bolder', horizontalAlignment: 'Right' })],
    {
      separator: true,
      spacing: 'Medium',
    },
  );
  const fallback = [
    input.title,
    subtitle,
    ...input.rows.map((r) => `${r.label}: ${r.amountText}`),
    `${input.totalLabel ?? 'Total'}: ${input.totalText}`,
  ].join('\n');
  return card(
    [
      ...heading(input.title, subtitle),
      ...image(input.chartUrl ?? input.chartDataUri, input.title),
      ...rows,
      total,
    ],
    fallback,
  );
}

/** Month-by-month trend: the finding in one sentence, the line chart, then the months as rows. */
export function trendCard(input: TrendCardInput): AdaptiveCard {
  const subtitle = input.accountsLabel ? `${input.periodLabel} · ${input.accountsLabel}` : input.periodLabel;
  const rows = (input.rows ?? []).map((r) =>
    row(
      [text(r.label)],
      r.changeText
        ? [
            text(r.amountText, { horizontalAlignment: 'Right' }),
            text(r.changeText, {
              isSubtle: true,
              size: 'Small',
              spacing: 'None',
              horizontalAlignment: 'Right',
            }),
          ]
        : [text(r.amountText, { horizontalAlignment: 'Right' })],
    ),
  );
  const summary = input.summaryText ? [text(input.summaryText, { spacing: 'Medium' })] : [];
  const fallback = [
    input.title,
    subtitle,
    input.summaryText,
    ...(input.rows ?? []).map((r) => `${r.label}: ${r.amountText}`),
  ]
    .filter((s): s is string => Boolean(s))
    .join('\n');
  return card(
    [
      ...heading(input.title, subtitle),
      ...summary,
      ...image(input.chartUrl ?? input.chartDataUri, input.title),
      ...rows,
    ],
    fallback,
  );
}

/** A list of transactions: merchant with account and date underneath, amount on the right. */
export function transactionsCard(input: TransactionsCardInput): AdaptiveCard {
  const body = heading(input.title, input.subtitle);
  if (input.rows.length === 0) {
    body.push(text(input.emptyText ?? 'No transactions.', { isSubtle: true }));
  } else {
    for (const [i, r] of input.rows.entries()) {
      body.push(
        row(
          [
            text(r.merchant, { weight: 'Bolder' }),
            text(`${r.date} · ${r.account}`, { isSubtle: true, size: 'Small', spacing: 'None' }),
          ],
          [text(r.amountText, { horizontalAlignment: 'Right' })],
          { separator: i > 0 },
        ),
      );
    }
  }
  body.push(...note(input.footerText));
  const fallback = [
    input.title,
    ...input.rows.map((r) => `${r.date}  ${r.merchant}  ${r.amountText}  (${r.account})`),
  ].join('\n');
  return card(body, fallback);
}

/** Subscriptions, unusual charges and similar findings: one item per row with an optional badge. */
export function listCard(input: ListCardInput): AdaptiveCard {
  const body = heading(input.title, input.subtitle);
  if (input.items.length === 0) {
    body.push(text(input.emptyText ?? 'Nothing to show.', { isSubtle: true }));
  } else {
    for (const [i, item] of input.items.entries()) {
      const left: CardElement[] = [text(item.title, { weight: 'Bolder' })];
      if (item.detail) left.push(text(item.detail, { isSubtle: true, size: 'Small', spacing: 'None' }));
      const right: CardElement[] = [];
      if (item.amountText) right.push(text(item.amountText, { horizontalAlignment: 'Right' }));
      if (item.badge)
        right.push(
          text(item.badge, {
            color: 'Attention',
            size: 'Small',
            weight: 'Bolder',
            spacing: 'None',
            horizontalAlignment: 'Right',
          }),
        );
      body.push(row(left, right, { separator: i > 0 }));
    }
  }
  body.push(...note(input.footerText));
  const fallback = [
    input.title,
    ...input.items.map((it) => [it.title, it.amountText, it.detail, it.badge].filter(Boolean).join(' · ')),
  ].join('\n');
  return card(body, fallback);
}
