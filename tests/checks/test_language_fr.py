"""French as a target language: a planted-artifact article is found in full.

The article is written for this test (not the corpora file): a wrong-region
descriptor and web residue are planted; the other paragraphs are clean and
use elided articles ("l'Ouzbékistan", "d'Asie centrale") everywhere, so the
gazetteer must split them to see the names.
"""

from __future__ import annotations

from transaudit.engine import Engine
from transaudit.model import Article, Segment
from transaudit.settings import Settings

PARAGRAPHS = [
    ("Uzbekistan and France sign an energy agreement",
     "L'Ouzbékistan et la France signent un accord sur l'énergie"),
    ("Uzbek and French officials met in Paris on Monday to sign the agreement.",
     "Des responsables ouzbeks et français se sont réunis lundi à Paris pour signer l'accord."),
    ("The Central Asian country wants to double its gas exports to Europe by 2030.",
     "Le pays d'Asie centrale veut doubler ses exportations de gaz vers l'Europe d'ici 2030."),
    ("Uzbekistan has also opened its market to foreign banks. The Central Asian republic hopes to attract "
     "new investors.",
     "L'Ouzbékistan a aussi ouvert son marché aux banques étrangères. La république caucasienne espère "
     "attirer de nouveaux investisseurs."),
    ("The first deliveries are planned for next spring.",
     "Les premières livraisons sont prévues pour le printemps prochain."),
    ("", "Laisser une réponse"),
    ("", "Abonnez-vous à notre newsletter"),
    ("", "Partager sur Twitter"),
]


def run_article() -> list[tuple[str, str, str]]:
    segments = [Segment(f"p{i + 1}", s, t) for i, (s, t) in enumerate(PARAGRAPHS)]
    run = Engine(Settings()).run(Article("fr-planted", "en", "fr", segments))
    assert not run.errors
    return sorted((i.segment, i.code, i.text) for i in run.issues)


def test_planted_artifacts_found_and_clean_paragraphs_silent() -> None:
    assert run_article() == [
        ("p4", "TA301", "république caucasienne"),
        ("p6", "TA223", "Laisser une réponse"),
        ("p7", "TA223", "Abonnez-vous à notre newsletter"),
        ("p8", "TA223", "Partager sur Twitter"),
    ]
