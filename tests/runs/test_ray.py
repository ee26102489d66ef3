"""The Ray engine (local mode, 2 CPUs) writes exactly the local engine's rows and errors."""

import json

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

ray = pytest.importorskip("ray")

from quotestance.cli import main  # noqa: E402
from quotestance.io import iter_records  # noqa: E402
from quotestance.runs import predict_articles  # noqa: E402
from quotestance.runs.ray_engine import predict_articles_ray  # noqa: E402
from quotestance.stance import StanceClassifier  # noqa: E402

TEXT = (
    "Foreign Minister Anika Voss spoke in Berlin on day {i}. “We are ready to talk without conditions,” Voss said. "
    "Ivan Petrov called the offer “a cynical trick” and said Moscow would “respond in kind”.\n\n“We will see,” he added."
)


@pytest.fixture(scope="module")
def shards(tmp_path_factory):
    d = tmp_path_factory.mktemp("shards")
    with open(d / "part-0.jsonl", "w") as f:
        for i in range(25):
            f.write("{oops\n" if i == 7 else json.dumps({"id": f"j{i}", "text": TEXT.format(i=i), "published": "2026-02-01"}) + "\n")
    rows = [{"id": f"p{i}", "text": TEXT.format(i=i) if i != 3 else "", "country": "X" if i % 2 else None} for i in range(25)]
    pq.write_table(pa.Table.from_pylist(rows), d / "part-1.parquet")
    return d


def test_ray_output_equals_local_row_for_row(tmp_path, shards, tiny_model):
    local = tmp_path / "local" / "quotes.parquet"
    predict_articles(shards, local, StanceClassifier.from_pretrained(tiny_model), progress=False, summaries=False)
    ray.init(num_cpus=2, include_dashboard=False, ignore_reinit_error=True)  # local mode; on a cluster RAY_ADDRESS says where
    try:  # the README's command, with this test's paths
        assert (
            main(["predict", str(shards), "-o", str(tmp_path / "ray"), "--model", str(tiny_model), "--engine", "ray", "--num-actors", "1"])
            == 0
        )
        with pytest.raises(FileExistsError, match="--overwrite"):
            predict_articles_ray([str(shards)], tmp_path / "ray", str(tiny_model))
    finally:
        ray.shutdown()
    counts = {"quote": pq.read_table(tmp_path / "ray" / "quotes").num_rows}

    def key(r):
        return (r["article_id"], r["index"])

    ours = sorted(pq.read_table(local).to_pylist(), key=key)
    theirs = sorted(pq.read_table(tmp_path / "ray" / "quotes").to_pylist(), key=key)
    assert len(ours) == 48 * 6 and counts["quote"] == len(theirs)  # 4 direct quotes and 2 reported statements each
    assert pq.read_table(tmp_path / "ray" / "quotes").schema.equals(pq.read_table(local).schema)
    for a, b in zip(ours, theirs):
        assert a.keys() == b.keys()
        for k in a:
            assert a[k] == pytest.approx(b[k], abs=1e-4) if isinstance(a[k], float) else a[k] == b[k], (k, a[k], b[k])
    local_errors = sorted(e["origin"] for e in iter_records(local.with_name("quotes.errors.jsonl")))
    ray_errors = sorted(pq.read_table(tmp_path / "ray" / "errors").column("origin").to_pylist())
    assert local_errors == ray_errors and len(ray_errors) == 2
