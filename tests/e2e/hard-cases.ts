/**
 * The pages of issue 9, built to be hard, as cases both browsers run: each with how many widget
 * roots reach the page, how many the badge must count, and what to wait for before judging.
 */
import { longLatePage } from '../../bench/pages';
import {
  busyPage, busyUrl, hardUrl, pausedWidgetsPage, quotingPage, SHADOW_CASES, shadowPage, undoingPage, WRAPPER_CASES, wrapperPage,
} from '../../tools/hard-pages';

export interface HardCase {
  name: string;
  url: string;
  html: () => string;
  widgets: number;
  /** What the badge says once the page settled: blocks hidden now. */
  badge: number;
  /** A page expression that is true once the page did all it does. */
  settled?: string;
  /** Story elements (`p`, `data-test-story`) that must be on the page, at least. */
  storyAtLeast?: number;
}

export const HARD_CASES: readonly HardCase[] = [
  ...SHADOW_CASES.map((kind): HardCase => {
    const widgets = kind === 'inside-story-box' ? 1 : 2;
    return { name: `shadow root: ${kind}`, url: hardUrl, html: () => shadowPage(kind), widgets, badge: widgets };
  }),
  ...WRAPPER_CASES.map((kind): HardCase => ({ name: `wrapper: ${kind}`, url: hardUrl, html: () => wrapperPage(kind), widgets: 1, badge: 1 })),
  { name: 'story quoting the widget in lists, tables, quotes, captions, headings', url: hardUrl, html: quotingPage, widgets: 1, badge: 1, storyAtLeast: 20 },
  { name: 'widgets the network pauses inside, after their title or first offer', url: hardUrl, html: pausedWidgetsPage, widgets: 5, badge: 5 },
  { name: 'a page that takes the hiding apart', url: hardUrl, html: undoingPage, widgets: 3, badge: 3, settled: 'window.__undoDone === true' },
  { name: 'a busy page changing 500 nodes per frame', url: busyUrl, html: () => busyPage(2), widgets: 2, badge: 2, settled: 'window.__busyDone === true' },
  { name: 'a busy page with a widget arriving inside its busy ticker', url: busyUrl, html: () => busyPage(2, true, true), widgets: 2, badge: 2, settled: 'window.__busyDone === true' },
  { name: "a busy page whose own frame callback adds widgets, after the extension's", url: busyUrl, html: () => busyPage(2, true, false, true), widgets: 2, badge: 2, settled: 'window.__busyDone === true' },
  { name: 'a 2,000-paragraph page with 50 late widgets', url: longLatePage().url, html: () => longLatePage().html, widgets: 50, badge: 50, settled: 'window.__lateWidgetsDone === true' },
];
