#!/usr/bin/env python3
"""Writes the corpus shape of issue 14, point 13: N articles, each naming K of the same P people
(default 20,000 articles, 50 of 5,000 people), every sentence with an event word, a place and a
weekday, so that each article has ~2K actor mentions and ~K event mentions.

    scripts/bench/make-many-mentions.py OUT [--articles N] [--people P] [--per K] [--seed S]

Deterministic for a given seed; one text file with front matter per article, 1,000 per folder.
"""
import argparse
import os
import random

SYL = ["ka", "ro", "mi", "ta", "ve", "lo", "san", "dor", "el", "ri", "no", "bar", "tes", "ul", "vik",
       "an", "mar", "ko", "li", "sen", "da", "pe", "zor", "in", "gal", "fu", "he", "ra", "tom", "is"]
ROLES = ["Foreign Minister", "Defence Minister", "Finance Minister", "President", "Prime Minister",
         "ambassador", "envoy", "senator", "spokesperson", "chief negotiator"]
CITIES = ["Geneva", "Vienna", "Paris", "Brussels", "Berlin", "Istanbul", "Warsaw", "Helsinki", "Rome",
          "Madrid", "Oslo", "Tokyo", "Nairobi", "Ottawa", "Cairo", "Doha", "Riga"]
EVENTS = ["talks", "a summit", "a meeting", "negotiations", "consultations"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
OUTLETS = ["Reuters", "AFP", "BBC News", "The Guardian", "Al Jazeera", "Deutsche Welle", "France 24",
           "Euronews", "CNN", "Le Monde"]


def word(rng, n):
    return "".join(rng.choice(SYL) for _ in range(n)).capitalize()


def main():
    p = argparse.ArgumentParser()
    p.add_argument("out")
    p.add_argument("--articles", type=int, default=20000)
    p.add_argument("--people", type=int, default=5000)
    p.add_argument("--per", type=int, default=50)
    p.add_argument("--seed", type=int, default=14)
    a = p.parse_args()
    rng = random.Random(a.seed)
    names, seen = [], set()
    while len(names) < a.people:
        n = word(rng, 2) + " " + word(rng, 3)
        if n not in seen:
            seen.add(n)
            names.append(n)
    for i in range(a.articles):
        folder = os.path.join(a.out, "part-%03d" % (i // 1000))
        os.makedirs(folder, exist_ok=True)
        city = rng.choice(CITIES)
        event = rng.choice(EVENTS)
        day = 1 + (i % 28)
        lines = []
        for k, who in enumerate(rng.sample(range(a.people), a.per)):
            name = names[who]
            surname = name.split()[-1]
            role = rng.choice(ROLES)
            lines.append("%s %s said on %s that %s in %s would go on. %s spoke after %s." 
                         % (role[0].upper() + role[1:], name, rng.choice(DAYS), event, city, surname, event.replace("a ", "the ")))
        paras = [" ".join(lines[j:j + 3]) for j in range(0, len(lines), 3)]
        with open(os.path.join(folder, "article-%06d.txt" % i), "w") as f:
            f.write("---\ntitle: %s in %s, report %d\noutlet: %s\npublished: 2026-03-%02d\n---\n%s\n"
                    % (event.replace("a ", "").capitalize(), city, i, rng.choice(OUTLETS), day,
                       "\n\n".join(paras)))


if __name__ == "__main__":
    main()
