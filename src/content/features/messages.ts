/**
 * How features answer the popup: each registers for one message type and answers it
 * synchronously through sendResponse, the one form both browsers' native APIs accept.
 * Senders other than this extension and messages that do not fit the contract are ignored.
 */
import type { Runtime } from 'webextension-polyfill';
import { ext } from '../../shared/browser';
import { parseMessage, type Message } from '../../shared/messages';
import { isOwnSender } from '../../shared/runtime';
import type { ContentContext } from '../context';

type Listener = (raw: unknown, sender: Runtime.MessageSender, sendResponse: (answer: unknown) => void) => boolean;

export function answer<T extends Message['type']>(
  ctx: ContentContext,
  type: T,
  respond: (message: Extract<Message, { type: T }>) => unknown,
): void {
  const { signal } = ctx;
  // false tells the browser no answer is still to come, so no sender is kept waiting.
  const listener: Listener = (raw, sender, sendResponse) => {
    if (signal.aborted || !isOwnSender(sender)) return false;
    const message = parseMessage(raw);
    if (message?.type !== type) return false;
    try {
      sendResponse(respond(message as Extract<Message, { type: T }>));
    } catch {
      // A failing feature must not surface in the page; the sender gets no answer and shows nothing.
    }
    return false;
  };
  const onMessage = ext().runtime.onMessage as unknown as {
    addListener(l: Listener): void;
    removeListener(l: Listener): void;
  };
  onMessage.addListener(listener);
  signal.addEventListener('abort', () => {
    try {
      onMessage.removeListener(listener);
    } catch {
      // The extension is gone; its listener went with it.
    }
  });
}
