"""The HTML report: every statement highlighted with its label, self-contained, escaped, and readable in a browser."""

import json
import shutil
import subprocess

import pytest
from lxml import html as lxml_html

from quotestance.runs import predict_articles
from quotestance.runs.report import build_report, write_report
from quotestance.stance import StanceClassifier

EVIL = "<script>alert(1)</script>"
ARTICLE = (
    "Anika Voss, the foreign minister, spoke in Berlin. “We are ready to talk without conditions,” Voss said. "
    "Ivan Petrov called the offer “a cynical trick” and said Moscow would “respond in kind”."
)


@pytest.fixture(scope="module")
def run(tmp_path_factory, tiny_model):
    tmp = tmp_path_factory.mktemp("report")
    src = tmp / "in.jsonl"
    rows = [
        {"id": "a1", "title": "Talks " + EVIL, "text": ARTICLE, "published": "2026-03-01", "source": "<img src=x onerror=alert(2)>"},
        {"id": "a2", "text": f"Ivan Petrov said: “{EVIL} and <img src=x onerror=alert(3)> are our answer.”", "published": "2026-03-02"},
    ]
    src.write_text("".join(json.dumps(r) + "\n" for r in rows))
    clf = StanceClassifier.from_pretrained(tiny_model)
    predict_articles(src, tmp / "out" / "q.jsonl", clf, progress=False, explain=True, ner=False)
    return tmp / "out" / "q.jsonl"


def section(doc, article_id):
    return next(
        s for s in doc.xpath("//section[@class='article']") if s.xpath(".//p[@class='muted']")[0].text_content().endswith(article_id)
    )


def parse(path):
    data = path.read_bytes()
    data.decode("utf-8")  # valid UTF-8
    return lxml_html.fromstring(data), data.decode("utf-8")


def test_every_statement_is_highlighted_with_its_label(run):
    path = write_report(run)
    assert path.name == "q.report.html"
    doc, _ = parse(path)
    rows = [json.loads(line) for line in run.read_text().splitlines()]
    marks = section(doc, "a1").xpath(".//mark")
    assert len(marks) == len([r for r in rows if r["article_id"] == "a1"])
    for r in rows:
        hits = [m for m in doc.xpath("//mark") if r["label"] in m.get("class") and r["kind"] in m.get("class")]
        assert any(r["text"].rstrip(",.").split()[0] in m.text_content() for m in hits), r["text"]
    assert "reported" in marks[1].get("class")  # "called the offer …" is reported speech
    assert section(doc, "a1").xpath(".//mark//mark")  # the partial quote nests inside its reported statement


def test_self_contained_and_escaped(run):
    doc, text = parse(write_report(run))
    refs = [v for el in doc.iter() for k, v in el.attrib.items() if k in ("src", "href")]
    assert all(v.startswith(("data:image/png;base64,", "#")) for v in refs), refs
    assert not doc.xpath("//script[@src]") and not doc.xpath("//link") and "http://" not in text and "https://" not in text
    assert EVIL not in text and "<img src=x" not in text  # shown as text, never as markup
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text and doc.xpath("//img[@alt]") and len(doc.xpath("//script")) == 1
    assert "alert" not in "".join(doc.xpath("//script/text()"))


def test_sections_are_left_out_when_their_fields_are_absent(tmp_path, run):
    bare = tmp_path / "c.jsonl"  # a classify output: no article ids' texts, dates, kinds or evidence
    bare.write_text(json.dumps({"id": "1", "text": "We will talk.", "label": "conciliatory", "confidence": 0.9, "score": -0.8}) + "\n")
    doc, _ = parse(write_report(bare))
    assert doc.xpath("//h2[@id='overview']") and not doc.xpath("//img") and not doc.xpath("//div[@class='text']")
    plain = tmp_path / "plain" / "q.jsonl"  # without --explain and without a manifest beside it
    plain.parent.mkdir()
    plain.write_text(
        "".join(json.dumps({k: v for k, v in json.loads(line).items() if k != "evidence"}) + "\n" for line in run.read_text().splitlines())
    )
    doc, _ = parse(write_report(plain))
    assert not doc.xpath("//th[text()='evidence']") and doc.xpath("//section[@class='article']")


def test_a_ray_style_parquet_folder(tmp_path, run):
    from quotestance.io import iter_records, write_records

    folder = tmp_path / "ray"
    (folder / "quotes").mkdir(parents=True)
    write_records(folder / "quotes" / "part-0.parquet", list(iter_records(run)))
    assert "<section class=article" in build_report(folder)


