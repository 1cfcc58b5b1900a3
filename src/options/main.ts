/** Options page entry; see options.ts. */
import { shellOptions } from '../ui/entry';
import { startOptions } from './options';

const root = document.getElementById('app');
if (root) startOptions(root, shellOptions());
