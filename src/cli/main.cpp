// postpress: thin command-line front end over the stage libraries.
#include <cstdio>

#include "postpress/files.h"

int main() {
  std::printf("postpress %s\n", pp::versionString());
  return 0;
}
