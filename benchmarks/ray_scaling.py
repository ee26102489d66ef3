"""Local engine vs Ray engine on the same articles on this machine: what the distributed path costs.

    python benchmarks/ray_scaling.py --model models/default [--articles 2000] [--actors 1]

Both runs extract and classify the same articles with the same model folder and write Parquet; the
ratio printed is Ray's wall time over the local engine's (above 1 means Ray is slower here, which on
2 cores is expected: Ray's scheduling, serialisation and actor start-up buy nothing on one small node).
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
REPO = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", default="models/default")
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--actors", type=int, default=1)
    args = ap.parse_args()

    import ray

    from quotestance.extraction import read_articles
    from quotestance.runs import predict_articles
    from quotestance.runs.ray_engine import predict_articles_ray
    from quotestance.stance import StanceClassifier

    samples = [a for a in read_articles(REPO / "data" / "articles") if hasattr(a, "text")]
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        shards = tmp / "shards"
        shards.mkdir()
        per_shard = max(1, args.articles // 8)
        for s in range(0, args.articles, per_shard):
            with open(shards / f"part-{s // per_shard:03d}.jsonl", "w", encoding="utf-8") as f:
                for i in range(s, min(args.articles, s + per_shard)):
                    a = samples[i % len(samples)]
                    f.write(json.dumps({"id": f"{a.id}-{i}", "text": a.text, "published": a.published}, ensure_ascii=False) + "\n")
        start = time.perf_counter()
        stats = predict_articles(
            shards, tmp / "local" / "quotes.parquet", StanceClassifier.from_pretrained(args.model), progress=False, summaries=False
        )
        local = time.perf_counter() - start
        ray.init(num_cpus=os.cpu_count(), include_dashboard=False, log_to_driver=False)
        start = time.perf_counter()
        counts = predict_articles_ray([str(shards)], tmp / "ray", args.model, num_actors=args.actors)
        distributed = time.perf_counter() - start
        ray.shutdown()
    print(f"{args.articles} articles, {stats.outputs} quotes (local) / {counts['quote']} quotes (ray), {os.cpu_count()} cores")
    print(f"local engine: {local:.1f} s ({args.articles / local:.0f} articles/s)")
    print(f"ray engine  : {distributed:.1f} s ({args.articles / distributed:.0f} articles/s), {args.actors} actor(s)")
    print(f"ray / local wall time: {distributed / local:.2f}x")


if __name__ == "__main__":
    main()
