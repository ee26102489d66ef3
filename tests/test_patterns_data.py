"""The pattern snippets of data/patterns are well-formed: every expected statement is text of its snippet."""

import json
from pathlib import Path

import pytest

PATTERNS = sorted((Path(__file__).resolve().parents[1] / "data" / "patterns").glob("*.jsonl"))


@pytest.mark.parametrize("path", PATTERNS, ids=lambda p: p.name)
def test_every_expected_statement_is_text_of_its_snippet(path):
    ids = set()
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        case = json.loads(line)
        assert case["id"] not in ids, f"{path.name}:{n}: repeated id {case['id']}"
        ids.add(case["id"])
        assert case["expected"], f"{path.name}:{n}: no expected statement"
        for want in case["expected"]:
            assert want["kind"] in {"direct", "reported"}, f"{path.name}:{n}"
            assert want["text"] in case["text"], f"{path.name}:{n}: {want['text']!r} is not in the snippet"
            assert want["speaker"], f"{path.name}:{n}: no speaker"


def test_there_are_pattern_files():
    assert {p.stem for p in PATTERNS} >= {"direct", "reported"}
