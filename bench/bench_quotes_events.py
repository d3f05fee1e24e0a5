"""Time quote and event extraction together on SaudiNewsNet articles.

Usage: .venv/bin/python -m bench.bench_quotes_events [N]   (N articles, default 2000)
Each article goes through the stages as `marsad.extract.document` runs them: entity
mentions, times and figures first (not timed), then `extract_quotes` and `extract_events`
(timed). The text's tokens are then already cached by the earlier stages, as in the
pipeline; `cold` times a second pass over all articles, when each article's tokens have
left the tokenizer's small cache (quotes tokenize it again, events reuse that).
CPU time of this one process, so the figures are per core.
"""

from __future__ import annotations

import sys
import time
from collections import Counter

from bench.corpus import iter_articles, peak_memory_mb
from marsad.extract.entities import extract_mentions
from marsad.extract.events import extract_events
from marsad.extract.figures import extract_figures
from marsad.extract.quotes import PersonMention, extract_quotes
from marsad.extract.times import extract_times
from marsad.text.sentences import split_sentences

Inputs = tuple[str, str, str | None, list[dict], list[PersonMention], list[dict], list[dict]]


def _prepare(i: int, article: dict) -> Inputs:
    text = article["content"]
    published = (article.get("date_extracted") or "")[:10] or None
    mentions = [{"start": m.start, "end": m.end, "type": m.type, "text": m.text}
                for m in extract_mentions(str(i), text)]
    times = [t.to_dict() for t in extract_times(str(i), text, published)]
    figures = [f.to_dict() for f in extract_figures(str(i), text, published,
                                                     split_sentences(text))]
    for n, f in enumerate(figures):
        f["id"] = f"{i}:figure:{n}"
    persons = [PersonMention(m["start"], m["end"], m["type"]) for m in mentions]
    return str(i), text, published, mentions, persons, times, figures


def main(limit: int = 2000) -> None:
    articles = [a for a in iter_articles(limit) if a.get("content")]
    clock = time.process_time
    quoted = evented = 0.0
    quotes: list = []
    events: list = []
    inputs = []
    for i, article in enumerate(articles):
        doc, text, published, mentions, persons, times, figures = item = _prepare(i, article)
        inputs.append(item)
        began = clock()
        quotes.extend(extract_quotes(doc, text, persons, times))
        quoted += clock() - began
        began = clock()
        events.extend(extract_events(doc, text, published, mentions, times, figures))
        evented += clock() - began
    words = sum(len(item[1].split()) for item in inputs)
    total = quoted + evented
    print(f"{len(inputs)} docs, {words} words, {len(quotes)} quotes, {len(events)} events")
    print(f"  quotes: {quoted:6.2f} s  {words / quoted:9.0f} words/s")
    print(f"  events: {evented:6.2f} s  {words / evented:9.0f} words/s")
    print(f"  total:  {total:6.2f} s  {len(inputs) / total:7.0f} docs/s  "
          f"{words / total:9.0f} words/s  (tokens cached by the earlier stages)")
    began = clock()
    for doc, text, published, mentions, persons, times, figures in inputs:
        extract_quotes(doc, text, persons, times)
        extract_events(doc, text, published, mentions, times, figures)
    cold = clock() - began
    print(f"  cold:   {cold:6.2f} s  {words / cold:9.0f} words/s  (the article's tokens "
          "no longer cached: quotes tokenize it again)")
    print(f"  event types: {dict(Counter(e.type for e in events).most_common())}")
    print(f"  direct quotes: {sum(q.direct for q in quotes)}")
    print(f"  peak memory {peak_memory_mb():.0f} MB")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
