/**
 * No function in src/ is longer than 80 lines, counted from its first line to its closing brace:
 * declarations, methods and arrow functions alike, nested ones on their own. A longer one has steps
 * that want names; split it where they are.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const MAX_LINES = 80;

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? sourcesUnder(path) : /\.ts$/.test(entry.name) ? [path] : [];
  });
}

/** Every function with a body in `code`, as "name:first line (lines)". */
function longFunctions(code: string, maxLines: number, fileName = 'code.ts'): string[] {
  const file = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true);
  const lineOf = (position: number): number => file.getLineAndCharacterOfPosition(position).line + 1;
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body !== undefined) {
      const first = lineOf(node.getStart(file));
      const lines = lineOf(node.getEnd()) - first + 1;
      const name = node.name?.getText(file) ?? '(anonymous)';
      if (lines > maxLines) found.push(`${name}:${String(first)} (${String(lines)} lines)`);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe('the length check', () => {
  const body = (lines: number): string => Array.from({ length: lines - 2 }, (_, i) => `  call(${String(i)});`).join('\n');

  it('counts declarations, arrow functions and methods', () => {
    expect(longFunctions(`function a() {\n${body(4)}\n}`, 3)).toEqual(['a:1 (4 lines)']);
    expect(longFunctions(`const b = () => {\n${body(4)}\n};`, 3)).toEqual(['(anonymous):1 (4 lines)']);
    expect(longFunctions(`class C {\n  m() {\n${body(4)}\n  }\n}`, 3)).toEqual(['m:2 (4 lines)']);
  });

  it('lets a function of the limit pass', () => {
    expect(longFunctions(`function a() {\n${body(3)}\n}`, 3)).toEqual([]);
  });
});

describe('the extension sources', () => {
  it(`hold no function longer than ${String(MAX_LINES)} lines`, () => {
    const long = sourcesUnder(resolve(root, 'src')).flatMap((file) =>
      longFunctions(readFileSync(file, 'utf8'), MAX_LINES, file).map((found) => `${relative(root, file)}: ${found}`),
    );
    expect(long).toEqual([]);
  });
});
