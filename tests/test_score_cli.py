"""`jobsieve score`: the contract of docs/listing-schema.md, run as a real command."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCAM = {
    "title": "Virtual assistant, no experience, $45/hour",
    "description": "Pay a $99 starter kit fee before training. "
    "Send your SSN and bank account details to hire@gmail.com.",
    "company": None,
    "custom": {"kept": True},
}
PLAIN = {"title": "Executive assistant", "company": "Acme GmbH", "company_url": "https://acme.example"}


def score(stdin: bytes, *args: str) -> subprocess.CompletedProcess[bytes]:
    command = [sys.executable, "-m", "jobsieve.cli", "score", "--offline", *args]
    return subprocess.run(command, cwd=ROOT, input=stdin, capture_output=True, timeout=120, check=False)


def lines(*records: object) -> bytes:
    return b"".join(json.dumps(record).encode() + b"\n" for record in records)


def test_records_come_back_in_order_with_risk_and_unknown_fields_kept() -> None:
    result = score(lines(SCAM, PLAIN, {}))
    assert result.returncode == 0, result.stderr
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [record.get("title") for record in out] == [SCAM["title"], PLAIN["title"], None]
    assert out[0]["custom"] == {"kept": True}
    for record in out:
        assert set(record["risk"]) == {"score", "level", "signals", "model_version"}
        assert 0.0 <= record["risk"]["score"] <= 1.0
    assert out[0]["risk"]["level"] == "high"
    assert {"upfront_fee", "personal_data"} <= {signal["code"] for signal in out[0]["risk"]["signals"]}
    assert all(signal["evidence"] for signal in out[0]["risk"]["signals"])
    assert out[0]["risk"]["score"] > out[1]["risk"]["score"]


def test_bad_lines_are_reported_skipped_and_exit_1(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_bytes(
        lines(PLAIN) + b"{not json\n" + b"\n" + b"[1, 2]\n" + b"\xff\xfe\x00junk\n" + lines(SCAM)
    )
    result = score(b"", str(source), "-o", str(tmp_path / "out.jsonl"))
    assert result.returncode == 1
    errors = result.stderr.decode()
    assert "line 2 skipped: not valid JSON" in errors
    assert "line 4 skipped: a JSON list" in errors
    assert "line 5 skipped: not UTF-8" in errors
    assert "line 3" not in errors  # a blank line is not an error
    out = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert [record["title"] for record in out] == [PLAIN["title"], SCAM["title"]]


def test_wrong_types_get_a_risk_not_a_crash() -> None:
    odd = {
        "title": 42,
        "description": ["a", {"b": None}],
        "emails": "x@y.z",
        "salary_min": "lots",
        "company": {"name": 1},
    }
    result = score(lines(odd, {"description": "x" * 2_000_000}))
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) == 2


def test_missing_input_file_is_a_clear_error(tmp_path: Path) -> None:
    result = score(b"", str(tmp_path / "nope.jsonl"))
    assert result.returncode == 2
    assert b"No such file or directory" in result.stderr and b"nope.jsonl" in result.stderr


def test_a_bom_on_the_first_line_is_accepted() -> None:
    result = score(b"\xef\xbb\xbf" + lines(PLAIN))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["title"] == PLAIN["title"]
