// The fenced code blocks of a folder of Markdown posts, for the highlighting benchmarks. A
// plain fence scanner (``` or ~~~, any indentation, closed by the same fence char at least as
// long): close enough to cmark for timing, and free of the markdown stage.
#pragma once

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace bench {

struct CodeBlock {
  std::string info;  // the fence's info string
  std::string code;
};

inline std::vector<CodeBlock> fencedBlocks(const std::string& text) {
  std::vector<CodeBlock> out;
  std::istringstream in(text);
  std::string line;
  bool open = false;
  char fenceChar = 0;
  std::size_t fenceLen = 0, indent = 0;
  CodeBlock block;
  while (std::getline(in, line)) {
    const std::size_t lead = line.find_first_not_of(' ');
    const bool fenceLike = lead != std::string::npos && (line[lead] == '`' || line[lead] == '~');
    std::size_t run = 0;
    if (fenceLike)
      while (lead + run < line.size() && line[lead + run] == line[lead]) ++run;
    if (!open) {
      if (fenceLike && run >= 3) {
        open = true;
        fenceChar = line[lead];
        fenceLen = run;
        indent = lead;
        block = {};
        const std::size_t infoStart = line.find_first_not_of(' ', lead + run);
        if (infoStart != std::string::npos) block.info = line.substr(infoStart);
      }
      continue;
    }
    if (fenceLike && line[lead] == fenceChar && run >= fenceLen &&
        line.find_first_not_of(' ', lead + run) == std::string::npos) {
      if (!block.code.empty() && block.code.back() == '\n') block.code.pop_back();
      out.push_back(std::move(block));
      open = false;
      continue;
    }
    const std::size_t strip = std::min(indent, line.find_first_not_of(' ') == std::string::npos ? line.size() : line.find_first_not_of(' '));
    block.code += line.substr(strip) + "\n";
  }
  return out;
}

// Every block of every .md/.mdx/.markdown file under `root`, files in sorted order.
inline std::vector<CodeBlock> corpusBlocks(const std::filesystem::path& root) {
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::recursive_directory_iterator(root)) {
    const std::string ext = e.path().extension().string();
    if (e.is_regular_file() && (ext == ".md" || ext == ".mdx" || ext == ".markdown")) files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  std::vector<CodeBlock> out;
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    for (CodeBlock& b : fencedBlocks(ss.str())) out.push_back(std::move(b));
  }
  return out;
}

}  // namespace bench
