/** Popup entry. The briefing is bundled, so it is drawn before anything is awaited; see app.ts. */
import { briefing } from '../briefing/index';
import { startPopup } from './app';
import { shellOptions } from '../ui/entry';

const root = document.getElementById('app');
if (root) startPopup(root, { briefing, ...shellOptions() });
