import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scoreDevelopment } from '../../../src/ingest/enrich/evaluation/development.ts';
import { scoreLabelled } from '../../../src/ingest/enrich/evaluation/labelled.ts';

/** A development file of this folder's fixtures, scored by the categoriser as shipped. */
const scoreFile = (name: string) =>
  scoreDevelopment(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));

describe('categorisation accuracy', () => {
  // Measured 83.9% (primary, 371/442) and 81.9% (label, 362/442) on 442 scored rows with the learned fallback (81.2%
  // at the label level before trade words were read from local businesses' names and the sixth set was written; 83.3%
  // and 80.5% with the rules alone, before word pairs and the fifth set); the floors leave a small margin. The rules
  // are never tuned on this file: it only measures.
  it('stays at or above the measured accuracy on the labelled descriptors', () => {
    const score = scoreLabelled(
      readFileSync(new URL('../../fixtures/reference/labelled_descriptions_za.csv', import.meta.url), 'utf8'),
    );
    expect(score.scored).toBe(442);
    expect(score.primaryHits / score.scored).toBeGreaterThanOrEqual(0.83);
    expect(score.labelHits / score.scored).toBeGreaterThanOrEqual(0.81);
  });

  // The hand-written development descriptors (South African, UK and US wording) are what the rules are tuned on.
  it('places the development descriptors where they were expected', () => {
    const score = scoreFile('dev-descriptions.csv');
    expect(score.rows).toBeGreaterThanOrEqual(900);
    expect(score.misses).toEqual([]);
  });

  // A further set written by hand from many banks and countries (US, UK, South Africa, the EU): processor prefixes,
  // POS and ACH wording, card numbers, places and references around the merchant, and names written without spaces.
  it('places the descriptors of many banks and countries where they were expected', () => {
    const score = scoreFile('dev-descriptions-world.csv');
    expect(score.rows).toBeGreaterThanOrEqual(600);
    expect(score.misses).toEqual([]);
  });

  // A third set written by hand: South African gateways (Yoco, SnapScan, Zapper, PayFast, Ozow, PayU, iKhokha), debit
  // orders to medical aids, insurers, municipalities and lenders, airtime and data, cut-off names, and lines from the
  // UK, US, Germany, France, the Netherlands, Spain, Italy, Australia, Canada, India, Kenya, Nigeria and Brazil. A few
  // lines stay where a person would hesitate too (PUMA: fuel or shoes?), so the floor sits just under the measured
  // 98.8% (primary) and 98.4% (detailed).
  it('places the descriptors of South African and other statements where a person would', () => {
    const score = scoreFile('dev-descriptions-statements.csv');
    expect(score.rows).toBeGreaterThanOrEqual(800);
    expect(score.primaryHits / score.rows).toBeGreaterThanOrEqual(0.985);
    expect(score.detailedHits / score.rows).toBeGreaterThanOrEqual(0.98);
  });

  // A fourth set written by hand in the export wording of South African banks (FNB, Standard Bank, Absa, Nedbank,
  // Capitec, Discovery, TymeBank: POS and card purchases with branch names and card fragments, debit orders, app and
  // internet payments, CashSend, prepaid airtime and electricity, fees, interest, own-account transfers) with shares
  // from the UK, Australia, India and the US, and names the bank cut short. Its first 622 lines were scored before any
  // rule was written for them (92.8% primary, 88.7% detailed). A few lines stay where people differ (Wimpy: diner or
  // fast food? Edgars: clothing or department store?), so the floor sits just under the measured 99.5% and 97.7%.
  it('places the lines of South African bank exports where a person would', () => {
    const score = scoreFile('dev-descriptions-banks.csv');
    expect(score.rows).toBeGreaterThanOrEqual(700);
    expect(score.primaryHits / score.rows).toBeGreaterThanOrEqual(0.99);
    expect(score.detailedHits / score.rows).toBeGreaterThanOrEqual(0.97);
  });

  // A fifth set written by hand in South African card, gateway and channel wording unlike the other four (contactless
  // and cheque-card purchases, Yoco, iKhokha, SnapScan, Zapper and PayShap, DebiCheck, NAEDO and magtape debit orders,
  // app and immediate payments) to local shops named by their trade, chains, medical aids, insurers, funeral schemes,
  // schools, churches, stokvels, municipalities, lenders and fixed bank lines. Scored before any change was made for it:
  // 95.4% / 93.5% (primary / detailed) by the rules alone, 96.4% / 94.5% with the fallback. Some lines stay where
  // people differ (rain: mobile or internet? a DebiCheck that says POLICY for a school?), so it holds a floor under
  // the measured 99.5% and 98.5% (98.5% and 97.5% before trade words were read from small businesses' names).
  it('places South African card, gateway and debit-order lines where a person would', () => {
    const score = scoreFile('dev-descriptions-za-channels.csv');
    expect(score.rows).toBeGreaterThanOrEqual(880);
    expect(score.primaryHits / score.rows).toBeGreaterThanOrEqual(0.99);
    expect(score.detailedHits / score.rows).toBeGreaterThanOrEqual(0.98);
  });

  // A sixth set written by hand in the wording of FNB, Absa, Standard Bank, Nedbank, Capitec, TymeBank, Discovery and
  // African Bank, to small and local businesses named by their trade (butcheries, family pharmacies, garages and
  // panelbeaters, schools, creches, churches, stokvels, burial societies, levies, landlords, municipalities by town,
  // doctors, salons, taverns, lodges, takeaways) and some regional chains. Scored before any rule changed for it:
  // 94.3% / 92.8% (primary / detailed) by the rules alone, 95.4% / 93.7% with the fallback. Some lines stay where
  // people differ (a Telkom debit order: phone or fibre? Game: superstore or discount store?), so it holds a floor
  // under the measured 99.2% and 98.9%.
  it('places the lines of small and local South African businesses where a person would', () => {
    const score = scoreFile('dev-descriptions-za-local.csv');
    expect(score.rows).toBeGreaterThanOrEqual(700);
    expect(score.primaryHits / score.rows).toBeGreaterThanOrEqual(0.985);
    expect(score.detailedHits / score.rows).toBeGreaterThanOrEqual(0.98);
  });
});
