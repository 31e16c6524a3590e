#!/usr/bin/env python3
"""Give the ECB+ articles publication times, as a dated stream would have them (stdlib only).

  dated-ecbplus.py SCENARIO SEED [ECBPLUS.jsonl] > dated.jsonl

Each gold story (event) gets a day; each of its articles is published within 48 hours after it;
the output is in publication order, so `newsflow stories --lateness 1d` reads it as a live
stream. SCENARIO sets how far apart the events are:

  years  events spread over 30 days, and the look-alike event of each topic (the "ecbplus" one)
         two years after the other: what the story window separates by itself
  month  every event somewhere in the same 30 days: look-alike events may overlap
  week   every event in the same 7 days: the window separates little

Synthetic: the days are drawn at random (SEED), not the events' real dates. docs/stories.md uses
it to show what dates do to the story step; it measures nothing about real outlets.
"""
import json
import random
import sys
from datetime import datetime, timedelta, timezone


def main():
    if len(sys.argv) < 3 or sys.argv[1] not in ('years', 'month', 'week'):
        sys.exit(__doc__)
    scenario, rnd = sys.argv[1], random.Random(int(sys.argv[2]))
    path = sys.argv[3] if len(sys.argv) > 3 else '../shared/bench/stories/ecbplus.jsonl'
    rows = [json.loads(line) for line in open(path, encoding='utf8')]
    base = datetime(2024, 1, 1, tzinfo=timezone.utc)
    span = 7 if scenario == 'week' else 30
    day = {}
    for event in sorted({r['story'] for r in rows}):
        later = scenario == 'years' and event.endswith('ecbplus')
        day[event] = base + timedelta(days=rnd.uniform(0, span) + (730 if later else 0))
    dated = []
    for r in rows:
        t = day[r['story']] + timedelta(hours=rnd.uniform(0, 48))
        dated.append((t, dict(r, published=t.isoformat(timespec='seconds'))))
    dated.sort(key=lambda x: x[0])
    for _, r in dated:
        print(json.dumps(r))


if __name__ == '__main__':
    main()
