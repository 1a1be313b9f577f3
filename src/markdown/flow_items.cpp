// FlowItems into nested blocks: containers opened and closed by separate items (admonition
// placeholders, HTML blocks that open a <details> and a later one that closes it).
#include "markdown/convert.h"

namespace pp::markdown {

void pushBlock(std::vector<FlowItem>& out, Block b) {
  FlowItem item;
  item.block = std::move(b);
  out.push_back(std::move(item));
}

std::vector<Block> foldFlow(std::vector<FlowItem> items, int* summaryEnd) {
  struct Open {
    Block block;
    std::string key;
    bool transparent;
  };
  constexpr std::size_t kMaxOpen = 8;
  std::vector<Open> stack;
  std::vector<Block> result;
  auto sink = [&]() -> std::vector<Block>& {
    return stack.empty() ? result : stack.back().block.children;
  };
  auto closeTop = [&] {
    Open o = std::move(stack.back());
    stack.pop_back();
    auto& to = sink();
    if (o.transparent) {
      for (auto& b : o.block.children) to.push_back(std::move(b));
    } else {
      to.push_back(std::move(o.block));
    }
  };
  for (auto& item : items) {
    switch (item.kind) {
      case FlowItem::Kind::Block: sink().push_back(std::move(item.block)); break;
      case FlowItem::Kind::Begin:
        // Beyond the cap a container opens transparently: its content stays, its box goes.
        stack.push_back({std::move(item.block), item.key, item.transparent || stack.size() >= kMaxOpen});
        break;
      case FlowItem::Kind::End: {
        std::size_t k = stack.size();
        while (k > 0 && stack[k - 1].key != item.key) --k;
        if (k == 0) break;  // stray end
        while (stack.size() >= k) closeTop();
        break;
      }
      case FlowItem::Kind::Summary:
        if (summaryEnd && *summaryEnd < 0)
          *summaryEnd = static_cast<int>(result.size()) + (stack.empty() ? 0 : 1);
        break;
    }
  }
  while (!stack.empty()) closeTop();
  return result;
}

}  // namespace pp::markdown
