"""The benchmark's own arithmetic: a wrong count here would publish wrong figures."""

from moderation import benchmarks


def test_post_level_scores_count_each_post_once_per_label():
    rows = [
        {"text": "a", "categories": ["contact_details"], "kinds": ["phone"]},
        {"text": "b", "categories": ["contact_details"], "kinds": ["email"]},
        {"text": "c", "categories": [], "kinds": []},
    ]
    predictions = {"a": {"contact_details", "phone"}, "b": set(), "c": {"contact_details"}}

    scores = benchmarks.score(rows, predictions.get, ["contact_details", "phone", "email"])

    contact = scores["contact_details"]
    assert (contact.tp, contact.fp, contact.fn) == (1, 1, 1)
    assert contact.precision == 0.5 and contact.recall == 0.5
    assert scores["phone"].f1 == 1.0
    assert (scores["email"].tp, scores["email"].fn) == (0, 1)


def test_one_kilobyte_posts_are_exactly_1024_characters():
    rows = [{"text": "short post"}, {"text": "x" * 300}]

    posts = benchmarks.one_kilobyte_posts(rows)

    assert len(posts) == 2 and {len(p) for p in posts} == {1024}


def test_write_section_replaces_only_its_own_section(tmp_path):
    doc = tmp_path / "benchmarks.md"
    doc.write_text("# Benchmarks\n\nIntro.\n", encoding="utf-8")

    benchmarks.write_section(doc, "first\n")
    benchmarks.write_section(doc, "second\n")

    text = doc.read_text(encoding="utf-8")
    assert text.count("<!-- bench-detect:start -->") == 1
    assert "second" in text and "first" not in text and "Intro." in text
