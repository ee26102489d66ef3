import json

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from quotestance.extraction import extract_statements
from quotestance.extraction.readers import clean_text, read_articles, without_headline
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


@pytest.mark.parametrize(
    ("text", "title", "kept"),
    [
        (
            "Obama admits gun laws are his 'biggest frustration'\nPresident Barack Obama has said…",
            "Obama admits gun laws are his ‘biggest frustration’ - BBC News",
            False,
        ),
        (
            "Obama admits gun laws are his 'biggest frustration'\nPresident Barack Obama has said…",
            "Obama admits gun laws are his 'biggest frustration'",
            False,
        ),
        (
            "Obama admits\nPresident Barack Obama has said…",
            "Obama admits gun laws are his 'biggest frustration'",
            True,
        ),  # a short prefix only
        ("“We are ready,” Voss said.\nMore text.", None, True),
    ],
)
def test_a_first_line_repeating_the_headline_is_dropped(text, title, kept):
    out = without_headline(text, title)
    assert (out == text) is kept and out.endswith(text.split("\n")[-1])


def test_section_headings_that_are_a_quoted_phrase_and_see_more_lines_are_dropped():
    text = (
        '3. "Not some irregular channel"\n'
        "Volker disputed the notion. “My role was not some irregular channel,” he said.\n"
        "“U.S.-controlled bandit formations”\n"
        "SEE MORE: Hong Kong protests: students under siege\n"
        "“We will not back down.”\n"
    )
    assert clean_text(text).split("\n") == [
        "Volker disputed the notion. “My role was not some irregular channel,” he said.",
        "“We will not back down.”",
    ]


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


def test_clean_text_keeps_story_lines():
    text = "Read more carefully, he said.\nREAD MORE: other story\nShare this story"
    assert clean_text(text) == "Read more carefully, he said."


def test_sample_articles_all_read():
    from conftest import REPO

    arts = items(REPO / "data" / "articles")
    assert len(arts) >= 40 and all(isinstance(a, Article) and a.published for a in arts)
    assert json.loads((REPO / "data" / "articles" / f"{arts[0].id}.json").read_text())["quotes"]


def test_teasers_after_an_end_of_article_heading_are_cut():
    body = "“We will not back down,” the minister said.\n\n" + "The talks resume on Monday in Geneva.\n\n" * 5
    tail = "You Might Also Like\nFeatured Slide Shows\n“One girl can be silenced” slideshow A photo contest winner"
    cleaned = clean_text(body + tail)
    assert "We will not back down" in cleaned and "slideshow" not in cleaned and "Also Like" not in cleaned
    early = "Comments\n" + body  # the heading in the first half: not the end of the article
    assert clean_text(early).count("talks resume") == 5


@pytest.mark.parametrize(
    "line",
    [
        "In this photo dated Tuesday, Nov. 29, the rocket is installed on a launch pad, the agency said.",
        "The cargo ship broke up, the agency said.(Oleg Urusov/ Roscosmos Space Agency Press Service photo via AP)",
    ],
)
def test_gallery_slides_and_photo_captions_are_dropped(line):
    assert clean_text(f"The story begins here.\n{line}\nIt ends here.") == "The story begins here.\nIt ends here."


def test_teasers_before_the_article_are_dropped_when_the_page_opens_with_its_lede():
    lede = "An unmanned Russian cargo spaceship heading to the space station broke up over Siberia on Thursday, the agency said."
    text = f"{lede} It said most debris burnt up.\nA designer said he would not dress the first lady.\nMOSCOW (AP) — {lede}\nMore text."
    assert clean_text(text) == f"MOSCOW (AP) — {lede}\nMore text."
    assert clean_text(f"{lede}\nMore text.") == f"{lede}\nMore text."  # a lede said once stays


def test_a_bracketed_promotion_line_is_dropped():
    text = "The story begins here.\n[What you need to know to start the day: Get New York Today in your inbox.]\nIt ends here."
    assert clean_text(text) == "The story begins here.\nIt ends here."


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


@pytest.mark.parametrize(
    "line",
    [
        "In a photo posted on X on Tuesday, the minister was seen shaking hands with the envoy.",
        "In one image, soldiers can be seen dragging a man from a car.",
        "This picture of a divided country is misleading, Voss said.",
        "In his image-conscious campaign, the candidate rarely smiled.",
        "Voss said the crowd numbered 3,000 (a police photo suggested far fewer).",
        "[The ministry later said the figure was 40, not 400.]",
        "- 9/11 families said they were angry about the deal.",
    ],
)
def test_story_lines_that_look_like_furniture_stay(line):
    assert clean_text(f"The story begins here.\n{line}\nIt ends here.") == f"The story begins here.\n{line}\nIt ends here."


def test_a_gallery_is_three_or_more_slides_of_the_same_total():
    slides = "\n".join(f"- {k}/50 Slide number {k} of the business gallery." for k in range(1, 4))
    assert clean_text(f"The story begins here.\n{slides}\nIt ends here.") == "The story begins here.\nIt ends here."


def test_a_story_line_opening_with_more_is_kept():
    text = "Floods hit the coast again.\nMore – and deadlier – storms are coming, the weather agency warned.\nMore: Storm live blog"
    assert clean_text(text).split("\n") == text.split("\n")[:2]


def test_doubled_single_marks_of_wire_copy_are_double_marks():
    text = clean_text("‘‘It was an attempt to mislead voters,’’ Will Moy told the BBC. ‘‘That is wrong.’’")
    assert text == "“It was an attempt to mislead voters,” Will Moy told the BBC. “That is wrong.”"
    article = Article("t", text)
    assert [(s.text, s.speaker) for s in extract_statements(article) if s.kind == "direct"][0] == (
        "It was an attempt to mislead voters,",
        "Will Moy",
    )


def test_british_nested_closing_marks_stay_single():
    text = "‘We will not accept what they call ‘reform’’, the union leader Mick Lynch said. ‘It is a cut by another name.’"
    assert clean_text(text) == text
    assert clean_text("‘‘He called it ‘a disgrace’’’ Moy said.") == "“He called it ‘a disgrace’” Moy said."


def test_numbered_section_headings_go_but_numbered_lists_stay():
    text = "He warned.\n2. Never urged Ukraine to investigate Joe Biden\n“At no time was I aware,” he said.\n3. Questioning the judgment\nMore."
    assert clean_text(text) == "He warned.\n“At no time was I aware,” he said.\nMore."
    demands = "The demands:\n1. Withdraw all troops\n2. Release the prisoners\nEnd."
    assert clean_text(demands) == demands
