#!/usr/bin/env python3
"""Fits the page-kind weights of io.newsflow.enrich.text.html.PageKinds.

Reads feature files (a header line of names, then one line a page) written by io.newsflow.enrich.eval.PageKindFeatures (id, gold page_type,
split, features...). Fits an L2-regularised logistic regression ("not an article" = 1, articles
weighted twice) on the dev lines of the first file (never on its val lines) and the articles of the
further files, sets the threshold where
1 % of the dev articles of the first file score higher over five folds (each fold scored by weights
fitted on the other four), and prints the Java constants plus dev (cross-validated) and validation
figures. Needs numpy. See docs/extraction.md.

usage: fit_page_kinds.py WCXB.tsv [MORE_ARTICLES.tsv ...]
"""
import sys

import numpy as np

L2, ARTICLE_WEIGHT, ITERATIONS, KEPT_OUT = 0.3, 2.0, 3000, 0.01


def load(path):
    lines = open(path, encoding="utf-8").read().splitlines()
    names = lines[0].split("\t")[3:]
    rows = [line.split("\t") for line in lines[1:]]
    return names, [(r[0], r[1] != "article", r[2], [float(x) for x in r[3:]]) for r in rows]


def fit(x, y):
    n, d = x.shape
    w, b = np.zeros(d), 0.0
    weight = np.where(y == 0, ARTICLE_WEIGHT, 1.0)
    for _ in range(ITERATIONS):
        p = 1 / (1 + np.exp(-(x @ w + b)))
        g = (p - y) * weight
        w -= 0.5 * (x.T @ g / n + L2 * w / n)
        b -= 0.5 * g.mean()
    return w, b


def main():
    loaded = [load(p) for p in sys.argv[1:]]
    names = loaded[0][0]
    files = [rows for _, rows in loaded]
    dev = [r for r in files[0] if r[2] == "dev"]
    val = [r for r in files[0] if r[2] == "val"]
    # further files add articles only (news pages), whatever their split: they are not WCXB pages
    extra = [r for f in files[1:] for r in f if not r[1]]
    train = dev + extra
    x = np.array([r[3] for r in train])
    y = np.array([1 if r[1] else 0 for r in train])
    first = np.array([i < len(dev) for i in range(len(train))])
    # the first file's ids are numbers (WCXB); further files' lines are dealt out in turn
    fold = np.array([int(r[0]) % 5 for r in dev] + [j % 5 for j in range(len(extra))])
    oof = np.zeros(len(y))
    for f in range(5):
        w, b = fit(x[fold != f], y[fold != f])
        oof[fold == f] = x[fold == f] @ w + b
    articles = np.sort(oof[first & (y == 0)])[::-1]
    t = articles[int(KEPT_OUT * len(articles))]
    w, b = fit(x, y)
    xv = np.array([r[3] for r in val])
    yv = np.array([1 if r[1] else 0 for r in val])
    zv = xv @ w + b

    def figures(z, yy, mask=None):
        mask = np.ones(len(yy), bool) if mask is None else mask
        out = ((z > t) & (yy == 1) & mask).sum() / max(1, ((yy == 1) & mask).sum())
        wrong = ((z > t) & (yy == 0) & mask).sum() / max(1, ((yy == 0) & mask).sum())
        return out, wrong

    print("dev (5-fold): not-articles kept out %.3f, articles kept out %.3f" % figures(oof, y, first))
    print("other files' articles kept out (5-fold): %d of %d" % (((oof > t) & ~first).sum(), (~first).sum()))
    print("validation: not-articles kept out %.3f, articles kept out %.3f" % figures(zv, yv))
    print("  private static final double[] WEIGHTS = {")
    for name, v in zip(names, w):
        print(f"    {v:+.4f}, // {name}")
    print("  };")
    print(f"  static final double NOT_ARTICLE = {t - b:.4f};")


if __name__ == "__main__":
    main()
