// An Eleventy blog in the layout of the official base blog: templates under content/,
// posts under content/blog with a directory data file tagging them into the posts collection.
export default async function (eleventyConfig) {
  eleventyConfig.addPassthroughCopy({ "./public/": "/" });
}

export const config = {
  templateFormats: ["md", "njk", "html", "liquid"],
  markdownTemplateEngine: "njk",
  dir: {
    input: "content",
    includes: "../_includes",
    data: "../_data",
    output: "_site",
  },
};
