/**
 * Tells the background what the page is and how many blocks are hidden (for the badge), and
 * answers the popup's status request. Incoming messages are checked for sender and shape.
 */
import type { Runtime } from 'webextension-polyfill';
import { ext } from '../../shared/browser';
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
    ext().runtime.sendMessage(report).catch(() => {
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

  // Answered synchronously through sendResponse, the one form both browsers' native APIs accept;
  // false tells the browser no answer is still to come, so no sender is kept waiting.
  const listener = (raw: unknown, sender: Runtime.MessageSender, sendResponse: (answer: TabStatus) => void): boolean => {
    if (signal.aborted || !isOwnSender(sender) || parseMessage(raw)?.type !== 'lagebild/status') return false;
    sendResponse(status());
    return false;
  };
  const onMessage = ext().runtime.onMessage as unknown as {
    addListener(l: typeof listener): void;
    removeListener(l: typeof listener): void;
  };
  onMessage.addListener(listener);
  signal.addEventListener('abort', () => {
    clearTimeout(timer);
    try {
      onMessage.removeListener(listener);
    } catch {
      // The extension is gone; its listener went with it.
    }
  });
}
