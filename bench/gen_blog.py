#!/usr/bin/env python3
"""Generates a deterministic Jekyll blog of N posts for the scaling benchmark.

usage: gen_blog.py OUT_DIR N [--images DIR]

Each post is 600-1500 words of varied Markdown (headings, paragraphs, lists, a table, code, a
quote, links, a footnote) from a fixed seed, dated across several years with a handful of tags
and authors, so time and memory per post can be compared across blog sizes. With --images, the
images of DIR are copied in and referenced by some posts (the same few files over and over, as
real blogs reuse logos and diagrams).
"""
import argparse
import os
import random
import shutil

WORDS = ("cluster node pod service mesh latency throughput rollout canary gateway operator "
         "controller scheduler storage volume network policy tenant quota metric trace span log "
         "pipeline build release artifact registry signature model inference serving batch "
         "stream queue cache shard replica leader election consensus failover region zone "
         "upgrade migration schema index query planner budget alert dashboard incident review "
         "the a of to and in for with on by from that this these across between under over "
         "quickly carefully reliably often rarely usually gradually efficiently").split()
TAGS = ["Kubernetes", "Observability", "Security", "Machine Learning", "Community", "Storage",
        "Networking", "Release", "Tutorial", "Performance"]
AUTHORS = ["Ada Lovelace", "Grace Hopper", "Edsger Dijkstra", "Barbara Liskov", "Donald Knuth",
           "Frances Allen", "Ken Thompson", "Radia Perlman"]


def sentence(rng, lo=8, hi=24):
    words = [rng.choice(WORDS) for _ in range(rng.randint(lo, hi))]
    words[0] = words[0].capitalize()
    if rng.random() < 0.2:
        i = rng.randrange(len(words))
        words[i] = f"**{words[i]}**"
    if rng.random() < 0.15:
        i = rng.randrange(len(words))
        words[i] = f"`{words[i]}`"
    if rng.random() < 0.15:
        i = rng.randrange(len(words))
        words[i] = f"[{words[i]}](https://example.org/{words[i]}/{rng.randint(1, 999)})"
    return " ".join(words) + rng.choice([".", ".", ".", "?", "!"])


def paragraph(rng):
    return " ".join(sentence(rng) for _ in range(rng.randint(3, 7)))


def post_body(rng, index, images):
    parts = [paragraph(rng)]
    for section in range(rng.randint(2, 5)):
        parts.append(f"## {sentence(rng, 2, 6).rstrip('.?!')}")
        for _ in range(rng.randint(1, 4)):
            parts.append(paragraph(rng))
        kind = rng.random()
        if kind < 0.2:
            parts.append("\n".join(f"- {sentence(rng, 4, 12)}" for _ in range(rng.randint(3, 6))))
        elif kind < 0.35:
            parts.append("\n".join(f"{i + 1}. {sentence(rng, 4, 12)}" for i in range(rng.randint(3, 5))))
        elif kind < 0.5:
            rows = ["| Component | Before | After |", "|:--|--:|--:|"]
            rows += [f"| {rng.choice(WORDS)} | {rng.randint(1, 999)} ms | {rng.randint(1, 999)} ms |"
                     for _ in range(rng.randint(3, 6))]
            parts.append("\n".join(rows))
        elif kind < 0.65:
            code = "\n".join(f"{rng.choice(WORDS)}: {rng.randint(0, 100)}" for _ in range(rng.randint(4, 12)))
            parts.append(f"```yaml\n{code}\n```")
        elif kind < 0.75:
            parts.append("> " + sentence(rng, 10, 30))
        if images and rng.random() < 0.3:
            image = rng.choice(images)
            parts.append(f"![{sentence(rng, 3, 6).rstrip('.?!')}](/img/{image})")
    if rng.random() < 0.3:
        parts.append(f"A closing note.[^{index}]\n\n[^{index}]: {sentence(rng)}")
    return "\n\n".join(parts) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out")
    parser.add_argument("count", type=int)
    parser.add_argument("--images")
    args = parser.parse_args()
    rng = random.Random(20251118)
    posts = os.path.join(args.out, "_posts")
    os.makedirs(posts, exist_ok=True)
    with open(os.path.join(args.out, "_config.yml"), "w") as f:
        f.write("title: Generated Bench Blog\nurl: https://bench.example\npermalink: pretty\n")
    images = []
    if args.images:
        os.makedirs(os.path.join(args.out, "img"), exist_ok=True)
        for name in sorted(os.listdir(args.images)):
            if name.lower().endswith((".png", ".jpg", ".jpeg", ".webp")):
                shutil.copy(os.path.join(args.images, name), os.path.join(args.out, "img", name))
                images.append(name)
    for i in range(args.count):
        year = 2019 + i * 7 // max(1, args.count)
        month = 1 + (i * 5) % 12
        day = 1 + (i * 11) % 28
        title = sentence(rng, 3, 8).rstrip(".?!").replace("*", "").replace("`", "")
        title = title.split("[")[0].strip() or f"Post {i}"
        tags = rng.sample(TAGS, rng.randint(1, 3))
        author = rng.choice(AUTHORS)
        slug = f"post-{i:05d}"
        with open(os.path.join(posts, f"{year:04d}-{month:02d}-{day:02d}-{slug}.md"), "w") as f:
            f.write(f"---\nlayout: post\ntitle: \"{title}\"\ndate: {year:04d}-{month:02d}-{day:02d} 10:00:00\n"
                    f"author: {author}\ntags: [{', '.join(tags)}]\n---\n\n")
            f.write(post_body(rng, i, images))


if __name__ == "__main__":
    main()
