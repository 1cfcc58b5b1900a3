/** A TypeScript entry bundled the way the content scripts are (minified, for the same Chromium), as one classic script. */
import { build } from 'vite';

export async function bundleScript(entry: string, name: string, define: Record<string, string> = {}): Promise<string> {
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    define,
    build: {
      write: false,
      minify: true,
      target: 'chrome120',
      lib: { entry, formats: ['iife'], name, fileName: name },
    },
  });
  const chunk = (Array.isArray(output) ? output : [output]).flatMap((o) => ('output' in o ? o.output : [])).find((c) => c.type === 'chunk');
  if (!chunk) throw new Error(`bundling ${entry} produced no script`);
  return chunk.code;
}
