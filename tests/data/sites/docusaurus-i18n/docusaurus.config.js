// @ts-check
// A Docusaurus site with its blog translated into Chinese, as the i18n tutorial lays it out:
// translated posts mirror blog/ under i18n/<locale>/docusaurus-plugin-content-blog/.

/** @type {import('@docusaurus/types').Config} */
const config = {
  title: 'Fixture Docusaurus i18n',
  tagline: 'A translated blog',
  url: 'https://docusaurus-i18n.example.org',
  baseUrl: '/',
  i18n: {
    defaultLocale: 'en',
    locales: ['en', 'zh'],
  },
  presets: [
    [
      'classic',
      /** @type {import('@docusaurus/preset-classic').Options} */
      ({
        docs: { sidebarPath: './sidebars.js' },
        blog: { showReadingTime: true },
      }),
    ],
  ],
  themeConfig: {
    // The social card shared by every page: never a post's picture.
    image: 'img/social-card.png',
  },
};

module.exports = config;
