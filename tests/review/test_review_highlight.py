from markupsafe import Markup

from pipeline.review.highlight import Mark, highlight, severity_class, shift


def test_text_without_marks_is_only_escaped() -> None:
    assert highlight("a < b & c", []) == Markup("a &lt; b &amp; c")


def test_mark_wraps_exact_offsets_of_the_unescaped_text() -> None:
    text = "x<y and 38 people"
    out = str(highlight(text, [Mark(8, 10, "error", 1, "number")]))
    assert out == 'x&lt;y and <mark class="sev-error" data-flags="flag-1" title="number">38</mark> people'


def test_reason_and_severity_cannot_inject_markup() -> None:
    out = str(highlight("abc", [Mark(0, 3, '"><script>', 1, '"><script>alert(1)</script>')]))
    assert "<script>" not in out
    assert 'class="sev-warning"' in out  # unknown severity falls back to a known class


def test_overlapping_marks_split_and_show_the_most_severe() -> None:
    out = str(highlight("abcdef", [Mark(0, 4, "note", 1), Mark(2, 6, "error", 2)]))
    assert out == (
        '<mark class="sev-note" data-flags="flag-1" title="">ab</mark>'
        '<mark class="sev-error" data-flags="flag-1 flag-2" title="">cd</mark>'
        '<mark class="sev-error" data-flags="flag-2" title="">ef</mark>'
    )


def test_out_of_range_and_empty_spans_are_ignored() -> None:
    assert highlight(
        "abc", [Mark(5, 9, "error", 1), Mark(2, 2, "error", 2), Mark(-3, 1, "info", 3)]
    ) == Markup('<mark class="sev-note" data-flags="flag-3" title="">a</mark>bc')


def test_shift_maps_joined_offsets_onto_a_part() -> None:
    assert shift([Mark(10, 12, "info", 1)], 8) == [Mark(2, 4, "info", 1)]


def test_severity_class() -> None:
    # a flag stored before notes were named "note" says "info"
    assert [severity_class(s) for s in ("ERROR", "info", "note", None, "bogus")] == [
        "error",
        "note",
        "note",
        "warning",
        "warning",
    ]
