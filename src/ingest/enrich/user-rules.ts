/**
 * The key a user's own category correction is stored under: the merchant name lower-cased with
 * spacing collapsed, so "Blue Bottle Coffee" and " blue  bottle coffee" are the same merchant.
 * @example merchantKey('  Blue Bottle  Coffee ') // 'blue bottle coffee'
 */
export function merchantKey(merchant: string): string {
  return merchant.trim().replace(/\s+/g, ' ').toLowerCase();
}
