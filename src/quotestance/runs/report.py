"""The HTML report of a run: one self-contained file a person opens by double-click, offline.

Inline CSS, plots as base64 PNG, a few lines of vanilla JavaScript to sort the speaker table, no
external URL. Every text the report embeds (statements, speakers, titles, sources, evidence words) is
escaped: article text is untrusted. Sections whose fields the output lacks (article texts, dates,
evidence, affiliation) are left out, so a bare `classify` output or a Ray output still gives a report.
"""

from __future__ import annotations

import base64
from collections import Counter, defaultdict
from html import escape
from pathlib import Path
from typing import Any

from ..dyads import MIN_DYAD, dyad_table, iso_date
from ..io import iter_records, read_output, write_text
from ..labels import CONCILIATORY, HOSTILE, NEUTRAL
from ..plots import dyad_heatmap, score_over_time
from ..records import model_view

MAX_ARTICLES = 500
# Okabe-Ito colours: told apart by people with the common colour-vision deficiencies
COLOURS = {CONCILIATORY: "#0072B2", NEUTRAL: "#8a8a8a", HOSTILE: "#D55E00"}
CSS = """
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0 auto;max-width:1100px;padding:1.5em;color:#222}
h1{font-size:1.6em;margin:.2em 0}h2{border-bottom:2px solid #ddd;padding-bottom:.2em;margin-top:2em}h3{margin:.2em 0}
.muted{color:#666;font-size:.9em}.cards{display:flex;gap:1em;flex-wrap:wrap}.card{border:1px solid #ddd;border-radius:8px;padding:.6em 1em;min-width:8em}
.card b{font-size:1.5em;display:block}table{border-collapse:collapse;width:100%;margin:.5em 0;font-size:.92em}
th,td{border-bottom:1px solid #eee;padding:.3em .5em;text-align:left;vertical-align:top}th{background:#f6f6f6;cursor:pointer}
.article{border:1px solid #e3e3e3;border-radius:8px;padding:1em 1.2em;margin:1.2em 0}.text{white-space:pre-wrap}
mark{background:none;color:inherit;padding:0 .1em;border-radius:3px}
mark.direct{border-bottom:3px solid}mark.reported{border-bottom:3px dashed}
.conciliatory{border-color:#0072B2;background:#0072B21f}.hostile{border-color:#D55E00;background:#D55E001f}
.neutral{border-color:#8a8a8a;background:#8a8a8a1a}.legend span{margin-right:1.2em}
.label{font-weight:600}.label.conciliatory,.label.hostile,.label.neutral{background:none}
.label.conciliatory{color:#0072B2}.label.hostile{color:#D55E00}.label.neutral{color:#666}
img{max-width:100%}nav a{margin-right:1em}
"""
SORT_JS = """document.querySelectorAll('table.sortable th').forEach(function(th,i){th.addEventListener('click',function(){
var tb=th.closest('table').tBodies[0],rows=Array.from(tb.rows),asc=th.dataset.asc!=='1';th.dataset.asc=asc?'1':'0';
rows.sort(function(a,b){var x=a.cells[i].dataset.v||a.cells[i].textContent,y=b.cells[i].dataset.v||b.cells[i].textContent;
var nx=parseFloat(x),ny=parseFloat(y);var c=(!isNaN(nx)&&!isNaN(ny))?nx-ny:x.localeCompare(y);return asc?c:-c;});
rows.forEach(function(r){tb.appendChild(r);});});});"""


def _e(value: Any) -> str:
    """Escaped text for element content and attribute values alike."""
    return escape("" if value is None else str(value), quote=True)


def _manifest(output: Path) -> list[dict[str, Any]]:
    """The manifest rows (title, date, source, text, number of statements) when the run wrote one beside its output."""
    if output.is_dir():
        return []
    path = output.with_name(output.name[: -len(output.suffix)] + ".manifest.jsonl")
    return list(iter_records(path)) if path.exists() else []


