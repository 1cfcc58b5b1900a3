/**
 * Tells the background what the page is and how many blocks are hidden (for the badge), and
 * answers the popup's status request. Incoming messages are checked for sender and shape.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { parseMessage, type Message, type TabStatus } from '../../shared/messages';
import { isOwnSender } from '../../shared/runtime';
import type { ContentContext } from '../context';
import { recognise } from './recognise-page';

/** Coalesces bursts (a late body with many widgets) into one badge update. */
const REPORT_DELAY_MS = 50;

export function reportFindings(ctx: ContentContext, quotesFound: () => string[]): void {
  const { signal } = ctx;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last = '';

  const send = (): void => {
    if (signal.aborted || !ctx.verdict) return;
    const report: Message = {
      type: 'lagebild/page-report',
      kind: ctx.verdict.kind,
      hiddenCount: ctx.hiddenCount,
      headline: ctx.verdict.headline,
    };
    const key = JSON.stringify(report);
    if (key === last) return;
    last = key;
    browser.runtime.sendMessage(report).catch(() => {
      // The background may be starting up or the extension reloading: the next change reports again.
      last = '';
    });
  };
  ctx.onFindings(() => {
    clearTimeout(timer);
    timer = setTimeout(send, REPORT_DELAY_MS);
  });

  const status = (): TabStatus => ({
    verdict: ctx.verdict ?? recognise(ctx),
    hiddenCount: ctx.hiddenCount,
    settings: ctx.settings,
    quotesFound: quotesFound(),
  });

  const listener = (raw: unknown, sender: Runtime.MessageSender): Promise<TabStatus> | undefined => {
    if (signal.aborted || !isOwnSender(sender)) return undefined;
    const message = parseMessage(raw);
    return message?.type === 'lagebild/status' ? Promise.resolve(status()) : undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => {
    clearTimeout(timer);
    try {
      browser.runtime.onMessage.removeListener(listener);
    } catch {
      // The extension is gone; its listener went with it.
    }
  });
}
