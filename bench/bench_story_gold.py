"""Story clustering against hand-built gold stories on SaudiNewsNet.

The gold is eval/saudinewsnet_stories.json.

Reads the gold articles and distractors from ../shared (never copied), clusters them with
marsad.story.cluster.cluster_documents (a) alone and (b) mixed into N random other articles of
the same days (seeded), and prints pairwise and B-cubed precision/recall/F1 restricted to the
gold and distractor articles (each distractor is a gold cluster of its own), plus how each gold
story was split or merged.

--split dev|test|all scores half of the gold: dev is the odd stories (s1, s3, ...) and the
distractors at even 0-based index (d:0, d:2, ...: the 1st, 3rd, ... as s1, s3 are); test is
the rest. Develop on dev, measure test at the end. The articles of the other half are left
out of both runs; the noise of (b) is the same for every split.

Usage: python -m bench.bench_story_gold [--split all] [--noise 2000] [--seed 13]
       [--no-entities] [--cluster-file /tmp/copy_of_cluster.py]
       [--entity-cache /tmp/story_entities] [--set cohesion_ratio=0.5 --set threshold=0.2]
       [--show-others]
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import importlib.util
import json
import random
import sys
import time
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path
from types import ModuleType

from bench.corpus import iter_articles

GOLD = Path(__file__).resolve().parents[1] / "eval" / "saudinewsnet_stories.json"


def article_id(url: str) -> str:
    """Same ids as eval/corpus_sample.article_id."""
    return "snn-" + hashlib.sha1(url.encode("utf-8")).hexdigest()[:10]


def load_cluster_module(path: str | None) -> ModuleType:
    if not path:
        import marsad.story.cluster as module

        return module
    spec = importlib.util.spec_from_file_location("cluster_under_test", path)
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def cluster_options(module: ModuleType, settings: list[str]):
    """ClusterOptions with NAME=VALUE settings applied, each cast to its default's type."""
    defaults = module.ClusterOptions()
    changes = {}
    for setting in settings:
        name, _, value = setting.partition("=")
        if not hasattr(defaults, name):
            raise SystemExit(f"--set {setting}: no option {name!r}")
        changes[name] = type(getattr(defaults, name))(value)
    return dataclasses.replace(defaults, **changes)


def in_split(gold_id: str, split: str) -> bool:
    """Whether a gold story (s1, s2, ...) or distractor (d:0, d:1, ...) is in the split."""
    if split == "all":
        return True
    odd = int(gold_id[1:]) % 2 == 1 if gold_id.startswith("s") else int(gold_id[2:]) % 2 == 0
    return odd == (split == "dev")


def entity_tagger():
    """(doc_id, text) list -> {doc_id: [entity ids]}, or None when the extractors do not import."""
    try:
        from marsad.extract.entities import extract_mentions
        from marsad.story.entities import merge_mentions
    except Exception as exc:  # noqa: BLE001 - the bench must still run without entities
        print(f"entities: unavailable ({type(exc).__name__}: {exc}); clustering with entities=[]")
        return None

    def tag(docs: list[tuple[str, str]]) -> dict[str, list[str]]:
        mentions = []
        for doc_id, text in docs:
            for m in extract_mentions(doc_id, text):
                mentions.append({f.name: getattr(m, f.name) for f in dataclasses.fields(m)})
        by_doc: dict[str, list[str]] = defaultdict(list)
        for entity in merge_mentions(mentions):
            for mention in entity["mentions"]:
                by_doc[mention["doc"]].append(entity["id"])
        return by_doc

    return tag


