"""The committed table from the corpus's country/target values to canonical names and codes."""

import csv
import json

from conftest import REPO

from quotestance.extraction.places import places


def test_every_corpus_value_is_mapped_and_agrees_with_the_lexicon():
    table = {r["corpus_value"]: r for r in csv.DictReader(open(REPO / "data" / "corpus_parties.csv", encoding="utf-8"))}
    values = set()
    for path in (REPO / "data" / "quotes").glob("*.jsonl"):
        for line in open(path, encoding="utf-8"):
            row = json.loads(line)
            values |= {row.get("country"), row.get("target")} - {None}
    assert values <= set(table), sorted(values - set(table))
    p = places()
    assert table["domestic"]["code"] == "" and table["European Union"]["code"] == "EU" and table["Georgia"]["code"] == "GEO"
    for value, r in table.items():
        assert (r["code"] == "") == (r["name"] == ""), value
        if r["code"]:
            assert p.name(r["code"]) == r["name"], value