def _articles(rows: list[dict[str, Any]], manifest: list[dict[str, Any]]) -> list[tuple[str, dict[str, Any], list[dict[str, Any]]]]:
    """(section id, article metadata, its statements) per article. With a manifest its rows are followed in order, each
    taking its number of statements from the output: articles that share an id (two index.txt) stay apart. Without
    one, statements are grouped by article id."""
    if manifest and sum(int(m.get("quotes") or 0) for m in manifest) == len(rows):
        out, k = [], 0
        for n, m in enumerate(manifest):
            count = int(m.get("quotes") or 0)
            out.append((f"a{n}", m, rows[k : k + count]))
            k += count
        return [a for a in out if a[2] or a[1].get("text")]
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        grouped[str(r.get("article_id"))].append(r)
    return [(f"a{n}", {"article_id": key}, group) for n, (key, group) in enumerate(grouped.items())]


def _time_plot(rows: list[dict[str, Any]]) -> str | None:
    """Mean stance score by date for the 6 busiest speaker affiliations (else speakers), as a base64 PNG (None without dates)."""
    key = "speaker_affiliation" if any(r.get("speaker_affiliation") for r in rows) else "speaker"  # as the summaries' plot
    by: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    for r in rows:
        if iso_date(r.get("published")) and r.get("score") is not None:  # as the summaries' plot: real dates only
            by[r.get(key) or "(unknown)"][str(r["published"])[:10]].append(float(r["score"]))
    busiest = sorted((k for k in by if k != "(unknown)"), key=lambda k: -sum(len(v) for v in by[k].values()))[:6]
    series = {k: [(d, sum(v) / len(v), len(v)) for d, v in by[k].items()] for k in busiest}
    if not any(series.values()):
        return None
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        who = "speaker affiliations" if key == "speaker_affiliation" else "speakers"
        path = score_over_time(series, Path(tmp) / "plot.png", f"Stance over time (the six busiest {who})")
        return base64.b64encode(path.read_bytes()).decode("ascii") if path else None


def _marked(text: str, statements: list[dict[str, Any]]) -> str:
    """The article text with every statement highlighted in place; partial quotes nest inside reported statements."""
    spans = sorted(
        (s for s in statements if isinstance(s.get("start"), int) and isinstance(s.get("end"), int)), key=lambda s: (s["start"], -s["end"])
    )
    out, pos, open_ends = [], 0, []
    events: list[tuple[int, int, str]] = []  # (offset, order, html): closes before opens at the same offset
    for s in spans:
        if any(s["start"] < e < s["end"] for e in open_ends):
            continue  # overlaps an earlier statement without nesting in it
        label, kind = s.get("label") or "", s.get("kind") or "direct"
        tip = f"{s.get('speaker') or '?'}"
        if s.get("speaker_affiliation") or s.get("target"):
            tip += f" ({s.get('speaker_affiliation') or '?'} → {s.get('target') or '?'})"
        tip += f": {label} {s.get('confidence') or ''}"
        if s.get("evidence"):
            tip += " · evidence: " + ", ".join(str(e.get("word")) for e in s["evidence"])
        events.append((s["start"], 1, f'<mark class="{_e(kind)} {_e(label)}" title="{_e(tip)}">'))
        events.append((s["end"], 0, "</mark>"))
        open_ends = [e for e in open_ends if e > s["start"]] + [s["end"]]
    for offset, _, tag in sorted(events, key=lambda e: (e[0], e[1])):
        out.append(_e(text[pos:offset]) + tag)
        pos = offset
    out.append(_e(text[pos:]))
    return "".join(out)


def _statement_table(statements: list[dict[str, Any]]) -> str:
    with_evidence = any(x.get("evidence") for x in statements)
    rows = []
    for s in statements:
        evidence = ", ".join(f"{_e(e.get('word'))} ({float(e.get('weight', 0)):+.2f})" for e in s.get("evidence") or [])
        who = _e(s.get("speaker") or "?")
        if s.get("speaker_affiliation") or s.get("target"):
            who += f" <span class=muted>({_e(s.get('speaker_affiliation') or '?')} → {_e(s.get('target') or '?')})</span>"
        conf = s.get("confidence")
        rows.append(
            f"<tr><td>{_e(s.get('kind') or 'direct')}</td><td>{_e(s.get('text'))}</td><td>{who}</td>"
            f"<td class='label {_e(s.get('label'))}'>{_e(s.get('label'))}</td>"
            f"<td>{'' if conf is None else f'{float(conf):.2f}'}</td>" + (f"<td>{evidence}</td>" if with_evidence else "") + "</tr>"
        )
    head = (
        "<tr><th>kind</th><th>statement</th><th>speaker</th><th>label</th><th>conf.</th>"
        + ("<th>evidence</th>" if with_evidence else "")
        + "</tr>"
    )
    return f"<table><thead>{head}</thead><tbody>{''.join(rows)}</tbody></table>"


