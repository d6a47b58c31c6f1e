#!/usr/bin/env python3
"""Batch verify with Apache Spark: the work list is split into partitions
and each partition is piped through `mailseal verify --json --paths-from -`
(rdd.pipe). Every process makes its own trust decisions over the keyring;
the JSON lines of all partitions are those of one run.

    pip install pyspark          # needs a Java runtime (Debian: default-jre-headless)
    find archive -type f > work.txt
    scripts/spark-verify.py --keyring ~/.local/share/mailseal work.txt > verdicts.jsonl

Runs in local mode (`--master local[N]`) unless told otherwise; on a
cluster, every worker needs mailseal and the keyring at the same path.
Exits with the worst exit code of the messages (1 bad, 2 error, 3
untrusted, 4 unsigned, 0 all trusted), as one run would.
"""

import argparse
import json
import sys

# Worst first, as `mailseal verify` ranks them.
RANK = {0: 0, 4: 1, 3: 2, 2: 3, 1: 4}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("worklist", help="file with one path (message, directory, Maildir, mbox) per line")
    ap.add_argument("--keyring", required=True, help="keyring directory, the same on every worker")
    ap.add_argument("--mailseal", default="mailseal", help="the mailseal binary (default: on PATH)")
    ap.add_argument("--master", default="local[2]", help="Spark master (default: local[2])")
    ap.add_argument("--partitions", type=int, default=4, help="number of shards (default: 4)")
    ap.add_argument("--at", help="reference time passed to mailseal --at")
    args = ap.parse_args()

    from pyspark import SparkConf, SparkContext

    conf = SparkConf().setMaster(args.master).setAppName("mailseal-verify")
    conf.set("spark.ui.enabled", "false")
    sc = SparkContext(conf=conf)
    sc.setLogLevel("ERROR")
    try:
        command = [args.mailseal, "--keyring", args.keyring, "--json"]
        if args.at:
            command += ["--at", args.at]
        command += ["verify", "--paths-from", "-"]
        # Keep the work list's order: partitions of a text file are ranges
        # of it, collected in order.
        paths = sc.textFile(args.worklist, minPartitions=args.partitions)
        lines = paths.pipe(" ".join(map(quote, command))).collect()
    finally:
        sc.stop()

    worst = 0
    for line in lines:
        print(line)
        code = json.loads(line)["exit"]
        if RANK.get(code, 4) > RANK[worst]:
            worst = code
    sys.exit(worst)


def quote(word):
    import shlex

    return shlex.quote(word)


if __name__ == "__main__":
    main()
