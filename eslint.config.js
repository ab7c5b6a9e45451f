import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist',
      '.astro/',
      '.build/',
      '.publish/',
      '.preview/',
      'node_modules/',
      'bench/corpus/',
      'bench/results/',
      'bench/tmp/',
      '**/dist/',
      '**/.astro/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  { languageOptions: { globals: { ...globals.node, ...globals.browser } } },
);
