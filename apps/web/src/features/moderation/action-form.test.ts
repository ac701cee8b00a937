import { describe, expect, it } from 'vitest';
import { type ActionDraft, actionsFor, buildAction, durationParts, fieldsFor, suggestedRule } from './action-form';

const draft = (patch: Partial<ActionDraft>): ActionDraft => ({ action: '', label: '', rulebooks: [], rule: '', reason: '', durationHours: '', ...patch });

describe('the action form', () => {
  it('offers only actions that fit the item', () => {
    expect(actionsFor('note', 'reports')).toEqual(['label', 'limit', 'restrict', 'remove', 'warn', 'suspend', 'ban', 'dismiss']);
    expect(actionsFor('note', 'held')).toContain('approve');
    expect(actionsFor('user', 'reports')).not.toContain('remove');
    expect(actionsFor('comment', 'reports')).not.toContain('limit');
  });

  it('asks for rulebooks to restrict, allows a scope for a label, and for nothing else', () => {
    expect(fieldsFor('restrict').rulebooks).toBe('required');
    expect(fieldsFor('label')).toEqual({ label: true, rulebooks: 'optional', duration: false });
    expect(fieldsFor('remove').rulebooks).toBeNull();
    expect(fieldsFor('suspend').duration).toBe(true);
  });

  it('builds the request body from a complete draft', () => {
    expect(buildAction(draft({ action: 'restrict', rulebooks: ['cn'], rule: 'community-guidelines/gambling', reason: '  Betting ads  ' }))).toEqual({
      input: { action: 'restrict', rulebooks: ['cn'], rule: 'community-guidelines/gambling', reason: 'Betting ads' },
      errors: null,
    });
    expect(buildAction(draft({ action: 'label', label: 'gambling', rule: 'r', reason: 'x' })).input).toEqual({
      action: 'label',
      label: 'gambling',
      rule: 'r',
      reason: 'x',
    });
    expect(buildAction(draft({ action: 'suspend', durationHours: '72', rule: 'r', reason: 'x' })).input?.durationHours).toBe(72);
    // A label left over from switching actions is not sent with another action.
    expect(buildAction(draft({ action: 'remove', label: 'spam', rulebooks: ['cn'], rule: 'r', reason: 'x' })).input).toEqual({
      action: 'remove',
      rule: 'r',
      reason: 'x',
    });
  });

  it('names every missing field', () => {
    expect(buildAction(draft({})).errors).toEqual({ action: true, rule: true, reason: true });
    expect(buildAction(draft({ action: 'restrict', rule: 'r', reason: 'x' })).errors).toEqual({ rulebooks: true });
    expect(buildAction(draft({ action: 'suspend', durationHours: '0', rule: 'r', reason: 'x' })).errors).toEqual({ durationHours: true });
    expect(buildAction(draft({ action: 'label', rule: 'r', reason: 'x'.repeat(2001) })).errors).toEqual({ label: true, reason: true });
  });

  it('suggests the rule of the label, else of the most reported category', () => {
    const rules = ['community-guidelines/spam', 'community-guidelines/gambling', 'law/local'];
    expect(suggestedRule(rules, '', { spam: 1, gambling: 3 })).toBe('community-guidelines/gambling');
    expect(suggestedRule(rules, 'spam', { gambling: 3 })).toBe('community-guidelines/spam');
    expect(suggestedRule(rules, '', { illegal: 2 })).toBe('law/local');
    expect(suggestedRule(rules, '', { other: 2 })).toBe('');
  });

  it('says a suspension in days when it is whole days', () => {
    expect(durationParts(72)).toEqual({ unit: 'days', count: 3 });
    expect(durationParts(5)).toEqual({ unit: 'hours', count: 5 });
  });
});