def _dyad_section(rows: list[dict[str, Any]], min_dyad: int = MIN_DYAD) -> str:
    """Who → whom: the dyad heatmap (dyads of `min_dyad`+ statements) and the table of every dyad."""
    table = dyad_table(rows, n_boot=500)
    if not table:
        return ""
    import tempfile

    out = ["<h3>Who → whom <span class=muted>(speaker affiliation → target; click a column to sort)</span></h3>"]
    with tempfile.TemporaryDirectory() as tmp:
        path = dyad_heatmap(
            [r for r in table if r["statements"] >= min_dyad], Path(tmp) / "dyads.png", f"Mean stance by dyad (≥ {min_dyad} statements)"
        )
        if path:
            out.append(
                f"<img alt='mean stance score by dyad' src='data:image/png;base64,{base64.b64encode(path.read_bytes()).decode('ascii')}'>"
            )
    body = "".join(
        f"<tr><td>{_e(r['speaker_affiliation'])}</td><td>{_e(r['target'])}</td><td data-v='{r['statements']}'>{r['statements']}</td>"
        + "".join(f"<td>{r[k]}</td>" for k in (CONCILIATORY, NEUTRAL, HOSTILE))
        + f"<td data-v='{r['mean_score']}'>{r['mean_score']:+.2f} <span class=muted>[{r['ci_low']:+.2f}, {r['ci_high']:+.2f}]</span></td></tr>"
        for r in table[:200]
    )
    out.append(
        "<table class=sortable><thead><tr><th>who</th><th>toward whom</th><th>statements</th><th>conciliatory</th><th>neutral</th>"
        f"<th>hostile</th><th>mean score [95% CI]</th></tr></thead><tbody>{body}</tbody></table>"
    )
    return "".join(out)


def _link_list(title: str, items: list[dict[str, Any]]) -> str:
    lis = "".join(
        f"<li><a href='#{_e(r.get('_section'))}'>{_e(r.get('article_id') or 'row')}</a> · <span class='label {_e(r.get('label'))}'>"
        f"{_e(r.get('label'))}</span> {float(r.get('confidence') or 0):.2f} · {_e(r.get('speaker') or '?')}: {_e(r.get('text'))}</li>"
        for r in items
    )
    return f"<h3>{_e(title)}</h3><ol>{lis}</ol>" if items else ""


