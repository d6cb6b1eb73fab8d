"""Small annotated samples in each format, written for these tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

BIO_MQM_ROWS = [
    {
        "id": "es2en/sysA/doc1/1",
        "doc": "doc1",
        "system": "sysA",
        "source_lang": "es",
        "target_lang": "en",
        "source": "El comité aprobó el plan.",
        "target": "The the committee approved the plan.",
        "errors": [
            {
                "side": "target",
                "category": "Fluency/Repetition",
                "severity": "Minor",
                "text": "The the",
                "start": 0,
                "end": 7,
            }
        ],
    },
    {
        "id": "es2en/sysA/doc1/2",
        "doc": "doc1",
        "system": "sysA",
        "source_lang": "es",
        "target_lang": "en",
        "source": "Los datos son claros.",
        "target": "The data data is clear.",
        "errors": [],
    },
    {
        "id": "es2en/sysA/doc1/3",
        "doc": "doc1",
        "system": "sysA",
        "source_lang": "es",
        "target_lang": "en",
        "source": "Hubo tres casos.",
        "target": "There were four cases.",
        "errors": [
            {
                "side": "target",
                "category": "Accuracy/Mistranslation",
                "severity": "Major",
                "text": "four",
                "start": 11,
                "end": 15,
            },
            {
                "side": "target",
                "category": "Style/Non_fluent",
                "severity": "Neutral",
                "text": "There",
                "start": 0,
                "end": 5,
            },
        ],
    },
    {
        "id": "es2en/sysA/doc1/4",
        "doc": "doc1",
        "system": "sysA",
        "source_lang": "es",
        "target_lang": "en",
        "source": "Fin del estudio.",
        "target": "End of the study study.",
        "errors": [
            {
                "side": "target",
                "category": "Accuracy/Mistranslation",
                "severity": "Minor",
                "text": "study",
                "start": None,
                "end": None,
            }
        ],
    },
]

DEMETR_ROWS = [
    {
        "id": "demetr/minor_id1_repeat2/1",
        "perturbation": "minor_id1_repeat2",
        "applied": True,
        "source": "Llegó ayer.",
        "mt": "She arrived yesterday.",
        "target": "She arrived arrived yesterday.",
    },
    {
        "id": "demetr/minor_id1_repeat2/2",
        "perturbation": "minor_id1_repeat2",
        "applied": False,
        "source": "Sí.",
        "mt": "Yes.",
        "target": "Yes.",
    },
    {
        "id": "demetr/critical_id8_negation/1",
        "perturbation": "critical_id8_negation",
        "applied": True,
        "source": "Llegó ayer.",
        "mt": "She arrived yesterday.",
        "target": "She did not arrive yesterday.",
    },
]

MQM_TSV = (
    "system\tdoc\tdoc_id\tseg_id\trater\tsource\ttarget\tcategory\tseverity\n"
    'sysB\tnews1\t1\t1\trater1\tHe said "yes".\tEr sagte <v>sagte</v> "ja".\tFluency/Grammar\tMinor\n'
    'sysB\tnews1\t1\t1\trater2\tHe said "yes".\tEr sagte <v>sagte</v> "ja".\tFluency/Grammar\tMajor\n'
    'sysB\tnews1\t1\t1\trater2\tHe <v>said</v> "yes".\tEr sagte sagte "ja".\tSource issue\tMinor\n'
    "sysB\tnews1\t1\t2\trater1\tIt rains.\tEs regnet.\tNo-error\tNo-error\n"
    "sysB\tnews1\t1\t3\trater1\tGood night.\tGute Nacht.\tNon-translation!\tNon-translation!\n"
)


def _jsonl(path: Path, rows: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
    return path


@pytest.fixture
def bio_mqm_file(tmp_path: Path) -> Path:
    return _jsonl(tmp_path / "sample.jsonl", BIO_MQM_ROWS)


@pytest.fixture
def demetr_file(tmp_path: Path) -> Path:
    return _jsonl(tmp_path / "perturbed.jsonl", DEMETR_ROWS)


@pytest.fixture
def mqm_tsv_file(tmp_path: Path) -> Path:
    path = tmp_path / "mqm_sample_ende.tsv"
    path.write_text(MQM_TSV, encoding="utf-8")
    return path
