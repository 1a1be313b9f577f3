// @ts-check
const math = require('remark-math');
const katex = require('rehype-katex');

/** @type {import('@docusaurus/types').Config} */
const config = {
  title: 'Fixture Docusaurus Blog',
  tagline: 'A small Docusaurus site used by the unit tests',
  // url: 'https://wrong.example.org',
  url: 'https://docs.example.org',
  baseUrl: '/',
  i18n: { defaultLocale: 'en', locales: ['en'] },
  presets: [
    [
      'classic',
      ({
        docs: false,
        blog: {
          showReadingTime: true,
          routeBasePath: 'blog',
          remarkPlugins: [math],
          rehypePlugins: [katex],
        },
      }),
    ],
  ],
  themeConfig: { navbar: { title: 'Navbar title' } },
};

module.exports = config;
