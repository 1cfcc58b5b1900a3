/**
 * A marker shows whether its entry is new since the reader's last visit: "neu" beside it and in its
 * name, inside its closed root only, so the page learns nothing of the reader's visits from it.
 */
import { describe, expect, it, vi } from 'vitest';
import { syncMarker, MARKER_TAG } from '../../src/content/liveblog/markers';
import type { TrackedEntry } from '../../src/content/liveblog/tracker';
import { briefing, relevanceProfile } from '../../src/briefing';
import type { LiveblogProfile } from '../../src/shared/messages';
import { parseHtml } from '../support/dom';

const PROFILE = {
  lang: 'de',
  relevance: relevanceProfile(briefing),
  names: {},
  labels: { marker: 'Lagebild: Eintrag zu den Gesprächen in Genf', signals: 'Signale', positions: 'Positionen', close: 'Schließen', fresh: 'neu' },
} as LiveblogProfile;

describe('an entry marker', () => {
  it('says "neu" while its entry is new since the last visit, and nothing of it on the host', () => {
    const doc = parseHtml('<div><time>15:40</time><h3>Blinken trifft Lawrow</h3></div>', 'https://www.handelsblatt.com/liveblog/27982126.html');
    const attach = vi.spyOn(doc.defaultView!.HTMLElement.prototype, 'attachShadow');
    const stamp = doc.querySelector('time')!;
    const tracked = { id: 'e1', key: 'p1', entry: { parts: [stamp.parentElement!], stamp }, relevance: { signals: ['geneva'], positions: [], quoted: [], sides: [] } } as unknown as TrackedEntry;
    const sync = (fresh: boolean): void => { syncMarker(doc, tracked, PROFILE, true, { open: () => Promise.resolve(true) }, fresh); };

    sync(true);
    const root = attach.mock.results[0]!.value as ShadowRoot;
    const host = doc.querySelector(MARKER_TAG)!;
    expect(root.querySelector('.fresh-label')?.textContent).toBe('neu');
    expect(root.querySelector('button')?.getAttribute('aria-label')).toBe('Lagebild: Eintrag zu den Gesprächen in Genf (neu)');
    expect(host.attributes).toHaveLength(0);

    sync(false);
    expect(root.querySelector<HTMLElement>('.fresh-label')?.hidden).toBe(true);
    expect(root.querySelector('button')?.getAttribute('aria-label')).toBe('Lagebild: Eintrag zu den Gesprächen in Genf');
    expect(doc.querySelectorAll(MARKER_TAG)).toHaveLength(1);
  });
});
