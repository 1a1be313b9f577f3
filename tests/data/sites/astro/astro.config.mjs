// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

// An Astro blog as the blog template lays it out: posts are a content collection under
// src/content/blog, the public folder is served at the site root.
export default defineConfig({
  site: 'https://astro.example.org',
  integrations: [mdx()],
  i18n: {
    defaultLocale: 'en',
    locales: ['en', 'es'],
  },
});
