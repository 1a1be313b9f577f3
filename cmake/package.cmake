# The Debian package (scripts/package.sh runs `cpack -G DEB`): the install rules of
# cmake/install.cmake under /usr, the binary stripped, its library dependencies computed by
# dpkg-shlibdeps from what the binary really links.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME postpress)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "postpress maintainers <maintainers@users.noreply.r-seed-69305fe5.example>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "compile a blog's posts into a typeset PDF and an EPUB digest")
set(CPACK_PACKAGE_DESCRIPTION
    "postpress turns a blog's source folder (Jekyll, Hugo, Docusaurus or plain Markdown) into one\n\
typeset PDF and one EPUB: cover, brief, table of contents, every selected post with its images,\n\
and indexes of tags and authors.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # postpress_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_SECTION text)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# dpkg-shlibdeps sees only what the binary links. Also needed, and appended to its result: the
# fallback fonts and hyphenation patterns the default style uses (outputs are the same on every
# machine only with them), and the sRGB profile PDF/A's output intent embeds (--pdf-standard
# a-2b, a-2u: without it no PDF/A is written). Recommended: the libraries opened on first use
# (librsvg for SVG images, libcurl for --fetch-remote; without them those images become
# placeholders; Graphviz's libgvc and libxdot for diagrams; without them a diagram prints as its
# source, with a warning) and the hyphenation patterns of the other languages a post can be in (read at
# run time by pp::hyphenationDictionary; without them those posts are not hyphenated), and the
# regional CJK faces of fonts-noto-cjk (without them Droid Sans Fallback and Nanum draw CJK)
# and the colour emoji of fonts-noto-color-emoji (without them Symbola draws emoji in black).
# tests/e2e/package.sh holds the Dockerfile's runtime stage to the same lists.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-droid-fallback, fonts-nanum, fonts-noto-core, fonts-symbola, hyphen-en-us, icc-profiles-free")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "librsvg2-2, libcurl4, libgvc6, libxdot4, fonts-noto-cjk, fonts-noto-color-emoji, hyphen-bn, hyphen-de, hyphen-el, hyphen-en-gb, hyphen-es, hyphen-fr, hyphen-hi, hyphen-it, hyphen-pt-br, hyphen-pt-pt, hyphen-ru, hyphen-ta, hyphen-uk")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "hyphen-hyphenation-patterns")  # other languages' patterns
include(CPack)
