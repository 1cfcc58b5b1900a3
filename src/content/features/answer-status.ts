/** Answers the popup's and side panel's status request with what the features put into the shared context. */
import { listen } from '../../shared/messaging';
import type { ContentContext } from '../context';

export function answerStatus(ctx: ContentContext): void {
  listen({ 'lagebild/status': (request) => ctx.statusFor(request) ?? undefined }, ctx.signal);
}
