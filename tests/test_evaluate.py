"""`storyline eval`: the scorer, the word cut, reference handling, and whole runs on tiny and real data."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyline.cli import app
from storyline.errors import InputError
from storyline.evaluate import SYSTEMS, UNCLEANED, cut_words, evaluate, one_sentence_per_line, read_records, score
from tests.conftest import shared_data

BUDGET = [
    "The city council approved the new budget on Tuesday after a long debate. "
    "The plan raises spending on schools by ten percent. "
    "Critics said the tax increase would hurt small businesses.",
    "Officials in the city passed a spending plan that funds more teachers. "
    "The mayor praised the vote as a win for families. "
    "Opponents vowed to challenge the budget in court next month.",
]
# The first sentence of each article: 13 + 12 = 25 words, exactly what lead takes within 25 words.
BUDGET_LEAD = (
    "The city council approved the new budget on Tuesday after a long debate. "
    "Officials in the city passed a spending plan that funds more teachers."
)
BRIDGE = [
    "Engineers closed the old river bridge on Friday after inspectors found deep cracks in its steel beams. "
    "Traffic will be diverted through the north tunnel for several weeks.",
    "The river bridge was shut by engineers after cracks were discovered during a routine inspection. "
    "Commuters face long delays while repairs are planned.",
]


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_score_matches_a_hand_computation() -> None:
    f1, recall = score("the cat sat", ["the cat sat on the mat"])
    # R1: 3 of the output's 3 unigrams match ('the' once: min(2, 1)); P = 3/3, R = 3/6, F1 = 2·1·0.5/1.5 = 2/3.
    # R2: 'the cat', 'cat sat' match of the reference's 5 bigrams; P = 2/2, R = 2/5, F1 = 2·0.4/1.4 = 4/7.
    assert f1["rouge1"] == pytest.approx(200 / 3)
    assert recall["rouge1"] == pytest.approx(50.0)
    assert f1["rouge2"] == pytest.approx(400 / 7)
    assert recall["rouge2"] == pytest.approx(40.0)


def test_score_stems_words() -> None:
    f1, _ = score("cats running", ["cat runs"])
    assert f1["rouge1"] == pytest.approx(100.0)  # Porter stemming: cats → cat, running and runs → run


def test_score_rougelsum_uses_the_line_breaks() -> None:
    reference = "a b\nc d"
    one_line, _ = score("b a c d", [reference])
    two_lines, _ = score("b\na c d", [reference])
    # One line: 'a b' shares one word in order with it, 'c d' two; 3 of 4. Two lines: 'a b' takes 'b' from the
    # first and 'a' from the second (a union over output lines), so all 4 words count.
    assert one_line["rougeLsum"] == pytest.approx(75.0)
    assert two_lines["rougeLsum"] == pytest.approx(100.0)
    assert one_line["rougeL"] == two_lines["rougeL"] == pytest.approx(75.0)  # rougeL ignores lines


def test_score_averages_recall_over_references() -> None:
    f1, recall = score("the cat sat", ["the cat sat", "a dog ran far away"])
    assert recall["rouge1"] == pytest.approx(50.0)  # (100 + 0) / 2, the DUC convention
    assert f1["rouge1"] == pytest.approx(50.0)


@pytest.mark.parametrize(
    ("words", "expected"),
    [(4, "a b c\nd"), (3, "a b c"), (1, "a"), (10, "a b c\nd e f")],  # 10: the source runs out at 6
)
def test_cut_words_keeps_exactly_n_words_and_the_lines(words: int, expected: str) -> None:
    assert cut_words("a  b c\nd e\tf", words) == expected


def test_one_sentence_per_line_splits_plain_references() -> None:
    assert one_sentence_per_line("It rained. Roads flooded.") == "It rained.\nRoads flooded."
    assert one_sentence_per_line("It rained.\nRoads flooded.\n") == "It rained.\nRoads flooded."  # kept


@pytest.mark.issue(4)
def test_one_sentence_per_line_rejoins_wrapped_references() -> None:
    # DUC references are display lines that break mid-sentence: joined, then split into sentences.
    wrapped = "The vote passed\nin June . Critics\nobjected ."
    assert one_sentence_per_line(wrapped) == "The vote passed in June .\nCritics objected ."


def test_read_records_filters_by_task_and_limit(tmp_path: Path) -> None:
    path = tmp_path / "duc.jsonl.gz"
    lines = [{"id": str(n), "task": f"task{2 + n % 2}", "documents": BRIDGE, "summaries": ["x", "y"]} for n in range(5)]
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.writelines(json.dumps(r) + "\n" for r in lines)
    assert [r.id for r in read_records(path, task="task2")] == ["0", "2", "4"]
    assert [r.id for r in read_records(path, task="task2", limit=2)] == ["0", "2"]
    assert read_records(path, limit=1)[0].references == ("x", "y")


def test_read_records_names_a_record_without_id_by_its_0_based_line_as_brief_does(tmp_path: Path) -> None:
    # It was `clusters.jsonl:2` for the line `brief clusters.jsonl --cluster 1` briefs, whose sources are `…#1/0`.
    record = {"documents": BRIDGE, "summary": "The bridge reopened."}
    path = write_jsonl(tmp_path / "clusters.jsonl", [record | {"id": "named"}, record])
    assert [r.id for r in read_records(path)] == ["named", f"{path}#1"]


def test_read_records_rejects_a_record_without_reference(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "bad.jsonl", [{"documents": BRIDGE}])
    with pytest.raises(InputError, match=r"bad.jsonl:1: record has no reference summary"):
        read_records(path)


@pytest.mark.parametrize(
    ("record", "message"),
    [
        ({"summaries": "One reference."}, "'summaries' must be a list of reference summaries; got str"),
        ({"summary": ["One reference."]}, "record has no reference summary"),
        ({"summaries": ["One reference.", ""]}, "record has no reference summary"),
    ],
)
def test_read_records_rejects_a_reference_that_is_not_text(tmp_path: Path, record: dict, message: str) -> None:
    # A string of summaries was once read as one reference per character.
    path = write_jsonl(tmp_path / "bad.jsonl", [{"documents": BRIDGE, **record}])
    with pytest.raises(InputError, match=rf"bad.jsonl:1: {message}"):
        read_records(path)


def test_read_records_rejects_a_line_nested_too_deeply(tmp_path: Path) -> None:
    path = tmp_path / "deep.jsonl"
    path.write_text("[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"deep.jsonl:1: not a JSON record \(nested too deeply\)"):
        read_records(path)


CAFE = {
    "id": "café",
    "documents": ["The café by the harbour reopened on Monday.", "Its owner said the café had been shut a week."],
    "summary": "A harbour café reopened on Monday after a week.",
}


@pytest.mark.parametrize("codec", ["utf-8-sig", "utf-16", "utf-16-le", "utf-16-be"])
def test_read_records_reads_the_encodings_brief_reads(tmp_path: Path, codec: str) -> None:
    path = tmp_path / f"{codec}.jsonl"
    path.write_bytes((json.dumps(CAFE, ensure_ascii=False) + "\n").encode(codec))
    [record] = read_records(path)
    assert (record.id, record.references) == ("café", (CAFE["summary"],))


def test_read_records_refuses_bytes_that_are_not_utf8_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "latin1.jsonl.gz"
    path.write_bytes(gzip.compress((json.dumps(CAFE, ensure_ascii=False) + "\n").encode("latin-1")))
    with pytest.raises(InputError, match=r"latin1.jsonl.gz: not utf-8 text \(byte 0xe9: .*\); save the file as UTF-8$"):
        read_records(path)


def test_evaluate_end_to_end_on_a_tiny_file(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "tiny.jsonl",
        [
            {"id": "budget", "documents": [*BUDGET, "Advertisement"], "summary": BUDGET_LEAD},
            {"id": "bridge", "documents": BRIDGE, "summary": "Engineers closed the river bridge after finding cracks."},
            {"id": "empty", "documents": ["Advertisement", ""], "summary": "Nothing is left after cleaning."},
        ],
    )
    report = evaluate(path, words=25, systems=SYSTEMS)
    rows = {row.system: row for row in report.systems}
    assert report.n_clusters == 3  # the cluster with nothing left after cleaning is scored (0), not dropped
    assert report.no_text == ["empty"]  # ... and said
    assert [c.n_sentences for c in report.clusters] == [6, 4, 0]
    assert list(rows) == list(SYSTEMS)
    # Both sources hold more than 25 words, the empty cluster none: each system outputs (25 + 25 + 0) / 3 words,
    # except the oracle, which stops as soon as no sentence adds ROUGE, and the uncleaned baselines, which find
    # the empty cluster's one word of furniture.
    cleaned = [s for s in SYSTEMS if s != "oracle" and not s.endswith(UNCLEANED)]
    assert [rows[s].mean_words for s in cleaned] == [pytest.approx(50 / 3)] * len(cleaned)
    assert [rows[s].mean_words for s in SYSTEMS if s.endswith(UNCLEANED)] == [pytest.approx(51 / 3)] * 3
    assert rows["oracle"].mean_words < 50 / 3
    # per-cluster scores, in file order, average to the table's means
    assert [c.id for c in report.clusters] == ["budget", "bridge", "empty"]
    assert report.clusters[2].f1["lead"]["rouge1"] == 0
    for system in SYSTEMS:
        per_cluster = [c.f1[system]["rouge1"] for c in report.clusters]
        assert sum(per_cluster) / 3 == pytest.approx(rows[system].rouge1)
        per_cluster_recall = [c.recall[system]["rouge1"] for c in report.clusters]
        assert sum(per_cluster_recall) / 3 == pytest.approx(rows[system].rouge1_recall)
    assert rows["oracle"].rouge1 >= max(row.rouge1 for row in report.systems)


def test_evaluate_lead_reproduces_a_lead_reference(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "lead.jsonl", [{"documents": BUDGET, "summary": BUDGET_LEAD}])
    (lead,) = evaluate(path, words=25, systems=["lead"]).systems
    assert (lead.rouge1, lead.rouge2, lead.rougeL, lead.rougeLsum) == (100.0, 100.0, 100.0, 100.0)
    assert lead.mean_words == 25.0


def test_uncleaned_baselines_read_the_page_furniture_cleaning_drops(tmp_path: Path) -> None:
    banner = "IE 11 is not supported. For an optimal experience visit our site on another browser."
    pages = [f"{banner}\n{BUDGET[0]}", f"{banner}\n{BUDGET[1]}"]
    path = write_jsonl(tmp_path / "pages.jsonl", [{"documents": pages, "summary": BUDGET_LEAD}])
    cleaned, uncleaned = evaluate(path, words=25, systems=["lead", "lead" + UNCLEANED]).systems
    assert cleaned.rouge1 == 100.0  # the banner is dropped, so lead's 25 words are the reference
    # Uncleaned, lead opens with the banner's two sentences, 15 words (once: lead skips exact duplicates), and keeps
    # 10 words of the reference: R1 = 10/25.
    assert uncleaned.rouge1 == pytest.approx(40.0)
    assert uncleaned.mean_words == 25.0


def test_evaluate_in_worker_processes_gives_the_same_scores(tmp_path: Path) -> None:
    records = [{"documents": BUDGET, "summary": BUDGET_LEAD}, {"documents": BRIDGE, "summary": BRIDGE[1]}]
    path = write_jsonl(tmp_path / "two.jsonl", records)
    alone = evaluate(path, words=30, systems=["storyline", "lead"])
    pooled = evaluate(path, words=30, systems=["storyline", "lead"], jobs=2)
    assert [(r.rouge1, r.rouge2) for r in pooled.systems] == [(r.rouge1, r.rouge2) for r in alone.systems]


def test_cli_eval_prints_the_table_and_writes_json(tmp_path: Path) -> None:
    records = [{"id": "1", "task": "task2", "documents": BUDGET, "summaries": [BUDGET_LEAD, "Zebras graze."]}]
    path = write_jsonl(tmp_path / "duc.jsonl", [*records, {**records[0], "id": "2", "task": "task3"}])
    out = tmp_path / "scores.json"
    result = CliRunner().invoke(
        app, ["eval", str(path), "--words", "25", "--systems", "lead,oracle", "--task", "task2", "--json", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "R1 rec" in result.stdout  # several references: recall columns
    saved = json.loads(out.read_text(encoding="utf-8"))
    assert saved["n_clusters"] == 1
    assert saved["max_references"] == 2
    lead = saved["systems"][0]
    assert lead["system"] == "lead"
    # Lead's 25 words are the first reference word for word and share nothing with the second: (100 + 0) / 2.
    assert (lead["rouge1_recall"], lead["rouge2_recall"], lead["rouge1"]) == (50.0, 50.0, 50.0)
    assert f"{lead['rouge1']:.2f}" in result.stdout


def test_cli_eval_and_the_api_score_the_same_default_systems(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "tiny.jsonl", [{"documents": BUDGET, "summary": BUDGET_LEAD}])
    out = tmp_path / "scores.json"
    result = CliRunner().invoke(app, ["eval", str(path), "--words", "25", "--json", str(out)])
    assert result.exit_code == 0, result.output
    from_cli = [row["system"] for row in json.loads(out.read_text(encoding="utf-8"))["systems"]]
    assert from_cli == [row.system for row in evaluate(path, words=25).systems]
    assert from_cli == ["storyline", "lead", "centroid_mmr", "lexrank", "oracle"]


def test_cli_eval_says_how_many_clusters_had_no_usable_text(tmp_path: Path) -> None:
    summary = {"summary": BUDGET_LEAD}
    records = [
        {"id": "ok", "documents": BUDGET, **summary},
        {"id": "none", "documents": [], **summary},
        {"id": "blank", "documents": ["", "  \n"], **summary},
        {"id": "furniture", "documents": ["Advertisement"], **summary},
        {"id": "missing", **summary},
    ]
    path = write_jsonl(tmp_path / "empties.jsonl", records)
    out = tmp_path / "scores.json"
    result = CliRunner().invoke(app, ["eval", str(path), "--words", "25", "--systems", "lead", "--json", str(out)])
    assert result.exit_code == 0, result.output
    lines = [line for line in result.stdout.splitlines() if "no usable text" in line]
    assert lines == [
        "clusters with no usable text after cleaning: 4 of 5 (scored 0 by all but the uncleaned baselines; in the "
        "means): none, blank, furniture, missing"
    ]
    saved = json.loads(out.read_text(encoding="utf-8"))
    assert saved["n_clusters"] == 5
    assert saved["no_text"] == ["none", "blank", "furniture", "missing"]
    assert saved["systems"][0]["rouge1"] == pytest.approx(100 / 5)


@pytest.mark.parametrize(
    ("systems", "message"), [("lead,textrank", "unknown system 'textrank'"), ("", "--systems names no system")]
)
def test_cli_eval_rejects_an_unknown_system(tmp_path: Path, systems: str, message: str) -> None:
    path = write_jsonl(tmp_path / "tiny.jsonl", [{"documents": BUDGET, "summary": BUDGET_LEAD}])
    result = CliRunner().invoke(app, ["eval", str(path), "--systems", systems])
    assert result.exit_code == 2
    assert message in " ".join(result.output.split())


@pytest.mark.slow
def test_evaluate_multinews_raw_five_clusters() -> None:
    report = evaluate(shared_data("multinews_val_raw.jsonl.gz"), words=300, limit=5, systems=SYSTEMS)
    rows = {row.system: row for row in report.systems}
    assert report.n_clusters == 5
    # Raw clusters hold far more than 300 words; only the oracle stops early, when no sentence adds ROUGE, and
    # storyline, before a pick that only fills the words left (`select.FILLER_SCORE`).
    early = {"oracle", *(s for s in SYSTEMS if s.startswith("storyline"))}
    assert all(rows[s].mean_words == 300 for s in SYSTEMS if s not in early)
    assert all(rows[s].mean_words <= 300 for s in early)
    assert rows["oracle"].rouge1 > max(rows[s].rouge1 for s in SYSTEMS if s != "oracle")
    assert rows["oracle"].rouge2 > max(rows[s].rouge2 for s in SYSTEMS if s != "oracle")
    for row in report.systems:
        assert 30 < row.rouge1 < 75, row
        assert 5 < row.rouge2 < 40, row


@pytest.mark.slow
def test_storyline_keeps_its_lead_over_the_baselines_on_raw_multinews() -> None:
    """A quality floor (STYLE §8): on the first 60 raw clusters storyline scored 47.87 / 19.08 against lead's
    45.60 / 16.68 and centroid_mmr's 45.06 / 16.76 when this was written; a change that loses most of that margin
    must say why."""
    report = evaluate(
        shared_data("multinews_val_raw.jsonl.gz"), words=300, limit=60, systems=["storyline", "lead", "centroid_mmr"]
    )
    rows = {row.system: row for row in report.systems}
    best_r1 = max(rows["lead"].rouge1, rows["centroid_mmr"].rouge1)
    best_r2 = max(rows["lead"].rouge2, rows["centroid_mmr"].rouge2)
    assert rows["storyline"].rouge1 >= 47.0 and rows["storyline"].rouge1 - best_r1 >= 1.5
    assert rows["storyline"].rouge2 >= 18.0 and rows["storyline"].rouge2 - best_r2 >= 1.5


def test_read_records_names_a_missing_file_or_a_folder_in_words(tmp_path: Path) -> None:
    with pytest.raises(InputError) as missing:
        read_records(tmp_path / "nothere.jsonl")
    assert str(missing.value) == f"{tmp_path / 'nothere.jsonl'}: no such file or folder"
    with pytest.raises(InputError) as folder:
        read_records(tmp_path)
    assert str(folder.value) == f"{tmp_path}: a folder, not a file"


def test_cli_eval_json_that_cannot_be_written_is_said_before_any_scoring(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # It was said only after every cluster had been scored and the table printed.
    def no_scoring(*args: object, **kwargs: object) -> None:
        raise AssertionError("the clusters were scored before --json was checked")

    monkeypatch.setattr("storyline.evaluate.evaluate", no_scoring)
    path = write_jsonl(tmp_path / "c.jsonl", [{"documents": ["The bridge closes."], "summary": "The bridge closes."}])
    out = tmp_path / "no" / "such" / "scores.json"
    result = CliRunner().invoke(app, ["eval", str(path), "--systems", "lead", "--json", str(out)])
    assert result.exit_code == 1
    assert result.stderr == f"error: cannot write {out}: No such file or directory\n"
