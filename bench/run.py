#!/usr/bin/env python3
"""postpress benchmark: runs everything in one go and prints tables of figures and ratios.

usage: bench/run [--quick] [--rounds N] [--skip-pandoc] [--skip-latex]   (tables on stdout: > bench/results.md)

Measured side by side on this machine (figures are noisy; the ratios are what matter):
  1. Each corpus in ../shared/corpus, whole blog: postpress PDF+EPUB from a cold and a warm
     image cache (wall, CPU, peak RSS, output sizes) beside pandoc's EPUB of the same posts,
     in --rounds rounds (default 5) of pandoc, cold, warm; medians, and the median of each
     round's own ratio (paired: the machine's speed drifts between rounds).
  2. The KubeCon NA 2025 post: postpress PDF beside pandoc + xelatex (its WebP images are
     converted to PNG for LaTeX beforehand, untimed: LaTeX cannot read WebP at all).
  3. Scaling: generated blogs of 10 to 2,000 posts: time per post and peak memory.
  4. A batch config of several digests with --jobs 1 and --jobs 2.
  5. The layout engine alone (pages per second) and the image pipeline (bench programs).
Goals (issue 8): terrytangyuan whole blog >= 3x faster than pandoc's EPUB alone cold and >= 10x
warm; KubeCon PDF >= 50x faster than pandoc+xelatex; peak memory < 300 MB on the largest corpus.
"""
import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CORPUS = os.path.join(os.path.dirname(ROOT), "shared", "corpus")
KUBECON = "_posts/2025-11-18-kubecon-na-2025-model-serving-highlights.md"


def measure(argv, cwd=None, env=None, timeout=3600):
    """Runs argv under /usr/bin/time; returns wall s, cpu s, peak RSS MB, exit code."""
    fmt = "%e %U %S %M"
    start = time.monotonic()
    done = subprocess.run(["/usr/bin/time", "-f", fmt, "-o", "/dev/stderr"] + argv, cwd=cwd, env=env,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout)
    wall_outer = time.monotonic() - start
    line = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1] if done.stderr else ""
    try:
        wall, user, system, rss_kb = line.split()
        return float(wall), float(user) + float(system), int(rss_kb) / 1024.0, done.returncode
    except ValueError:
        return wall_outer, float("nan"), float("nan"), done.returncode


def mb(path):
    return os.path.getsize(path) / 1048576.0 if os.path.exists(path) else float("nan")


def summary(runs):
    """Median wall and CPU, largest peak, and the worst exit code of measure() results."""
    return (statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs),
            max(r[2] for r in runs), max(runs, key=lambda r: abs(r[3]))[3])


def ratio(theirs, ours, ok=True):
    """theirs / ours as "12.3x"; "n/a" when not run; "failed" when it did not finish its output."""
    if theirs != theirs:
        return "n/a"
    return f(theirs / ours, 1) + "x" if ok else "failed"


def paired(theirs, ours, ok=True):
    """The median over rounds of each round's theirs / ours, with the lowest and highest, as
    "3.1x (2.8-3.4)". A round's pandoc run and postpress runs are seconds apart: this machine's
    speed drifts by a fifth within minutes, and a round's own ratio cancels that drift where
    the ratio of the two medians mixes slow rounds of one tool with fast ones of the other."""
    pairs = [t[0] / o[0] for t, o in zip(theirs, ours) if t[0] == t[0] and o[0] > 0]
    if not pairs:
        return "n/a"
    if not ok:
        return "failed"
    return f"{f(statistics.median(pairs), 1)}x ({f(min(pairs), 1)}-{f(max(pairs), 1)})"


def table(title, header, rows):
    print(f"\n## {title}\n")
    widths = [max(len(str(r[i])) for r in [header] + rows) for i in range(len(header))]
    line = lambda r: "| " + " | ".join(str(c).ljust(w) for c, w in zip(r, widths)) + " |"
    print(line(header))
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for r in rows:
        print(line(r))
    sys.stdout.flush()


