import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

export default {
  preprocess: vitePreprocess(),
  compilerOptions: {
    // Styles come from app.css only: Svelte's runtime style injection would need 'unsafe-inline'.
    css: 'external',
  },
};