def scores(gold_of: dict[str, str], clusters: list[list[str]]) -> dict[str, float]:
    """Pairwise and B-cubed P/R/F1 over the documents in gold_of (other documents ignored)."""
    pred_of = {d: k for k, ids in enumerate(clusters) for d in ids if d in gold_of}
    docs = sorted(gold_of)
    missing = [d for d in docs if d not in pred_of]
    if missing:
        raise SystemExit(f"clustering lost {len(missing)} documents")
    tp = fp = fn = 0
    for a, b in combinations(docs, 2):
        same_gold, same_pred = gold_of[a] == gold_of[b], pred_of[a] == pred_of[b]
        tp += same_gold and same_pred
        fp += same_pred and not same_gold
        fn += same_gold and not same_pred
    gold_members: dict[str, set[str]] = defaultdict(set)
    pred_members: dict[int, set[str]] = defaultdict(set)
    for d in docs:
        gold_members[gold_of[d]].add(d)
        pred_members[pred_of[d]].add(d)
    b_p = b_r = 0.0
    for d in docs:
        g, p = gold_members[gold_of[d]], pred_members[pred_of[d]]
        both = len(g & p)
        b_p += both / len(p)
        b_r += both / len(g)
    b_p, b_r = b_p / len(docs), b_r / len(docs)

    def f1(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    pp = tp / (tp + fp) if tp + fp else 1.0
    pr = tp / (tp + fn) if tp + fn else 1.0
    return {"pair_p": pp, "pair_r": pr, "pair_f1": f1(pp, pr),
            "b3_p": b_p, "b3_r": b_r, "b3_f1": f1(b_p, b_r), "tp": tp, "fp": fp, "fn": fn}


def report(name: str, gold_of: dict[str, str], clusters: list[list[str]],
           label: dict[str, str], seconds: float,
           titles: dict[str, str] | None = None) -> dict[str, float]:
    """Print the scores and, per gold story, whether it stayed whole and what joined it."""
    s = scores(gold_of, clusters)
    print(f"\n== {name}: {sum(len(c) for c in clusters)} docs, {len(clusters)} clusters, "
          f"{seconds:.1f} s")
    print(f"pairwise  P {s['pair_p']:.3f}  R {s['pair_r']:.3f}  F1 {s['pair_f1']:.3f}  "
          f"(tp {s['tp']}, fp {s['fp']}, fn {s['fn']})")
    print(f"B-cubed   P {s['b3_p']:.3f}  R {s['b3_r']:.3f}  F1 {s['b3_f1']:.3f}")
    cluster_of = {d: k for k, ids in enumerate(clusters) for d in ids}
    stories = sorted({g for g in gold_of.values() if not g.startswith("d:")},
                     key=lambda g: int(g[1:]))
    for story in stories:
        members = [d for d in gold_of if gold_of[d] == story]
        parts = Counter(cluster_of[d] for d in members)
        notes = []
        for k in parts:
            intruders = [gold_of[d] for d in clusters[k] if d in gold_of and gold_of[d] != story]
            others = sum(1 for d in clusters[k] if d not in gold_of)
            for d in clusters[k] if titles else []:
                if d not in gold_of:
                    notes.append(f"\n         non-gold: {titles[d][:70]}")
            if intruders:
                notes.append(f"merged with {sorted(set(intruders))}")
            if others:
                notes.append(f"+{others} non-gold")
        status = "whole" if len(parts) == 1 else f"split {sorted(parts.values(), reverse=True)}"
        print(f"  {story:>4} ({len(members)}): {status}{'; ' + '; '.join(notes) if notes else ''}"
              f"  {label[story][:60]}")
    merged_distractors = sorted({gold_of[d] for ids in clusters for d in ids
                                 if d in gold_of and gold_of[d].startswith("d:")
                                 and sum(1 for x in ids if x in gold_of) > 1})
    print(f"  distractors clustered with another gold/distractor article: "
          f"{len(merged_distractors)}")
    for d in merged_distractors:
        print(f"    {d:>5}  {label[d][:70]}")
    return s


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--noise", type=int, default=2000, help="other articles mixed in (b)")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--no-entities", action="store_true")
    parser.add_argument("--cluster-file", help="cluster a copy of cluster.py instead")
    parser.add_argument("--entity-cache", help="directory keeping the tagged entities of "
                        "each run between invocations (entities stay fixed while tuning)")
    parser.add_argument("--split", choices=("dev", "test", "all"), default="all",
                        help="dev: odd stories and even-index distractors; test: the rest")
    parser.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                        help="a ClusterOptions field to change, e.g. threshold=0.2 (repeatable)")
    parser.add_argument("--show-others", action="store_true",
                        help="print the titles of the non-gold articles in each gold story")
    args = parser.parse_args()

    module = load_cluster_module(args.cluster_file)
    options = cluster_options(module, args.set)
    gold = json.loads(args.gold.read_text(encoding="utf-8"))
    wanted: dict[str, str] = {}  # url -> gold label
    label: dict[str, str] = {}
    all_urls: set[str] = set()  # every gold and distractor URL, whatever the split
    for story in gold["stories"]:
        all_urls.update(story["urls"])
        if in_split(story["id"], args.split):
            label[story["id"]] = story["title"]
            for url in story["urls"]:
                wanted[url] = story["id"]
    for k, url in enumerate(gold["distractors"]):
        all_urls.add(url)
        if in_split(f"d:{k}", args.split):
            wanted[url] = f"d:{k}"
    found: dict[str, dict] = {}
    by_day: dict[str, list[dict]] = defaultdict(list)
    seen: set[str] = set()
    for article in iter_articles():
        url = article["url"]
        if url in seen:  # the corpus repeats a few URLs; keep the first copy
            continue
        seen.add(url)
        if url in all_urls:
            found[url] = article
        else:
            by_day[article["date_extracted"][:10]].append(article)
    for url, g in wanted.items():  # distractors are labelled by their corpus title
        if g.startswith("d:") and url in found:
            label[g] = found[url]["title"]
    missing = [u for u in all_urls if u not in found]
    if missing:
        raise SystemExit(f"not in the corpus: {missing}")
    days = sorted({found[u]["date_extracted"][:10] for u in found})  # same noise every split
    pool = [a for day in days for a in by_day[day]]
    noise = random.Random(args.seed).sample(pool, min(args.noise, len(pool)))
    print(f"split {args.split}: {sum(1 for g in label if not g.startswith('d:'))} of "
          f"{len(gold['stories'])} stories, "
          f"{sum(not g.startswith('d:') for g in wanted.values())} articles, "
          f"{sum(g.startswith('d:') for g in wanted.values())} distractors; "
          f"noise: {len(noise)} of {len(pool)} articles of the same {len(days)} days "
          f"(seed {args.seed})")

    tag = None if args.no_entities else entity_tagger()
    if args.no_entities:
        print("entities: off (--no-entities)")

    has_title = "title" in {f.name for f in dataclasses.fields(module.StoryInput)}

    def tagged(texts: list[tuple[str, str]]) -> dict[str, list[str]]:
        """Entities per document, read from --entity-cache when these texts were tagged before."""
        if not tag:
            return {}
        if not args.entity_cache:
            return tag(texts)
        key = hashlib.sha1("\n".join(f"{i}\t{t}" for i, t in texts).encode()).hexdigest()[:16]
        path = Path(args.entity_cache) / f"entities-{key}.json"
        if path.exists():
            return json.loads(path.read_text(encoding="utf-8"))
        entities = tag(texts)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(entities, ensure_ascii=False), encoding="utf-8")
        return entities

    def inputs(articles: list[dict]) -> list:
        texts = [(article_id(a["url"]), a["content"]) for a in articles]
        entities = tagged(texts)
        return [module.StoryInput(doc_id=doc_id, text=text,
                                  published=a["date_extracted"][:10],
                                  entities=list(entities.get(doc_id, [])),
                                  **({"title": a.get("title") or ""} if has_title else {}))
                for (doc_id, text), a in zip(texts, articles, strict=True)]

    gold_of = {article_id(u): g for u, g in wanted.items()}
    gold_articles = [found[u] for u in wanted]
    results = {}
    for name, articles in (("(a) gold + distractors", gold_articles),
                           (f"(b) gold + distractors + {len(noise)} others",
                            gold_articles + noise)):
        docs = inputs(articles)
        if tag:
            with_entities = sum(1 for d in docs if d.entities)
            print(f"entities: {with_entities}/{len(docs)} documents have entities")
        start = time.perf_counter()
        clusters = module.cluster_documents(docs, options)
        results[name] = report(name, gold_of, clusters, label, time.perf_counter() - start,
                               {d.doc_id: a.get("title") or "" for d, a in zip(
                                   docs, articles, strict=True)} if args.show_others else None)


if __name__ == "__main__":
    main()
