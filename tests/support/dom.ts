/** Documents for tests, parsed by happy-dom with the page's URL so `location` and relative links resolve. */
import { Window } from 'happy-dom';

export function parseHtml(html: string, url: string | URL): Document {
  const window = new Window({
    url: String(url),
    settings: {
      disableJavaScriptFileLoading: true,
      handleDisabledFileLoadingAsSuccess: true,
      navigation: { disableMainFrameNavigation: true, disableChildFrameNavigation: true, disableChildPageNavigation: true },
    },
  });
  window.document.write(html);
  return window.document as unknown as Document;
}
