import json

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from quotestance.extraction.readers import read_articles
from quotestance.records import Article, Fields, ReadError


def items(path, **kw):
    return list(read_articles(path, **kw))


def test_txt_header_and_boilerplate(tmp_path):
    p = tmp_path / "a1.txt"
    p.write_text(
        "title: Talks resume\npublished: 2026-03-01\nsource: Wire\n\nFirst paragraph.\n\nShare this story\n"
        "READ MORE: Something else\nRelated Articles\nAdvertisement\n\nSecond paragraph.\n",
        encoding="utf-8",
    )
    [a] = items(p)
    assert isinstance(a, Article)
    assert (a.id, a.title, a.published, a.source) == ("a1", "Talks resume", "2026-03-01", "Wire")
    assert a.text == "First paragraph.\n\nSecond paragraph."


def test_txt_without_header_keeps_first_line(tmp_path):
    p = tmp_path / "plain.txt"
    p.write_text("Title: not a header because no blank line follows\nBody text here.", encoding="utf-8")
    [a] = items(p)
    assert a.text.startswith("Title: not a header")


def test_html_main_text_and_metadata(tmp_path):
    p = tmp_path / "page.html"
    body = " ".join(["The minister spoke at length about the negotiations and the region."] * 6)
    p.write_text(
        f"""<html><head><title>Envoy speaks</title><meta name="author" content="Jo Writer">
    <meta property="article:published_time" content="2026-02-03"></head><body><nav>Home | World</nav>
    <article><h1>Envoy speaks</h1><p>{body}</p><p>“We are ready to talk,” Anika Voss said.</p></article>
    <footer>Share this story</footer></body></html>""",
        encoding="utf-8",
    )
    [a] = items(p)
    assert isinstance(a, Article), a
    assert "We are ready to talk" in a.text and "Home | World" not in a.text
    assert a.title == "Envoy speaks" and a.published == "2026-02-03"


def test_html_with_only_scripts_is_an_error(tmp_path):
    p = tmp_path / "empty.html"
    p.write_text("<html><head><script>var a = 1;</script></head><body><script>track()</script></body></html>")
    [e] = items(p)
    assert isinstance(e, ReadError) and "no main text" in e.reason and str(p) in e.origin


def test_binary_empty_and_huge_files(tmp_path):
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02PNG\x00" * 100)
    (tmp_path / "empty.txt").write_text("   \n")
    (tmp_path / "huge.txt").write_text("word " * 1_100_000)
    got = {e.origin.split("/")[-1]: e for e in items(tmp_path)}
    assert all(isinstance(e, ReadError) for e in got.values())
    assert "binary" in got["bin.txt:1"].reason
    assert "empty" in got["empty.txt:1"].reason
    assert "over the limit" in got["huge.txt:1"].reason


def test_invalid_utf8_is_repaired(tmp_path, capsys):
    p = tmp_path / "latin.txt"
    p.write_bytes("Caf\xe9 talks: \u201cwe agree\u201d".encode("cp1252"))
    [a] = items(p)
    assert isinstance(a, Article) and a.text.startswith("Café talks")
    assert "invalid UTF-8" in capsys.readouterr().err


def test_jsonl_bad_lines_are_reported_with_line_numbers(tmp_path):
    p = tmp_path / "c.jsonl"
    p.write_text(
        '{"id": "x1", "text": "Hello there.", "published": "2026-01-01", "country": "Examplia"}\n'
        "{not json\n"
        '{"id": "x3", "body": "no text field"}\n'
        '{"id": "x4", "text": 42}\n'
        '["a list"]\n',
        encoding="utf-8",
    )
    out = items(p)
    assert isinstance(out[0], Article) and out[0].meta == {"country": "Examplia"} and out[0].published == "2026-01-01"
    errors = out[1:]
    assert [e.origin for e in errors] == [f"{p}:2", f"{p}:3", f"{p}:4", f"{p}:5"]
    assert "not valid JSON" in errors[0].reason and "no 'text' field" in errors[1].reason
    assert errors[1].record_id == "x3" and "not text" in errors[2].reason


def test_configurable_fields_csv_and_parquet(tmp_path):
    csv_path = tmp_path / "c.csv"
    csv_path.write_text('doc,body,headline\nd1,"Line one, with comma.",H1\nd2,,H2\n', encoding="utf-8")
    fields = Fields(id="doc", text="body", title="headline")
    out = items(csv_path, fields=fields)
    assert out[0].id == "d1" and out[0].title == "H1" and out[0].text == "Line one, with comma."
    assert isinstance(out[1], ReadError) and out[1].origin == f"{csv_path}:3"
    pq_path = tmp_path / "c.parquet"
    pq.write_table(pa.table({"doc": ["p1", "p2"], "body": ["Parquet text.", None]}), pq_path)
    out = items(pq_path, fields=fields)
    assert out[0].id == "p1" and isinstance(out[1], ReadError) and out[1].origin == f"{pq_path}#2"


def test_csv_without_text_column(tmp_path):
    p = tmp_path / "n.csv"
    p.write_text("a,b\n1,2\n")
    [e] = items(p)
    assert isinstance(e, ReadError) and "no 'text' column" in e.reason


def test_globs_and_missing_paths(tmp_path):
    for i in range(3):
        (tmp_path / f"a{i}.txt").write_text(f"Article {i}.")
    assert [a.id for a in items(str(tmp_path / "a*.txt"))] == ["a0", "a1", "a2"]
    with pytest.raises(FileNotFoundError, match="no such file"):
        items(str(tmp_path / "nothing*.txt"))


def test_sample_articles_all_read():
    from conftest import REPO

    arts = items(REPO / "data" / "articles")
    assert len(arts) >= 40 and all(isinstance(a, Article) and a.published for a in arts)
    assert json.loads((REPO / "data" / "articles" / f"{arts[0].id}.json").read_text())["quotes"]


def test_html_block_quotes_without_marks_become_quotes(tmp_path):
    p = tmp_path / "page.html"
    body = " ".join(["The chief executive testified at length about acquisitions and rivals on Tuesday."] * 5)
    p.write_text(
        f"""<html><head><title>Deals</title></head><body><article><h1>Deals</h1><p>{body}</p>
    <p>Zuckerberg said relationships matter.</p>
    <blockquote><p>I've been building relationships for years with the founders of these companies.</p></blockquote>
    <blockquote><p>“We move quickly,” he said.</p></blockquote>
    <p>{body}</p></article></body></html>""",
        encoding="utf-8",
    )
    [a] = items(p)
    assert "“I've been building relationships for years with the founders of these companies.”" in a.text
    assert "““" not in a.text and "“We move quickly,” he said." in a.text  # a block with its own marks keeps them
