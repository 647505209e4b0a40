#!/usr/bin/env python3
"""Derives news-events/src/main/resources/iptc/mediatopics.tsv from the IPTC Media Topics vocabulary.

Keeps only facts: each current (not retired) concept's code, its broader concept's code, its level and
its English label. No definitions are carried over. Source: IPTC NewsCodes Media Topics, CC BY 4.0.
Usage: deploy/tools/derive-mediatopics.py ../shared/data/iptc-mediatopics.json > news-events/src/main/resources/iptc/mediatopics.tsv
"""
import json
import sys


def code(uri_or_qcode):
    return "medtop:" + uri_or_qcode.rstrip("/").split("/")[-1].split(":")[-1]


def main(path):
    concepts = json.load(open(path, encoding="utf-8"))["conceptSet"]
    current = {}
    for c in concepts:
        if c.get("retired"):
            continue
        broader = [code(b) for b in c.get("broader", []) if "mediatopic" in b and code(b) != c["qcode"]]
        current[c["qcode"]] = (broader[0] if broader else "", c["prefLabel"]["en-GB"])

    def level(qcode):
        depth, parent, seen = 1, current[qcode][0], {qcode}
        while parent and parent in current and parent not in seen:
            seen.add(parent)
            depth, parent = depth + 1, current[parent][0]
        return depth

    print("# IPTC Media Topics: code, broader code, level, English label.")
    print("# Derived by deploy/tools/derive-mediatopics.py from IPTC NewsCodes (CC BY 4.0, https://iptc.org/standards/media-topics/).")
    for qcode in sorted(current):
        parent, label = current[qcode]
        print("\t".join([qcode, parent if parent in current else "", str(level(qcode)), label]))


if __name__ == "__main__":
    main(sys.argv[1])
