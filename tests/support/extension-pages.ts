/**
 * What the unit tests of the popup, the side panel and the options page share: a briefing about
 * nothing real (so the views are shown to know nothing about Geneva), tab answers as a content
 * script gives them, and the pages started on a fresh root in happy-dom.
 */
import { expect, vi } from 'vitest';
import type { Briefing } from '../../src/briefing/types';
import type { PageKind, Signal } from '../../src/core/page';
import { DEFAULT_SETTINGS, SETTINGS_KEY, type LanguageChoice, type Settings } from '../../src/core/settings';
import type { HiddenBlocks } from '../../src/shared/messages';
import { startOptions } from '../../src/options/options';
import { startPanel } from '../../src/panel/panel';
import { startPopup } from '../../src/popup/app';
import { fakeBrowser } from './fake-browser';

export const testBriefing: Briefing = {
  id: 'test-briefing',
  date: '2020-03-04',
  articleId: '12345678',
  title: { de: 'Gipfel am See', en: 'Summit by the lake' },
  summary: { de: 'Zwei Seiten trafen sich. Sie redeten lange.', en: 'Two sides met. They talked for long.' },
  gist: { de: 'Zwei Seiten trafen sich.', en: 'Two sides met.' },
  facts: [
    { label: { de: 'Wann', en: 'When' }, value: { de: 'Mittwoch', en: 'Wednesday' } },
    { label: { de: 'Wo', en: 'Where' }, value: { de: 'Am See', en: 'By the lake' } },
  ],
  sides: [
    {
      id: 'north',
      name: { de: 'Nordland', en: 'Northland' },
      short: { de: 'Nord', en: 'North' },
      speaker: { de: 'Anna Nord, Ministerin', en: 'Anna Nord, minister' },
      stance: { de: 'Will reden.', en: 'Wants to talk.' },
      positions: [
        {
          text: { de: 'Nordland will reden.', en: 'Northland wants to talk.' },
          short: { de: 'weiter reden', en: 'keep talking' },
          cues: ['reden', 'talk'],
          quote: { id: 'north-talk', speaker: { de: 'Anna Nord', en: 'Anna North' }, de: 'Wir reden weiter.', en: 'We keep talking.', enIsOriginal: true },
        },
      ],
    },
    {
      id: 'south',
      name: { de: 'Südland', en: 'Southland' },
      short: { de: 'Süd', en: 'South' },
      speaker: { de: 'Bert Süd, Minister', en: 'Bert South, minister' },
      stance: { de: 'Will Garantien.', en: 'Wants guarantees.' },
      positions: [
        {
          text: { de: 'Südland will Garantien.', en: 'Southland wants guarantees.' },
          short: { de: 'Garantien', en: 'guarantees' },
          cues: ['Garantie', 'guarantee'],
          quote: { id: 'south-guarantee', speaker: { de: 'Bert Süd', en: 'Bert South' }, de: 'Wir brauchen Garantien.', en: 'We need guarantees.', enIsOriginal: false },
        },
        {
          text: { de: 'Südland droht nicht.', en: 'Southland makes no threats.' },
          short: { de: 'keine Drohung', en: 'no threats' },
          cues: ['droht', 'threat'],
          quote: {
            id: 'south-threat',
            speaker: { de: 'Bert Süd', en: 'Bert South' },
            reportedBy: 'Seeblatt',
            de: 'Das Treffen sei „gut“ gewesen, sagte Süd.',
            en: 'The meeting had been “good”, South said.',
            enIsOriginal: false,
          },
        },
      ],
    },
  ],
  timeline: [
    { date: '2020-03-01', text: { de: 'Vorgespräch', en: 'Preliminary talks' }, later: false },
    { date: '2020-03-04', text: { de: 'Gipfel', en: 'Summit' }, later: false, current: true },
    { date: '2020-04-01', text: { de: 'Antwort', en: 'Reply' }, later: true },
  ],
  signals: [
    { id: 'nord', label: { de: 'Nord', en: 'North' }, side: 'north' },
    { id: 'sued', label: { de: 'Süd', en: 'South' }, side: 'south' },
    { id: 'place', label: { de: 'See', en: 'Lake' } },
  ],
  event: {
    announced: '2020-03-01',
    date: '2020-03-04',
    runsUntil: '2020-03-11',
    people: [{ id: 'nord', names: ['Anna Nord', 'Anna North'], side: 'north' }, { id: 'sued', names: ['Bert Süd', 'Bert South'], side: 'south' }],
    offices: [],
    names: ['Gipfel am See'],
    places: ['am See', 'by the lake'],
    outcomes: [],
    references: [],
    when: [],
  },
  sources: [
    { publisher: 'Seeblatt', title: { de: 'Bericht', en: 'Report' }, date: '2020-03-04', url: 'https://example.org/bericht' },
    { publisher: 'Amt', title: { de: 'Mitschrift', en: 'Transcript' }, date: '2020-03-04', url: 'https://example.org/mitschrift' },
  ],
};

