// layout_bench: text layout speed of the PDF engine on generated digests.
//
//   layout_bench [--pages 50,500,5000] [--style report|brief|FILE] [--paint FILE.pdf]
//
// For each target size, generates a digest of realistic posts (paragraphs with emphasis, code
// and links, headings, lists, code blocks, tables, quotes; no images, which are the asset
// stage's cost) long enough to fill about that many pages, lays it out with
// layoutBook() on this one thread, and prints pages, seconds (wall and CPU), pages per
// second and milliseconds per page. Painting (libharu) is not part of the figure; --paint
// also writes the last digest to FILE.pdf with writePdf() and reports that time separately.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <deque>
#include <memory>
#include <string>
#include <vector>

#include "postpress/book.h"
#include "postpress/pdf.h"
#include "postpress/publication.h"
#include "postpress/style.h"

using namespace pp;

namespace {

const char* const kWords[] = {
    "the", "model", "serving", "platform", "scales", "inference", "across", "clusters", "with",
    "predictable", "latency", "and", "operators", "configure", "autoscaling", "through",
    "declarative", "resources", "while", "engineers", "measure", "throughput", "of",
    "distributed", "accelerators", "community", "contributors", "maintained", "comprehensive",
    "documentation", "for", "production", "deployments", "a", "reliable", "observability",
    "pipeline", "collects", "metrics", "from", "every", "component", "in", "real", "time",
    "organizations", "adopted", "standardized", "interfaces", "to", "simplify", "integration",
    "between", "heterogeneous", "systems", "is", "notably", "faster", "than", "previous",
    "generations", "on", "benchmarks", "Kubernetes", "scheduling", "workloads", "GPU",
    "memory", "requests", "tokens", "per", "second", "quantization", "caching", "routing"};
constexpr unsigned kWordCount = sizeof(kWords) / sizeof(kWords[0]);

struct Rng {
  unsigned s;
  unsigned next() {
    s = s * 1103515245u + 12345u;
    return s >> 8;
  }
};

std::vector<Inline> sentenceInlines(Rng& r, int words) {
  std::vector<Inline> out;
  std::string run;
  for (int i = 0; i < words; ++i) {
    std::string w = kWords[r.next() % kWordCount];
    if (i == 0) w[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(w[0])));
    const unsigned k = r.next() % 40;
    if (k == 0 || k == 1) {
      if (!run.empty()) out.push_back(Inline::makeText(run + " "));
      run.clear();
      Inline e;
      e.kind = k == 0 ? InlineKind::Emph : InlineKind::Strong;
      e.children.push_back(Inline::makeText(w));
      out.push_back(e);
      run = " ";
      continue;
    }
    if (k == 2) {
      if (!run.empty()) out.push_back(Inline::makeText(run + " "));
      run.clear();
      Inline c;
      c.kind = InlineKind::Code;
      c.text = w + "_config";
      out.push_back(c);
      run = " ";
      continue;
    }
    if (k == 3) {
      if (!run.empty()) out.push_back(Inline::makeText(run + " "));
      run.clear();
      Inline l;
      l.kind = InlineKind::Link;
      l.link.url = "https://example.org/docs/" + w;
      l.children.push_back(Inline::makeText(w + " guide"));
      out.push_back(l);
      run = " ";
      continue;
    }
    if (!run.empty() && run != " ") run += ' ';
    run += w;
    if (i + 1 < words && r.next() % 9 == 0) run += ',';
  }
  run += '.';
  out.push_back(Inline::makeText(run));
  return out;
}

Block paragraph(Rng& r, int sentences) {
  Block b;
  b.kind = BlockKind::Paragraph;
  for (int s = 0; s < sentences; ++s) {
    if (s) b.inlines.push_back(Inline::makeText(" "));
    auto in = sentenceInlines(r, 8 + static_cast<int>(r.next() % 18));
    b.inlines.insert(b.inlines.end(), in.begin(), in.end());
  }
  return b;
}

// One post of roughly `words` words with the usual mix of blocks.
Document makePost(Rng& r, int words) {
  Document d;
  int written = 0, section = 0;
  while (written < words) {
    if (written > 0 && r.next() % 5 == 0) {
      Block h;
      h.kind = BlockKind::Heading;
      h.level = 2 + static_cast<int>(r.next() % 2);
      h.id = "s" + std::to_string(++section);
      h.inlines.push_back(Inline::makeText("Section " + std::to_string(section) + " on " + kWords[r.next() % kWordCount]));
      d.blocks.push_back(h);
    }
    const unsigned k = r.next() % 20;
    if (k == 0) {
      Block list;
      list.kind = r.next() % 2 ? BlockKind::BulletList : BlockKind::OrderedList;
      for (int i = 0; i < 4; ++i) {
        Block item;
        item.kind = BlockKind::ListItem;
        item.children.push_back(paragraph(r, 1));
        list.children.push_back(item);
      }
      d.blocks.push_back(list);
      written += 60;
    } else if (k == 1) {
      Block c;
      c.kind = BlockKind::Code;
      for (int i = 0; i < 10; ++i)
        c.text += std::string(static_cast<std::size_t>(2 * (i % 4)), ' ') + "value_" + std::to_string(i) +
                  " = compute(" + kWords[r.next() % kWordCount] + ", limit=" + std::to_string(r.next() % 1000) + ")\n";
      d.blocks.push_back(c);
      written += 40;
    } else if (k == 2) {
      Block t;
      t.kind = BlockKind::Table;
      for (int row = 0; row < 6; ++row) {
        TableRow tr;
        tr.header = row == 0;
        for (int col = 0; col < 4; ++col) {
          TableCell cell;
          cell.content.push_back(Inline::makeText(row == 0 ? std::string("Column ") + kWords[col]
                                                             : std::string(kWords[r.next() % kWordCount]) + " " +
                                                                   kWords[r.next() % kWordCount]));
          tr.cells.push_back(cell);
        }
        t.rows.push_back(tr);
      }
      t.aligns.assign(4, Align::None);
      d.blocks.push_back(t);
      written += 50;
    } else if (k == 3) {
      Block q;
      q.kind = BlockKind::Quote;
      q.children.push_back(paragraph(r, 2));
      d.blocks.push_back(q);
      written += 40;
    } else {
      const int sentences = 3 + static_cast<int>(r.next() % 5);
      d.blocks.push_back(paragraph(r, sentences));
      written += sentences * 17;
    }
  }
  return d;
}

