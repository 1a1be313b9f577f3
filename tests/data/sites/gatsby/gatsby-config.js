// A Gatsby blog laid out as the official blog starter documents it: Markdown under
// content/blog, sourced by gatsby-source-filesystem, one folder per post.
module.exports = {
  siteMetadata: {
    title: `Fixture Gatsby Blog`,
    author: {
      name: `Kim Writer`,
      summary: `who writes fixtures for a living.`,
    },
    description: `A Gatsby site used by the postpress tests.`,
    siteUrl: `https://gatsby.example.org/`,
  },
  plugins: [
    `gatsby-plugin-image`,
    {
      resolve: `gatsby-source-filesystem`,
      options: {
        path: `${__dirname}/content/blog`,
        name: `blog`,
      },
    },
    {
      resolve: `gatsby-source-filesystem`,
      options: {
        name: `images`,
        path: `${__dirname}/src/images`,
      },
    },
    `gatsby-transformer-remark`,
  ],
}
