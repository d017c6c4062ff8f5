"""Quizzes hide the answer until asked and refuse malformed questions."""

from __future__ import annotations

import pytest

from helpers.explorers import quiz


def test_multiple_choice_reveals_only_when_checked():
    q = quiz.multiple_choice("Which?", ["a", "b", "c"], "b", {"a": "No, a is wrong.", "b": "Yes."})
    assert q.feedback.value == ""
    assert q.check() is None
    assert "Choose an answer first" in q.reveal()
    q.choice.value = "a"
    assert q.check() is False
    assert "the answer is “b”" in q.reveal() and "a is wrong" in q.feedback.value
    q.choice.value = "b"
    q.button.click()
    assert q.check() is True and "Yes." in q.feedback.value


def test_multiple_choice_bad_input():
    with pytest.raises(ValueError, match="not among the options"):
        quiz.multiple_choice("?", ["a", "b"], "c", "")
    with pytest.raises(ValueError, match="at least two"):
        quiz.multiple_choice("?", ["a"], "a", "")
    with pytest.raises(ValueError, match="unknown options"):
        quiz.multiple_choice("?", ["a", "b"], "a", {"z": "?"})


def test_classify_scores_and_shows_answers():
    c = quiz.classify("Sort", {"s1": "X", "s2": "Y"}, ["X", "Y"], {"s1": "because"})
    assert c.check() == (0, 0)
    c.pickers["s1"].value = "X"
    c.pickers["s2"].value = "X"
    assert c.check() == (1, 2)
    shown = c.reveal()
    assert "1 of 2" in shown and "because" in shown
    c.show_button.click()
    assert "s2" in c.feedback.value


def test_classify_bad_input():
    with pytest.raises(ValueError, match="not among the categories"):
        quiz.classify("Sort", {"s1": "Z"}, ["X", "Y"])
    with pytest.raises(ValueError, match="unknown statements"):
        quiz.classify("Sort", {"s1": "X"}, ["X", "Y"], {"s9": "?"})
