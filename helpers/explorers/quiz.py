"""Check-your-understanding widgets: the reader commits to an answer before seeing ours.

``multiple_choice`` asks one question; ``classify`` sorts statements into categories (for
example, the framing in which a statement makes sense). Answers and explanations stay hidden
until the reader presses "Check" (or "Show the answers"). Both return a small object whose
``check()`` method gives the score, so tests can use them without a browser.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from typing import Any

import ipywidgets as W

from helpers.explorers import access

_CHOOSE = "— choose —"
# "Check" buttons: white on the focus-ring blue, 8.3:1 (the "info" style was 3.5:1).
_CHECK_STYLE = {"button_color": access.FOCUS, "text_color": access.BUTTON_TEXT}


def _check_button() -> W.Button:
    return W.Button(description="Check", style=_CHECK_STYLE, tooltip="Check my answer")


def _html(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")


class MultipleChoice:
    """One question, several options, one right answer, explanations revealed on demand."""

    def __init__(
        self, question: str, options: Sequence[str], answer: str, explanation: str | Mapping[str, str]
    ) -> None:
        options = list(options)
        if len(options) < 2:
            raise ValueError("a multiple-choice question needs at least two options")
        if len(set(options)) != len(options):
            raise ValueError(f"options must be distinct; got {options}")
        if answer not in options:
            raise ValueError(f"answer {answer!r} is not among the options {options}")
        if isinstance(explanation, Mapping):
            unknown = set(explanation) - set(options)
            if unknown:
                raise ValueError(f"explanations for unknown options {sorted(unknown)}; options are {options}")
        self.question, self.options, self.answer = question, options, answer
        self.explanation = explanation
        # ipywidgets radios are named by their option text and expose checked/unchecked; the
        # question sits right above them (ipywidgets cannot group them: see docs/accessibility.md).
        self.choice = W.RadioButtons(
            options=options,
            value=None,
            layout=W.Layout(width="auto"),
            description="",
            tooltip="",
            style={"description_width": "initial"},
        )
        self.button = _check_button()
        self.feedback = access.html_widget()
        self.button.on_click(lambda _b: self.reveal())
        self.widget = access.mark(
            W.VBox(
                [
                    access.style_widget(),
                    access.html_widget(f"<p><b>{_html(question)}</b></p>"),
                    self.choice,
                    self.button,
                    self.feedback,
                ]
            )
        )

    def _explain(self, option: str) -> str:
        if isinstance(self.explanation, Mapping):
            return self.explanation.get(option) or self.explanation.get(self.answer, "")
        return self.explanation

    def check(self) -> bool | None:
        """True or False for the current choice; None if nothing is chosen yet."""
        if self.choice.value is None:
            return None
        return self.choice.value == self.answer

    def reveal(self) -> str:
        """Show the verdict and explanation for the current choice; return the shown HTML."""
        verdict = self.check()
        if verdict is None:
            shown = "<i>Choose an answer first, then check it.</i>"
        else:
            head = "Yes." if verdict else f"Not quite: the answer is “{_html(self.answer)}”."
            shown = f"<p><b>{head}</b> {_html(self._explain(self.choice.value))}</p>"
        self.feedback.value = f'<div style="line-height:1.45">{shown}</div>'
        return shown

    def _repr_mimebundle_(self, **kwargs: Any) -> dict:
        return self.widget._repr_mimebundle_(**kwargs)


class Classify:
    """Sort each statement into one of several categories; check all at once."""

    def __init__(
        self,
        prompt: str,
        items: Mapping[str, str],
        categories: Sequence[str],
        explanations: Mapping[str, str] | None = None,
    ) -> None:
        categories = list(categories)
        if len(categories) < 2:
            raise ValueError("classification needs at least two categories")
        wrong = {item: cat for item, cat in items.items() if cat not in categories}
        if wrong:
            raise ValueError(f"answers {wrong} are not among the categories {categories}")
        explanations = dict(explanations or {})
        unknown = set(explanations) - set(items)
        if unknown:
            raise ValueError(f"explanations for unknown statements {sorted(unknown)}")
        self.items, self.categories, self.explanations = dict(items), categories, explanations
        # Each picker is named "Statement n:" and the statement beside it is numbered n: the
        # name is short enough not to be clipped and still says which statement it sorts.
        self.pickers = {
            item: W.Dropdown(
                options=[_CHOOSE, *categories],
                value=_CHOOSE,
                description=f"Statement {n}:",
                tooltip="",
                style={"description_width": "initial"},
                layout=W.Layout(width="auto", min_width="16em", max_width="100%"),
            )
            for n, item in enumerate(items, start=1)
        }
        self.button = _check_button()
        self.show_button = W.Button(description="Show the answers", tooltip="")
        self.feedback = access.html_widget()
        self.button.on_click(lambda _b: self.reveal(all_answers=False))
        self.show_button.on_click(lambda _b: self.reveal(all_answers=True))
        rows = [
            W.HBox(
                [
                    picker,
                    access.html_widget(f"{n}. {_html(item)}", layout=W.Layout(width="auto", flex="1 1 18em")),
                ],
                layout=W.Layout(flex_flow="row wrap", align_items="baseline"),
            )
            for n, (item, picker) in enumerate(self.pickers.items(), start=1)
        ]
        self.widget = access.mark(
            W.VBox(
                [
                    access.style_widget(),
                    access.html_widget(f"<p><b>{_html(prompt)}</b></p>"),
                    *rows,
                    W.HBox([self.button, self.show_button], layout=W.Layout(flex_flow="row wrap")),
                    self.feedback,
                ]
            )
        )

    def check(self) -> tuple[int, int]:
        """(right, answered) for the current choices."""
        answered = {i: p.value for i, p in self.pickers.items() if p.value != _CHOOSE}
        right = sum(1 for i, v in answered.items() if v == self.items[i])
        return right, len(answered)

    def reveal(self, all_answers: bool = False) -> str:
        right, answered = self.check()
        lines = []
        for item, picker in self.pickers.items():
            chosen = picker.value
            if not all_answers and chosen == _CHOOSE:
                continue
            ok = chosen == self.items[item]
            mark = "✔" if ok else ("✘" if chosen != _CHOOSE else "•")
            why = self.explanations.get(item, "")
            lines.append(f"<li>{mark} “{_html(item)}”: <b>{_html(self.items[item])}</b>. {_html(why)}</li>")
        head = f"{right} of {answered} answered correctly." if answered else "Nothing sorted yet."
        if not all_answers and not answered:
            head += " Sort some statements, or press “Show the answers”."
        shown = f"<p><b>{head}</b></p><ul>{''.join(lines)}</ul>"
        self.feedback.value = f'<div style="line-height:1.45">{shown}</div>'
        return shown

    def _repr_mimebundle_(self, **kwargs: Any) -> dict:
        return self.widget._repr_mimebundle_(**kwargs)


def multiple_choice(
    question: str, options: Sequence[str], answer: str, explanation: str | Mapping[str, str]
) -> MultipleChoice:
    """A question with one right answer; ``explanation`` may be one text or one per option."""
    return MultipleChoice(question, options, answer, explanation)


def classify(
    prompt: str,
    items: Mapping[str, str],
    categories: Sequence[str],
    explanations: Mapping[str, str] | None = None,
) -> Classify:
    """Statements (mapped to their right category) to sort into ``categories``."""
    return Classify(prompt, items, categories, explanations)
