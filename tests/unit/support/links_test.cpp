// The link policy: http, https, mailto and relative links stay live; every other scheme does not.
#include <doctest/doctest.h>

#include "postpress/support/links.h"

using namespace pp;

TEST_CASE("web, mail and relative links stay live") {
  for (const char* url : {"https://example.org/x", "HTTP://example.org", "//cdn.example.org/a.png",
                          "mailto:someone@example.org", "/2025/11/18/post/", "post.md#intro", "#section",
                          "?q=1", "a/b:c", "[text](https://example.org)", "ja%76ascript:x"}) {
    CAPTURE(url);
    CHECK(isLiveLink(url));
  }
  CHECK(linkKindOf("https://x") == LinkKind::Web);
  CHECK(linkKindOf("MailTo:x@y") == LinkKind::Mail);
  CHECK(linkKindOf("x.html") == LinkKind::Relative);
}

TEST_CASE("other schemes, disguised or not, are not live") {
  for (const char* url : {"file:///etc/passwd", "smb://host/share", "javascript:alert(1)", " javascript:alert(1)",
                          "\x01javascript:alert(1)", "java\tscript:alert(1)", "JAVASCRIPT:alert(1)",
                          "data:text/html,<script>", "data:image/png;base64,AAAA", "tel:+100", "vbscript:x",
                          "C:/Windows/x"}) {
    CAPTURE(url);
    CHECK_FALSE(isLiveLink(url));
  }
}
