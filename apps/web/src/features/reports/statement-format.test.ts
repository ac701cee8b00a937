import { createInstance, type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { resources } from '../../locales/resources';
import type { Statement } from './report-types';
import { appealState, decisionText, ruleText, scopeText, statementBadge } from './statement-format';

let t: TFunction;
beforeAll(async () => {
  const i18n = createInstance();
  await i18n.init({ lng: 'en', fallbackLng: 'en', resources, interpolation: { escapeValue: false }, showSupportNotice: false });
  t = i18n.t;
});

const appeal = (status: 'open' | 'upheld' | 'rejected') => ({
  id: '1',
  statementId: '1',
  text: 'x',
  status,
  createdAt: '2026-12-01T00:00:00Z',
  decidedAt: null,
  reason: null,
});
const base: Pick<Statement, 'reversed' | 'appeal' | 'appealDeadline'> = { reversed: false, appeal: null, appealDeadline: '2026-12-31T00:00:00Z' };

describe('statement wording', () => {
  it('says what was decided, with the label for a label', () => {
    expect(decisionText(t, 'label', 'gambling', 'en')).toBe('Labelled: Gambling');
    expect(decisionText(t, 'restrict', 'restricted', 'en')).toBe('Hidden in some regions');
    expect(decisionText(t, 'suspend', null, 'en')).toBe('Account suspended');
    expect(decisionText(t, 'something-new', null, 'en')).toBe('something-new');
  });

  it('names policy rules in words, and unknown ones as they are', () => {
    expect(ruleText(t, 'community-guidelines/graphic-violence', 'en')).toBe('Community guidelines: Graphic violence');
    expect(ruleText(t, 'law/local', 'en')).toBe('Local law');
    expect(ruleText(t, 'terms/fake-accounts', 'en')).toBe('Terms of service: fake accounts');
    expect(ruleText(t, 'house/rule-7', 'en')).toBe('house/rule-7');
  });

  it('says where: everywhere, or the rulebooks and their countries', () => {
    expect(scopeText(t, { rulebooks: null, territorialScope: null }, 'en')).toBe('Everywhere');
    expect(scopeText(t, { rulebooks: ['cn'], territorialScope: ['CN'] }, 'en')).toBe('China (cn) (viewers in China)');
    expect(scopeText(t, { rulebooks: ['eu-minors'], territorialScope: [] }, 'en')).toBe('eu-minors');
  });
});

describe('appeals', () => {
  const now = new Date('2026-12-20T00:00:00Z');
  it('may be made until the deadline, with the days left', () => {
    expect(appealState(base, now)).toEqual({ kind: 'can-appeal', daysLeft: 11 });
    expect(appealState(base, new Date('2026-12-31T00:00:01Z'))).toEqual({ kind: 'window-closed' });
  });

  it('show where an appeal stands, and a reversal', () => {
    expect(appealState({ ...base, appeal: appeal('open') }, now)).toEqual({ kind: 'appealed', status: 'open' });
    expect(appealState({ ...base, reversed: true }, now)).toEqual({ kind: 'reversed' });
    expect(statementBadge({ reversed: false, appeal: appeal('upheld') })).toBe('reversed');
    expect(statementBadge({ reversed: false, appeal: appeal('rejected') })).toBe('appealRejected');
    expect(statementBadge({ reversed: false, appeal: null })).toBe('inForce');
  });
});