struct Generated {
  std::deque<Post> posts;
  Publication pub{std::make_shared<const Locale>("en")};
};

// About 470 words fill a report page with this mix of blocks (measured, see --calibrate).
void generate(Generated& g, int pages, double wordsPerPage) {
  Rng r{12345};
  const int wordsPerPost = 2400;
  const int postCount = std::max(1, static_cast<int>(pages * wordsPerPage / wordsPerPost + 0.5));
  g.pub.title = "Benchmark Digest";
  g.pub.groups.push_back({});
  for (int i = 0; i < postCount; ++i) {
    Post p;
    p.title = "Generated post " + std::to_string(i + 1) + ": " + kWords[r.next() % kWordCount] + " at scale";
    p.path = "_posts/" + std::to_string(i + 1) + ".md";
    p.date = DateTime{2025, 1 + i % 12, 1 + i % 28};
    p.authors = {"Bench Author"};
    p.tags = {"Kubernetes", "Inference"};
    g.posts.push_back(std::move(p));
    PostEntry e;
    e.post = &g.posts.back();
    e.doc = makePost(r, wordsPerPost);
    e.anchor = "p" + std::to_string(i + 1);
    g.pub.posts.push_back(std::move(e));
    g.pub.groups[0].posts.push_back(i);
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<int> targets = {50, 500, 5000};
  std::string styleName = "report";
  std::string paintTo;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--pages" && i + 1 < argc) {
      targets.clear();
      std::string list = argv[++i];
      std::size_t pos = 0;
      while (pos < list.size()) {
        std::size_t comma = list.find(',', pos);
        targets.push_back(std::atoi(list.substr(pos, comma - pos).c_str()));
        if (comma == std::string::npos) break;
        pos = comma + 1;
      }
    } else if (a == "--style" && i + 1 < argc) {
      styleName = argv[++i];
    } else if (a == "--paint" && i + 1 < argc) {
      paintTo = argv[++i];
    } else {
      std::fprintf(stderr, "usage: layout_bench [--pages 50,500,5000] [--style NAME|FILE] [--paint FILE.pdf]\n");
      return 2;
    }
  }
  DiagnosticSink diags;
  const Style style = loadStyle(styleName, "", diags);
  if (diags.errorCount()) {
    for (const auto& d : diags.all()) std::fprintf(stderr, "%s\n", formatDiagnostic(d).c_str());
    return 1;
  }
  // Calibrate words per page on a small digest so each target gets about its page count.
  double wordsPerPage = 470;
  {
    Generated g;
    generate(g, 40, wordsPerPage);
    DiagnosticSink d;
    Layout l = layoutBook(g.pub, style, {}, {}, d);
    if (!l.pages.empty()) wordsPerPage *= 40.0 / static_cast<double>(l.pages.size() - l.frontPages);
  }
  std::printf("style %s, %.0f generated words per page, one thread\n", style.name.c_str(), wordsPerPage);
  std::printf("%8s %10s %10s %10s %12s\n", "pages", "wall s", "cpu s", "pages/s", "ms/page");
  for (int target : targets) {
    Generated g;
    generate(g, target, wordsPerPage);
    DiagnosticSink d;
    const auto w0 = std::chrono::steady_clock::now();
    const std::clock_t c0 = std::clock();
    Layout l = layoutBook(g.pub, style, {}, {}, d);
    const std::clock_t c1 = std::clock();
    const auto w1 = std::chrono::steady_clock::now();
    const double wall = std::chrono::duration<double>(w1 - w0).count();
    const double cpu = static_cast<double>(c1 - c0) / CLOCKS_PER_SEC;
    const double pages = static_cast<double>(l.pages.size());
    std::printf("%8.0f %10.3f %10.3f %10.0f %12.3f\n", pages, wall, cpu, pages / cpu, 1000.0 * cpu / pages);
    std::fflush(stdout);
    if (!paintTo.empty() && target == targets.back()) {
      PdfStats stats;
      const std::clock_t p0 = std::clock();
      if (writePdf(g.pub, style, paintTo, d, &stats)) {
        const double total = static_cast<double>(std::clock() - p0) / CLOCKS_PER_SEC;
        std::printf("writePdf: %d pages in %.3f s CPU (layout %.3f s, paint+save %.3f s wall) -> %s\n", stats.pages,
                    total, stats.layoutSeconds, stats.paintSeconds, paintTo.c_str());
      }
    }
  }
  return 0;
}
