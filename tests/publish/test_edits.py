"""The editor metrics' definitions: Levenshtein distance of page texts, grade of the Simple
Explanation, nothing graded when there is no text."""

from __future__ import annotations

from pipeline.domain import DraftFields, PracticalPoint
from pipeline.publish.edits import edit_distance, page_text, reading_grade


def test_edit_distance_is_normalized_levenshtein() -> None:
    assert edit_distance("kitten", "sitting") == round(3 / 7, 4)  # Indel would say 5/13
    assert edit_distance("", "") == 0.0 and edit_distance("same", "same") == 0.0
    assert edit_distance("abc", "") == 1.0


def test_page_text_covers_every_field_and_empty_text_has_no_grade() -> None:
    fields = DraftFields(
        simple_explanation="A drug lowered blood pressure.",
        key_findings=["It fell by 5 mmHg."],
        research_summary="A trial in 120 adults.",
        practical_implications=[PracticalPoint("Ask", "Talk to a doctor.")],
        limitations=["Short study"],
    ).to_dict()
    text = page_text(fields)
    for part in ("A drug lowered", "5 mmHg", "120 adults", "Talk to a doctor", "Short study"):
        assert part in text
    grade = reading_grade(fields)
    assert grade is not None and grade > 0
    assert reading_grade(fields | {"simple_explanation": "  "}) is None
    assert reading_grade(None) is None and page_text(None) == page_text({})
