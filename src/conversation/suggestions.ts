/** Questions offered as tappable suggestions when there is nothing more specific to offer. */

export function starterSuggestions(hasAccounts: boolean): string[] {
  return hasAccounts
    ? ['Spending last month', 'Top merchants this year', 'Any unusual charges?', 'Show my subscriptions']
    : ['Try the demo', 'Link an account', 'What do you keep about me?'];
}

export function helpSuggestions(): string[] {
  return [
    'How much did I spend on groceries last month?',
    'Break down last month by category',
    'Link an account',
    'Delete my data',
  ];
}
