#!/usr/bin/env python3
"""Summarizes a results.json of the OpenPGP interoperability test suite.

Counts as the suite's own report does (TestMatrix::summarize): a test's
expectations are met by an implementation when every one of its vectors
that has an expectation is scored a success for it; vectors are counted
one by one as well. Then lists, vector by vector, every expectation that
another implementation meets and the first one (mailseal) does not, and
the other way round.

    scripts/interop-summary.py results.json
"""
import json
import sys


def summarize(results):
    """Per implementation: [tests met, tests, vectors met, vectors]."""
    scores = {}
    misses = {}  # (test, producer) -> {implementation: met}
    for _section, tests in results["results"]:
        for test in tests:
            has_expectation = any(r.get("expectation") for r in test["results"])
            for i, imp in enumerate(test["consumers"]):
                name = imp["summary"]
                s = scores.setdefault(name, [0, 0, 0, 0])
                met_all, seen = True, 0
                for row in test["results"]:
                    if i >= len(row["results"]):
                        continue
                    seen += 1
                    score = row["results"][i]["score"]
                    s[3] += 1
                    if score == "Success":
                        s[2] += 1
                    if row.get("expectation") is not None:
                        met = score == "Success"
                        met_all &= met
                        key = (test["title"], row["artifact"]["producer"])
                        misses.setdefault(key, {})[name] = met
                s[1] += 1
                if met_all and has_expectation and seen:
                    s[0] += 1
    return scores, misses


def main():
    with open(sys.argv[1]) as f:
        results = json.load(f)
    scores, vectors = summarize(results)
    names = [imp["summary"] for imp in results["implementations"]]
    print("OpenPGP interoperability test suite: expectations met")
    print(f"  {'implementation':<45} {'tests':>9} {'vectors':>11}")
    for name in names:
        t_met, t_all, v_met, v_all = scores.get(name, [0, 0, 0, 0])
        print(f"  {name:<45} {t_met:>4}/{t_all:<4} {v_met:>5}/{v_all:<5}")
    ours, others = names[0], names[1:]
    for other in others:
        for a, b in ((other, ours), (ours, other)):
            gaps = [k for k, met in vectors.items() if met.get(a) and not met.get(b)]
            print(f"\nmet by {a}, not by {b}: {len(gaps)}")
            for title, producer in sorted(gaps):
                print(f"  - {title}  [vector: {producer}]")


if __name__ == "__main__":
    main()
