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

  it('an event without words for any meeting of its kind is still whole', () => {
    const rest: Record<string, unknown> = { ...genevaEvent };
    delete rest.commonNames;
    expect(parseEventInWords(rest)).toEqual(rest);
  });

  it('words for any meeting that are not a list of strings make it malformed', () => {
    expect(parseEventInWords({ ...genevaEvent, commonNames: 'Treffen' })).toBeNull();
    expect(parseEventInWords({ ...genevaEvent, commonNames: [1] })).toBeNull();
  });
});
