/**
 * Says what the page is: once the document is parsed, and again after the site swaps the
 * story or changes the address without a load (it is a single-page app).
 */
import { detectPage } from '../../core/detect-page';
import { ARTICLE_ROOT, HEADLINE, KICKER } from '../../core/selectors';
import type { PageVerdict } from '../../core/page';
import type { ContentContext } from '../context';

/** Elements whose arrival can change the verdict; paragraphs streaming in cannot. */
const SIGNAL_ELEMENTS = [
  'title',
  'meta',
  'link[rel="canonical"]',
  'script[type="application/ld+json"]',
  ARTICLE_ROOT,
  HEADLINE,
  KICKER,
].join(', ');
/** Lets a swap settle (Angular renders header and body in steps) before looking again. */
const SETTLE_MS = 120;
const ELEMENT_NODE = 1;

function bearsSignals(node: Node): boolean {
  if (node.nodeType !== ELEMENT_NODE) return false;
  const el = node as Element;
  return el.matches(SIGNAL_ELEMENTS) || el.querySelector(SIGNAL_ELEMENTS) !== null;
}

function sameVerdict(a: PageVerdict | null, b: PageVerdict): boolean {
  return a !== null && a.kind === b.kind && a.articleId === b.articleId && a.headline === b.headline && a.score === b.score;
}

/** The verdict for the page as it is now; also what a status request gets before the first run. */
export function recognise(ctx: ContentContext): PageVerdict {
  const verdict = detectPage(ctx.doc, ctx.doc.location.href);
  if (!sameVerdict(ctx.verdict, verdict)) {
    ctx.verdict = verdict;
    ctx.announceFindings();
  }
  return verdict;
}

export function recognisePage(ctx: ContentContext): void {
  const { doc, signal } = ctx;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const later = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (!signal.aborted) recognise(ctx);
    }, SETTLE_MS);
  };
  signal.addEventListener('abort', () => {
    clearTimeout(timer);
  });

  if (doc.readyState === 'loading') {
    doc.addEventListener('DOMContentLoaded', () => recognise(ctx), { once: true, signal });
  } else {
    recognise(ctx);
  }
  // What the parser delivers is seen by the run at DOMContentLoaded (or the one just above).
  ctx.onPageChange(({ source, added, urlChanged }) => {
    if (source !== 'mutation') return;
    if (urlChanged || added.some(bearsSignals)) later();
  });
}
