"""make bench-warm-up: one fresh process per figure, every row written to the benchmarks file."""

from moderation import warmup_bench


def test_the_warm_up_benchmark_writes_every_row(tmp_path, capsys):
    out = tmp_path / "benchmarks.md"

    assert warmup_bench.main(["--runs", "1", "--write", str(out)]) == 0

    text = out.read_text()
    assert "<!-- bench-warm-up:start -->" in text and "<!-- bench-warm-up:end -->" in text
    assert "loads the trained model from disk" in text and "trains the model itself" in text
    assert "forked from a main process that warmed up" in text
    assert "median of 1 processes" in text


def test_a_run_count_below_one_is_refused(capsys):
    assert warmup_bench.main(["--runs", "0"]) == 2
    assert "--runs must be 1 or more" in capsys.readouterr().err