def f(x, digits=2):
    return "n/a" if x != x else f"{x:.{digits}f}"  # NaN check


class Bench:
    def __init__(self, args):
        self.args = args
        self.postpress = os.path.join(ROOT, "build", "postpress")
        self.tmp = tempfile.mkdtemp(prefix="pp-bench-")
        self.env = dict(os.environ, SOURCE_DATE_EPOCH="1764460800")
        self.results = {}

    def postpress_build(self, site, out, cache, extra=()):
        return measure([self.postpress, "build", "--site", site, "-o", out, "--cache", cache, "-q"] + list(extra),
                       env=self.env)

    def selected_posts(self, site, extra=()):
        out = subprocess.run([self.postpress, "list", "--site", site, "--json"] + list(extra),
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=self.env).stdout
        return [os.path.join(site, p["path"]) for p in json.loads(out or b"[]")]

    def pandoc_epub(self, site, posts, out):
        if self.args.skip_pandoc or not shutil.which("pandoc"):
            return (float("nan"),) * 3 + (-1,)
        resource = ":".join([site] + sorted({os.path.dirname(p) for p in posts}))
        return measure(["pandoc", "-f", "markdown", "-o", out, "--resource-path", resource,
                        "--metadata", "title=Digest"] + posts, cwd=site, env=self.env)

    def corpora(self):
        # Rounds interleave pandoc, a cold build and a warm one, so that a slow minute of this
        # noisy machine slows all three; the table gives medians (peaks: the largest).
        rounds = 1 if self.args.quick else self.args.rounds
        rows, ratios = [], []
        for name in ("terrytangyuan", "kubeflow", "fluxcd"):
            site = os.path.join(CORPUS, name)
            if not os.path.isdir(site):
                rows.append([name, "absent"] + [""] * 9)
                continue
            cache = os.path.join(self.tmp, f"cache-{name}")
            out = os.path.join(self.tmp, name)
            posts = self.selected_posts(site)
            colds, warms, pans = [], [], []
            for r in range(rounds):
                # Whatever runs right after pandoc (a large heap just given back) runs slower
                # on this virtual machine: a cold build there took up to a third longer than the
                # same build after another. Odd rounds run pandoc last, so neither tool always
                # follows the other.
                pandoc_first = r % 2 == 0
                if pandoc_first:
                    pans.append(self.pandoc_epub(site, posts, os.path.join(self.tmp, f"{name}-pandoc.epub")))
                shutil.rmtree(cache, ignore_errors=True)
                colds.append(self.postpress_build(site, out, cache))
                warms.append(self.postpress_build(site, out, cache))
                if not pandoc_first:
                    pans.append(self.pandoc_epub(site, posts, os.path.join(self.tmp, f"{name}-pandoc.epub")))
            cold, warm, pan = summary(colds), summary(warms), summary(pans)
            rows.append([name, len(posts), f(cold[0]), f(cold[1]), f(cold[2], 0), f(warm[0]), f(warm[1]),
                         f(warm[2], 0), f(mb(out + ".pdf"), 1), f(mb(out + ".epub"), 1),
                         f(pan[0]) + ("" if pan[3] in (0, -1) else f" (exit {pan[3]})")])
            ok = pan[3] == 0
            ratios.append([name, ratio(pan[0], cold[0], ok), ratio(pan[0], warm[0], ok), ratio(pan[1], cold[1], ok),
                           paired(pans, colds, ok), paired(pans, warms, ok), f(cold[2], 0) + " MB"])
            self.results[name] = {"cold": cold, "warm": warm, "pandoc_epub": pan, "posts": len(posts)}
        table(f"Whole-blog digests: postpress PDF+EPUB vs pandoc EPUB alone (medians of {rounds} interleaved rounds)",
              ["corpus", "posts", "cold wall s", "cold cpu s", "cold MB", "warm wall s", "warm cpu s",
               "warm MB", "PDF MB", "EPUB MB", "pandoc EPUB wall s"], rows)
        table("Ratios (pandoc time / postpress time; goals: terrytangyuan >= 3x cold, >= 10x warm; "
              "peak < 300 MB; paired: the median of each round's own ratio)",
              ["corpus", "vs cold (wall)", "vs warm (wall)", "vs cold (cpu)", "paired vs cold", "paired vs warm",
               "peak RSS"], ratios)

    def kubecon(self):
        site = os.path.join(CORPUS, "terrytangyuan")
        if not os.path.exists(os.path.join(site, KUBECON)):
            return
        cache = os.path.join(self.tmp, "cache-kubecon")
        out = os.path.join(self.tmp, "kubecon")
        args = ["--posts", KUBECON, "--format", "pdf"]
        cold = self.postpress_build(site, out, cache, args)
        warm = self.postpress_build(site, out, cache, args)
        latex = (float("nan"),) * 3 + (-1,)
        latex_mb = float("nan")
        if not (self.args.skip_latex or self.args.skip_pandoc) and shutil.which("xelatex") and shutil.which("dwebp"):
            work = os.path.join(self.tmp, "kubecon-latex")
            post = self.prepare_latex_copy(site, work)
            latex = measure(["pandoc", post, "-o", os.path.join(work, "kubecon.pdf"), "--pdf-engine=xelatex",
                             "-V", "geometry:margin=1in"], cwd=work, env=self.env, timeout=1800)
            latex_mb = mb(os.path.join(work, "kubecon.pdf"))
        # A LaTeX run that stops early (a missing font or package) would make a flattering
        # ratio: only a finished PDF counts.
        latex_ok = latex[3] == 0 and latex_mb == latex_mb
        table("KubeCon NA 2025 post, PDF (goal: >= 50x faster than pandoc+xelatex; a fifth of its size)",
              ["tool", "wall s", "cpu s", "peak MB", "PDF MB"],
              [["postpress cold", f(cold[0]), f(cold[1]), f(cold[2], 0), f(mb(out + ".pdf"), 1)],
               ["postpress warm", f(warm[0]), f(warm[1]), f(warm[2], 0), f(mb(out + ".pdf"), 1)],
               ["pandoc+xelatex", f(latex[0]), f(latex[1]), f(latex[2], 0), f(latex_mb, 1)],
               ["ratio (cold)", ratio(latex[0], cold[0], latex_ok), "", "", ratio(latex_mb, mb(out + ".pdf"), latex_ok)],
               ["ratio (warm)", ratio(latex[0], warm[0], latex_ok), "", "", ""]])

    def prepare_latex_copy(self, site, work):
        """The post with its images as PNG files LaTeX can read (untimed preparation)."""
        os.makedirs(work, exist_ok=True)
        text = open(os.path.join(site, KUBECON), encoding="utf-8").read()
        body = text.split("---", 2)[2] if text.startswith("---") else text

        def convert(match):
            rel = re.sub(r"^(\.\./)+", "", match.group(2))
            src = os.path.join(site, rel)
            dst = os.path.join(work, os.path.basename(rel) + ".png")
            if os.path.exists(src) and not os.path.exists(dst):
                data = open(src, "rb").read(16)
                if data[8:12] == b"WEBP":
                    subprocess.run(["dwebp", src, "-o", dst], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                else:
                    shutil.copy(src, dst)
            return f"![{match.group(1)}]({os.path.basename(dst)})"

        body = re.sub(r"!\[([^\]]*)\]\(([^)\s]+)\)", convert, body)
        path = os.path.join(work, "kubecon.md")
        open(path, "w", encoding="utf-8").write("---\ntitle: KubeCon NA 2025\n---\n" + body)
        return path

    def scaling(self):
        sizes = [10, 50, 200] if self.args.quick else [10, 50, 200, 1000, 2000]
        images = os.path.join(ROOT, "samples", "img")
        rows, per_post = [], []
        for n in sizes:
            site = os.path.join(self.tmp, f"gen-{n}")
            subprocess.run([sys.executable, os.path.join(HERE, "gen_blog.py"), site, str(n), "--images", images],
                           check=True)
            cache = os.path.join(self.tmp, "cache-gen")  # shared: images are the same few files
            out = os.path.join(self.tmp, f"gen-{n}")
            self.postpress_build(site, out, cache)  # warm the image cache
            wall, cpu, rss, code = self.postpress_build(site, out, cache)
            pages = pdf_pages(out + ".pdf")
            per_post.append(cpu / n)
            rows.append([n, pages, f(wall), f(cpu), f(1000 * cpu / n, 1), f(rss, 0), f(mb(out + ".pdf"), 1),
                         f(mb(out + ".epub"), 1), code])
        table("Scaling: generated blogs, warm cache (time per post should stay flat, memory bounded)",
              ["posts", "PDF pages", "wall s", "cpu s", "cpu ms/post", "peak MB", "PDF MB", "EPUB MB", "exit"],
              rows)

    def batch(self):
        config = os.path.join(self.tmp, "batch.yaml")
        site = os.path.join(CORPUS, "fluxcd") if os.path.isdir(CORPUS) else os.path.join(ROOT, "samples")
        with open(config, "w") as out:
            out.write(f"site: {site}\ndigests:\n")
            for year in (2022, 2023, 2024, 2025):
                out.write(f"  - name: y{year}\n    select: {{year: {year}}}\n    output: {self.tmp}/batch-{year}\n")
        cache = os.path.join(self.tmp, "cache-batch")
        measure([self.postpress, "build", "-c", config, "--cache", cache, "-q"], env=self.env)  # warm
        rows = []
        for jobs in (1, 2):
            wall, cpu, rss, code = measure([self.postpress, "build", "-c", config, "--cache", cache, "-q",
                                            "--jobs", str(jobs)], env=self.env)
            rows.append([jobs, f(wall), f(cpu), f(rss, 0), code])
        table("Batch config, 4 digests (warm cache)", ["--jobs", "wall s", "cpu s", "peak MB", "exit"], rows)

    def programs(self):
        layout = os.path.join(ROOT, "build", "bench", "layout_bench")
        if os.path.exists(layout):
            print("\n## Layout engine alone (bench/layout_bench)\n")
            sys.stdout.flush()
            subprocess.run([layout] + (["--quick"] if self.args.quick else []))
        locale = os.path.join(ROOT, "build", "bench", "locale_bench")
        if os.path.exists(locale):
            print("\n## The digest's language (bench/locale_bench)\n")
            sys.stdout.flush()
            subprocess.run([locale] + (["--quick"] if self.args.quick else []))
        images = os.path.join(HERE, "images.sh")
        if os.path.exists(images) and not self.args.quick:
            print("\n## Image pipeline (bench/images.sh)\n")
            sys.stdout.flush()
            subprocess.run(["bash", images])


def pdf_pages(path):
    done = subprocess.run(["pdfinfo", path], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    match = re.search(rb"Pages:\s+(\d+)", done.stdout)
    return int(match.group(1)) if match else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="one round, smaller scaling run, no image bench")
    parser.add_argument("--rounds", type=int, default=5, help="interleaved rounds per corpus (medians reported)")
    parser.add_argument("--skip-pandoc", action="store_true")
    parser.add_argument("--skip-latex", action="store_true")
    args = parser.parse_args()
    bench = Bench(args)
    print(f"# postpress benchmark ({time.strftime('%Y-%m-%d %H:%M')}, {os.cpu_count()} cores)")
    try:
        bench.corpora()
        bench.kubecon()
        bench.scaling()
        bench.batch()
        bench.programs()
    finally:
        shutil.rmtree(bench.tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
