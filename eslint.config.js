// Lint encodes the layer rules of docs/house-style (R1, R2, R16, R18).
import js from '@eslint/js'
import tseslint from 'typescript-eslint'

const PURE_FORBIDDEN = [
  { group: ['#src/db/*', '#src/server/*', '#src/web/*'], message: 'Pure files (*.rules.ts, *.model.ts) do no IO and know no HTTP (R1).' },
  { group: ['preact', 'preact/*', 'preact-render-to-string', 'fastify', '@fastify/*', 'drizzle-orm', 'drizzle-orm/*', 'pg', '@electric-sql/*'], message: 'Pure files import no frameworks or drivers (R1).' },
  { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'net', 'http'], message: 'Pure files import nothing from node (R1).' },
]
const DOMAIN_FORBIDDEN = [
  { group: ['#src/web/*', '#src/server/*'], message: 'Domain modules never import the web or server layers (R1).' },
]

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'data/**', '.cache/**', 'reports/**', 'test-results/**', 'playwright-report/**', 'src/db/migrations/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2024, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Raw HTML only through trustedHtml() in src/web/lib/trusted-html.tsx (R18).' },
        { selector: "Property[key.name='tpl']", message: 'Raw HTML only through renderedHtml() in src/web/lib/trusted-html.tsx (R18).' },
        { selector: "Property[key.value='tpl']", message: 'Raw HTML only through renderedHtml() in src/web/lib/trusted-html.tsx (R18).' },
        { selector: "JSXAttribute[name.name='tpl']", message: 'Raw HTML only through renderedHtml() in src/web/lib/trusted-html.tsx (R18).' },
        { selector: 'SwitchCase[test=null]', message: 'No default branches: use Record<Union, …> maps or assertNever (R7).' },
      ],
    },
  },
  {
    files: ['src/web/lib/trusted-html.tsx'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // The questionnaire engine and its content are pure as a whole (house style R1, R11–R15).
    files: ['src/**/*.rules.ts', 'src/**/*.model.ts', 'src/questionnaire/engine/**/*.ts', 'src/questionnaire/definition/**/*.ts'],
    ignores: ['src/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: PURE_FORBIDDEN }] },
  },
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/web/**', 'src/server/**', 'src/**/*.rules.ts', 'src/**/*.model.ts', 'src/questionnaire/engine/**', 'src/questionnaire/definition/**', 'src/**/*.test.ts', 'src/**/*.test.tsx'],
    rules: { 'no-restricted-imports': ['error', { patterns: DOMAIN_FORBIDDEN }] },
  },
  {
    files: ['assets/js/**/*.js'],
    languageOptions: { sourceType: 'script', globals: { window: 'readonly', document: 'readonly', htmx: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', fetch: 'readonly', JSON: 'readonly' } },
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['*'], message: 'Browser scripts never import from src/ (R2).' }] }] },
  },
)
