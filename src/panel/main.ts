/** Side panel entry (Chrome's side panel and Firefox's sidebar show the same page); see panel.ts. */
import { briefing } from '../briefing/index';
import { shellOptions } from '../ui/entry';
import { startPanel } from './panel';

const root = document.getElementById('app');
if (root) startPanel(root, { briefing, ...shellOptions() });
