/**
 * The event's data reaches the content script through shared/event-words.ts: every field the rule
 * reads must come through, or the panel judges by less than the unit tests do.
 */
import { describe, expect, it } from 'vitest';
import { genevaEvent } from '../../src/briefing/geneva-2022-event';
import { parseEventInWords } from '../../src/shared/event-words';
import { REYKJAVIK_EVENT } from '../fixtures/invented-event';

describe('the event in words, checked on its way to the content script', () => {
  it.each([['Geneva', genevaEvent], ['Reykjavík', REYKJAVIK_EVENT.event]])('%s comes through whole', (_name, event) => {
    expect(parseEventInWords(JSON.parse(JSON.stringify(event)))).toEqual(event);
  });

  it('an event without the optional lists is still whole', () => {
    const rest: Record<string, unknown> = { ...genevaEvent };
    delete rest.commonNames;
    delete rest.pair;
    delete rest.others;
    expect(parseEventInWords(rest)).toEqual(rest);
  });

  it.each(['commonNames', 'pair', 'others'])('%s that are not a list of strings make it malformed', (field) => {
    expect(parseEventInWords({ ...genevaEvent, [field]: 'Treffen' })).toBeNull();
    expect(parseEventInWords({ ...genevaEvent, [field]: [1] })).toBeNull();
  });
});
