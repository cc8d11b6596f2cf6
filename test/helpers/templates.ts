/** The product's own dialogs, data that reaches most of their branches, and a template said as a reply would be. */
import { join } from 'node:path';
import type { BotTemplates } from '../../src/bot/templates.ts';

export const DIALOGS = join(import.meta.dirname, '..', '..', 'dialogs');

/** Data with the fields many templates read, so comparisons reach past their empty branches. */
export const SAMPLE = {
  w: { measure: 'spending', subject: 'groceries', period: 'in October 2026', accounts: 'all accounts' },
  amount: '$1,234.56',
  period: 'October 2026',
  name: 'Sam',
  hasAccounts: true,
  count: 2,
  items: [
    { label: 'Groceries', amount: '$120.00' },
    { label: 'Coffee', amount: '$12.00' },
  ],
};

/** What `templates` says for `name`, or the first line of the error it gives. */
export function said(templates: BotTemplates, name: string, data: object): string {
  try {
    return templates.render(name, data);
  } catch (err) {
    return `error: ${(err as Error).message.split('\n')[0]}`;
  }
}