def test_caps_the_articles_shown(run):
    doc = lxml_html.fromstring(build_report(run, max_articles=1))
    assert len(doc.xpath("//section[@class='article']")) == 1 and "1 of 2 articles" in doc.text_content()


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None, reason="no headless Chromium (Debian's chromium package)")
def test_renders_in_a_headless_browser(tmp_path, run):
    from PIL import Image

    page = write_report(run, tmp_path / "r.html")
    shot = tmp_path / "shot.png"
    subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--window-size=1000,1400",
            f"--screenshot={shot}",
            page.as_uri(),
        ],
        capture_output=True,
        timeout=120,
        check=True,
    )
    pixels = Image.open(shot).convert("L").getextrema()
    assert pixels[1] - pixels[0] > 100  # ink on the page: not a blank screenshot


def test_a_large_run_stays_small_and_covers_everything(tmp_path):
    """2,000 articles: the overview counts all of them, the article sections are capped, the file stays far under 20 MB."""
    out = tmp_path / "big.jsonl"
    text = ARTICLE + " " + "The talks went on late into the night. " * 20
    with open(out, "w") as f, open(tmp_path / "big.manifest.jsonl", "w") as m:
        for i in range(2000):
            m.write(
                json.dumps({"article_id": f"a{i}", "quotes": 1, "text": text, "title": f"Article {i}", "published": "2026-01-01"}) + "\n"
            )
            f.write(
                json.dumps(
                    {
                        "article_id": f"a{i}",
                        "index": 0,
                        "kind": "direct",
                        "text": "We are ready to talk without conditions,",
                        "start": 53,
                        "end": 93,
                        "speaker": f"Speaker {i % 300}",
                        "label": "hostile",
                        "confidence": 0.7,
                        "score": 0.4,
                        "published": "2026-01-01",
                    }
                )
                + "\n"
            )
    page = write_report(out)
    doc, _ = parse(page)
    assert page.stat().st_size < 20_000_000 and len(doc.xpath("//section[@class='article']")) == 500
    assert "2000 articles · 2000 statements" in doc.text_content()


def test_articles_that_share_an_id_stay_apart(tmp_path, tiny_model):
    """Two index.txt files: both articles keep their own text and highlights (the manifest is followed in order)."""
    for name, sentence in (
        ("a", "Anika Voss said Berlin was ready to talk."),
        ("b", "Moscow said it would respond in kind to the sanctions."),
    ):
        (tmp_path / name).mkdir()
        (tmp_path / name / "index.txt").write_text(sentence)
    out = tmp_path / "out" / "q.jsonl"
    predict_articles([tmp_path / "a", tmp_path / "b"], out, StanceClassifier.from_pretrained(tiny_model), progress=False, ner=False)
    doc, _ = parse(write_report(out))
    sections = doc.xpath("//section[@class='article']")
    assert len(sections) == 2
    for sec in sections:
        text = sec.xpath(".//div[@class='text']")[0].text_content()
        assert all(m.text_content() in text for m in sec.xpath(".//mark"))


def test_impossible_dates_stay_out_of_the_plot(tmp_path):
    """The summaries' rule: a date that is no calendar date ("2024-02-30") stays in the rows, not in the time plot."""
    out = tmp_path / "q.jsonl"
    row = {"article_id": "a", "text": "They will pay.", "label": "hostile", "confidence": 0.9, "score": 0.8, "speaker": "Ivan Petrov"}
    out.write_text(json.dumps({**row, "published": "2024-02-30"}) + "\n")
    doc, _ = parse(write_report(out))
    assert not doc.xpath("//img") and doc.xpath("//section[@class='article']")


def test_the_dyad_section_counts_and_escapes(tmp_path):
    out = tmp_path / "d.jsonl"
    rows = [
        {"text": f"t{i}", "label": "hostile", "confidence": 0.9, "score": 0.8, "speaker_affiliation": "Russia", "target": EVIL}
        for i in range(6)
    ] + [{"text": "u", "label": "neutral", "confidence": 0.9, "score": 0.0, "speaker_affiliation": "Russia", "target": None}]
    out.write_text("".join(json.dumps(r) + "\n" for r in rows))
    doc, text = parse(write_report(out))
    cells = [
        [td.text_content() for td in tr.xpath("td")]
        for tr in doc.xpath("//h3[starts-with(., 'Who')]/following-sibling::table[1]//tbody/tr")
    ]
    assert cells == [["Russia", EVIL, "6", "0", "0", "6", "+0.80 [+0.80, +0.80]"]]  # no dyad without a target
    assert EVIL not in text and doc.xpath("//img[@alt='mean stance score by dyad']")