def build_report(output: str | Path, max_articles: int = MAX_ARTICLES, title: str | None = None) -> str:
    """The report's HTML for a predict output (file or Ray folder)."""
    if max_articles < 0:
        raise ValueError(f"--report-max-articles must be 0 or more, not {max_articles}")
    output = Path(output)
    rows = [model_view(r) for r in read_output(output)]  # classify's pred_label … beside an input's own label
    articles = _articles(rows, _manifest(output))
    for section, _, statements in articles:
        for r in statements:
            r["_section"] = section
    counted = [r for r in rows if r.get("part_of") is None]  # a partial quote inside a reported statement counts once
    labels = Counter(r.get("label") for r in counted if r.get("label"))
    kinds = Counter(r.get("kind") or "direct" for r in counted)
    parts = [
        f"<h1>{_e(title or 'quotestance report')}</h1>",
        f"<p class=muted>{_e(output.name)} · {len(articles)} articles · {len(counted)} statements</p>",
        "<nav><a href='#overview'>Overview</a><a href='#lists'>Most uncertain, most hostile, most conciliatory</a>"
        "<a href='#articles'>Articles</a></nav>",
        "<h2 id=overview>Overview</h2><div class=cards>",
    ]
    for name in (CONCILIATORY, NEUTRAL, HOSTILE):
        if name in labels:
            parts.append(f"<div class=card><b style='color:{COLOURS[name]}'>{labels[name]}</b>{_e(name)}</div>")
    parts += [f"<div class=card><b>{kinds.get(k, 0)}</b>{_e(k)}</div>" for k in ("direct", "reported") if kinds.get(k)]
    parts.append(
        "</div><p class='legend muted'>"
        + "".join(f"<span><mark class='direct {k}'>{k}</mark></span>" for k in (CONCILIATORY, NEUTRAL, HOSTILE))
        + "<span><mark class='direct neutral'>direct quote</mark> solid line</span>"
        "<span><mark class='reported neutral'>reported speech</mark> dashed line</span></p>"
    )
    plot = _time_plot(counted)
    if plot:
        parts.append(f"<img alt='mean stance score over time' src='data:image/png;base64,{plot}'>")
    parts.append(_dyad_section(counted))
    speakers: dict[str, Counter] = defaultdict(Counter)
    for r in counted:
        speakers[r.get("speaker") or "(unknown)"][r.get("label")] += 1
    if any(r.get("speaker") for r in counted):
        body = "".join(
            f"<tr><td>{_e(name)}</td><td data-v='{sum(c.values())}'>{sum(c.values())}</td>"
            + "".join(f"<td>{c.get(k, 0)}</td>" for k in (CONCILIATORY, NEUTRAL, HOSTILE))
            + "</tr>"
            for name, c in sorted(speakers.items(), key=lambda kv: -sum(kv[1].values()))[:200]
        )
        parts.append(
            "<h3>Speakers <span class=muted>(click a column to sort)</span></h3><table class=sortable><thead><tr>"
            "<th>speaker</th><th>statements</th><th>conciliatory</th><th>neutral</th><th>hostile</th></tr></thead>"
            f"<tbody>{body}</tbody></table>"
        )
    scored = [r for r in counted if r.get("confidence") is not None]
    parts.append("<h2 id=lists>Most uncertain, most hostile, most conciliatory</h2>")
    parts.append(_link_list("Most uncertain (check these first)", sorted(scored, key=lambda r: float(r["confidence"]))[:10]))
    with_score = [r for r in scored if r.get("score") is not None]
    parts.append(
        _link_list("Most hostile", sorted((r for r in with_score if float(r["score"]) > 0), key=lambda r: -float(r["score"]))[:10])
    )
    parts.append(
        _link_list("Most conciliatory", sorted((r for r in with_score if float(r["score"]) < 0), key=lambda r: float(r["score"]))[:10])
    )
    ranked = sorted(
        articles,
        key=lambda art: (str(art[1].get("published") or ""), sum(abs(float(r.get("score") or 0)) for r in art[2])),
        reverse=True,
    )
    shown = ranked[:max_articles]
    parts.append(
        f"<h2 id=articles>Articles</h2><p class=muted>{len(shown)} of {len(articles)} articles, most recent and "
        "most stance-bearing first (--report-max-articles)</p>"
    )
    for section, meta, statements in shown:
        article_id = meta.get("article_id")
        head = _e(meta.get("title") or article_id)
        sub = " · ".join(_e(x) for x in (meta.get("published"), meta.get("source"), article_id) if x)
        text = meta.get("text")
        body = f"<div class=text>{_marked(text, statements)}</div>" if text else ""
        parts.append(
            f"<section class=article id='{_e(section)}'><h3>{head}</h3><p class=muted>{sub}</p>{body}"
            f"{_statement_table(statements)}</section>"
        )
    return (
        "<!DOCTYPE html><html lang=en><head><meta charset='utf-8'><meta name=viewport content='width=device-width'>"
        f"<title>{_e(title or 'quotestance report')}</title><style>{CSS}</style></head><body>{''.join(parts)}"
        f"<script>{SORT_JS}</script></body></html>"
    )


def write_report(output: str | Path, path: str | Path | None = None, max_articles: int = MAX_ARTICLES) -> Path:
    """Write the report beside the output (OUTPUT-stem.report.html) or at `path`, atomically."""
    output = Path(output)
    if path is None:
        path = output / "report.html" if output.is_dir() else output.with_name(output.name[: -len(output.suffix)] + ".report.html")
    write_text(path, build_report(output, max_articles))
    return Path(path)