export interface StatusParts {
  hiddenCount?: number;
  hidden?: HiddenBlocks[];
  quotesFound?: string[];
  signals?: Signal[];
  headline?: string | null;
  settings?: Settings;
}

export function tabStatus(kind: PageKind, parts: StatusParts = {}) {
  const hidden = parts.hidden ?? [];
  return {
    verdict: {
      kind,
      articleId: '12345678',
      aboutUkraine: kind.startsWith('ukraine'),
      score: 4,
      headline: parts.headline ?? null,
      signals: parts.signals ?? [{ source: 'host', detail: 'host: www.handelsblatt.com', weight: 0 }],
    },
    hiddenCount: parts.hiddenCount ?? hidden.reduce((sum, h) => sum + h.count, 0),
    hidden,
    settings: parts.settings ?? DEFAULT_SETTINGS,
    quotesFound: parts.quotesFound ?? [],
  };
}

export function answerWith(answer: unknown): void {
  fakeBrowser.tabs.respond = () => answer;
}

export interface OpenOptions {
  uiLanguage?: string;
  rememberedChoice?: LanguageChoice;
}

type Start = (root: HTMLElement, options: { uiLanguage: string; rememberedChoice: LanguageChoice; rememberChoice: (c: LanguageChoice) => void }) => void;

function open(start: Start, options: OpenOptions) {
  const root = document.createElement('div');
  root.id = 'app';
  document.body.replaceChildren(root);
  const remembered: LanguageChoice[] = [];
  start(root, {
    uiLanguage: options.uiLanguage ?? 'de-DE',
    rememberedChoice: options.rememberedChoice ?? 'auto',
    rememberChoice: (choice) => remembered.push(choice),
  });
  return { root, remembered };
}

export const openPopup = (options: OpenOptions = {}) => open((root, o) => { startPopup(root, { ...o, briefing: testBriefing }); }, options);
export const openPanel = (options: OpenOptions = {}) => open((root, o) => { startPanel(root, { ...o, briefing: testBriefing }); }, options);
export const openOptionsPage = (options: OpenOptions = {}) => open(startOptions, options);

export const statusSection = (): HTMLElement => document.querySelector<HTMLElement>('#status')!;
export const sentence = (): string => statusSection().querySelector('.status-sentence')!.textContent;

export async function answered(): Promise<void> {
  await vi.waitFor(() => {
    expect(statusSection().dataset.statusKind).not.toBe('loading');
  });
}

export async function settingsLoaded(): Promise<void> {
  await vi.waitFor(() => {
    expect(document.querySelector<HTMLInputElement>('#setting-hideJobAds')!.disabled).toBe(false);
  });
}

export function storedSettings(area: 'sync' | 'local'): Settings | undefined {
  return fakeBrowser.storage[area].data.get(SETTINGS_KEY) as Settings | undefined;
}
