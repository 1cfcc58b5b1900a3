// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const bannedHtmlSinks = [
  { selector: "AssignmentExpression[left.property.name='innerHTML']", message: 'Build DOM nodes and use textContent, never innerHTML.' },
  { selector: "AssignmentExpression[left.property.name='outerHTML']", message: 'Build DOM nodes and use textContent, never outerHTML.' },
  { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'Build DOM nodes, never insertAdjacentHTML.' },
  { selector: "CallExpression[callee.object.name='document'][callee.property.name='write']", message: 'Never document.write.' },
  { selector: "CallExpression[callee.object.name='document'][callee.property.name='writeln']", message: 'Never document.writeln.' },
];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'artifacts/', 'bench/.cache/', 'web-ext-artifacts/'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'off',
      '@typescript-eslint/no-implied-eval': 'error',
      'no-new-func': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', ...bannedHtmlSinks] },
  },
  {
    files: ['tests/**/*.ts', 'tools/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
);
