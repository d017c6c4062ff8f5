"""The one widget pattern: controls declared as data, one pure render function, one picture.

A notebook declares its controls (``toggle``, ``dropdown``, ``slider``, ``checkbox``, ``text``)
and passes them with a render function to :class:`Explorer`. The render function takes the
control values as keyword arguments and returns a :class:`View` (or a ``(fig, description)``
pair); it touches nothing else, so tests call it directly for every combination of values.

The picture is an accessible HTML figure (``<figure><img alt><figcaption>``, see
:mod:`helpers.explorers.access`) whose base64 PNG is swapped in place: no flicker, no
inline-backend second draw. Renders are cached by control values (render functions are pure).
If a render raises, the message appears under the controls and the last good picture stays.
"""

from __future__ import annotations

import html
import time
import weakref
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

import ipywidgets as W
from matplotlib.figure import Figure

from helpers.explorers import access
from helpers.figures import engine
from helpers.figures import style as plots
from helpers.figures.engine import Picture

KINDS = ("toggle", "dropdown", "slider", "checkbox", "text")
_LABEL_STYLE = {"description_width": "initial"}


@dataclass(frozen=True)
class Control:
    """One control as data: what it is called, what it shows, and which values it takes."""

    kind: str
    name: str
    label: str
    options: tuple[tuple[str, Any], ...] = ()
    default: Any = None
    min: float | None = None
    max: float | None = None
    step: float | None = None
    tooltip: str = ""

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown control kind {self.kind!r}; valid kinds are {', '.join(KINDS)}")
        if not self.name.isidentifier():
            raise ValueError(f"control name {self.name!r} must be a Python identifier")
        if self.kind in ("toggle", "dropdown"):
            if not self.options:
                raise ValueError(f"{self.kind} {self.name!r} needs at least one option")
            values = [v for _, v in self.options]
            if self.default not in values:
                raise ValueError(
                    f"default {self.default!r} of {self.name!r} is not an option; options are {values}"
                )
        if self.kind == "slider":
            if None in (self.min, self.max, self.step) or not self.min < self.max or self.step <= 0:
                raise ValueError(f"slider {self.name!r} needs min < max and step > 0")
            if not self.min <= self.default <= self.max:
                raise ValueError(
                    f"default {self.default!r} of slider {self.name!r} is outside [{self.min}, {self.max}]"
                )

    @property
    def values(self) -> list[Any]:
        """The values a test drives this control through: every option, or ends and middle."""
        if self.kind in ("toggle", "dropdown"):
            return [v for _, v in self.options]
        if self.kind == "checkbox":
            return [False, True]
        if self.kind == "slider":
            middle = self.min + round((self.max - self.min) / 2 / self.step) * self.step
            return list(dict.fromkeys([self.min, _clean(middle, self.step), self.max]))
        return [self.default]


def _clean(value: float, step: float) -> float:
    if float(step).is_integer() and float(value).is_integer():
        return int(value)
    return round(value, 10)


def _options(options: Sequence[Any] | Mapping[str, Any]) -> tuple[tuple[str, Any], ...]:
    if isinstance(options, Mapping):
        return tuple((str(k), v) for k, v in options.items())
    pairs = []
    for opt in options:
        if isinstance(opt, tuple) and len(opt) == 2:
            pairs.append((str(opt[0]), opt[1]))
        else:
            pairs.append((str(opt), opt))
    return tuple(pairs)


def toggle(
    name: str, label: str, options: Sequence[Any] | Mapping[str, Any], default: Any = None, tooltip: str = ""
) -> Control:
    """A row of toggle buttons; options are values, (label, value) pairs, or {label: value}."""
    return _choice("toggle", name, label, options, default, tooltip)


def dropdown(
    name: str, label: str, options: Sequence[Any] | Mapping[str, Any], default: Any = None, tooltip: str = ""
) -> Control:
    """A drop-down list; options as for :func:`toggle`."""
    return _choice("dropdown", name, label, options, default, tooltip)


def _choice(
    kind: str, name: str, label: str, options: Sequence[Any] | Mapping[str, Any], default: Any, tooltip: str
) -> Control:
    """A control choosing one of ``options``; the default is the first option's value."""
    opts = _options(options)
    return Control(
        kind, name, label, opts, opts[0][1] if default is None and opts else default, tooltip=tooltip
    )


def slider(
    name: str, label: str, min: float, max: float, step: float, default: float, tooltip: str = ""
) -> Control:
    """A slider; integer if min, max and step are all integers."""
    return Control("slider", name, label, (), default, min, max, step, tooltip=tooltip)


def checkbox(name: str, label: str, default: bool = False, tooltip: str = "") -> Control:
    return Control("checkbox", name, label, (), bool(default), tooltip=tooltip)


def text(name: str, label: str, default: str = "", tooltip: str = "") -> Control:
    return Control("text", name, label, (), default, tooltip=tooltip)


def slider_options(control: Control) -> list[tuple[str, float]]:
    """Every value a slider control can take, as (text, value) pairs for a drop-down."""
    count = round((control.max - control.min) / control.step)
    values = [_clean(control.min + i * control.step, control.step) for i in range(count + 1)]
    if values[-1] < control.max:
        values.append(_clean(control.max, control.step))
    return [(access.format_number(v, control.step), v) for v in values]


MAX_DROPDOWN_STEPS = 41  # longer ranges get a number box (a named spin button) instead


def build(control: Control) -> W.ValueWidget:
    """The ipywidgets widget for one control: labelled, named for screen readers, state exposed.

    - toggle: horizontal radio buttons (a screen reader hears which option is checked;
      ToggleButtons expose no pressed state in ipywidgets 8).
    - slider: a drop-down of the range's values (a noUi slider handle cannot be given an
      accessible name from Python); ranges longer than ``MAX_DROPDOWN_STEPS`` get a number box.
    - every control's visible label is its ``<label for>``, so it is also its accessible name;
      ``tooltip`` is never None (ipywidgets would print ``title="null"``).
    """
    tooltip = control.tooltip or ""
    common = {"description": control.label, "style": _LABEL_STYLE, "tooltip": tooltip}
    if control.kind == "toggle":
        return W.RadioButtons(
            options=list(control.options),
            value=control.default,
            orientation="horizontal",
            **common,
            layout=W.Layout(width="auto", max_width="100%"),
        )
    if control.kind == "dropdown":
        return W.Dropdown(
            options=list(control.options),
            value=control.default,
            **common,
            layout=W.Layout(width="auto", max_width="100%"),
        )
    if control.kind == "slider":
        options = slider_options(control)
        if len(options) <= MAX_DROPDOWN_STEPS:
            nearest = min((v for _, v in options), key=lambda v: abs(v - control.default))
            return W.Dropdown(
                options=options, value=nearest, **common, layout=W.Layout(width="auto", max_width="100%")
            )
        integral = all(float(x).is_integer() for x in (control.min, control.max, control.step))
        cls = W.BoundedIntText if integral else W.BoundedFloatText
        return cls(
            min=control.min,
            max=control.max,
            step=control.step,
            value=control.default,
            continuous_update=False,
            **common,
            layout=W.Layout(width="auto", max_width="100%"),
        )
    if control.kind == "checkbox":
        return W.Checkbox(value=control.default, indent=False, **common, layout=W.Layout(width="auto"))
    return W.Text(
        value=control.default,
        continuous_update=False,
        **common,
        layout=W.Layout(width="32em", max_width="100%"),
    )


@dataclass
class View:
    """What a render function returns: a picture, its description, side text (HTML) and alt text.

    ``fig`` is a :class:`~helpers.figures.engine.Picture` (drawn by the engine's fast path), a
    plain matplotlib ``Figure``, or None (text only). ``alt`` is the short text alternative of the
    image; for a Picture it defaults to ``Picture.alt()``.
    """

    fig: Picture | Figure | None
    description: str
    text: str = ""
    alt: str = ""

    def __post_init__(self) -> None:
        if not self.alt and isinstance(self.fig, Picture):
            self.alt = self.fig.alt()

    @classmethod
    def coerce(cls, result: Any) -> View:
        if isinstance(result, View):
            view = result
        elif isinstance(result, tuple) and len(result) in (2, 3):
            view = cls(*result)
        else:
            raise TypeError(
                "a render function must return View(picture, description, text) or (fig, description); "
                f"got {type(result).__name__}"
            )
        if view.fig is not None and not isinstance(view.fig, Picture | Figure):
            raise TypeError(
                f"View.fig must be a Picture, a matplotlib Figure or None, not {type(view.fig).__name__}"
            )
        if not isinstance(view.description, str) or not view.description.strip():
            raise TypeError("every view needs a non-empty text description of what it shows")
        return view

    def png(self) -> bytes | None:
        """The picture as PNG bytes: the engine's fast path for a Picture, one Agg draw for a Figure."""
        if self.fig is None:
            return None
        if isinstance(self.fig, Picture):
            return engine.png(self.fig)
        return plots.to_png(self.fig)


@dataclass
class _Rendered:
    png: bytes | None
    description: str
    text: str
    alt: str = ""


@dataclass(eq=False)
class Explorer:
    """Controls + a pure render function + one picture, with its description and side text."""

    controls: Sequence[Control]
    render: Callable[..., View | tuple]
    title: str = ""
    text_width: str = "auto"
    cache_size: int = 64
    widgets: dict[str, W.ValueWidget] = field(init=False)
    errors: list[str] = field(init=False, default_factory=list)  # the latest RECORDS, oldest first
    timings: list[float] = field(init=False, default_factory=list)  # the latest RECORDS update times (s)
    error_count: int = field(init=False, default=0)  # every error since the explorer was made

    RECORDS: ClassVar[int] = 1000  # errors and timings kept: a long session must not grow them forever

    # Every live explorer, so the test harness and benchmarks can check errors and timings.
    instances: ClassVar[weakref.WeakSet] = weakref.WeakSet()

    def __post_init__(self) -> None:
        names = [c.name for c in self.controls]
        if len(set(names)) != len(names):
            raise ValueError(f"control names must be unique; got {names}")
        self._cache: OrderedDict[tuple, _Rendered] = OrderedDict()
        self._box: W.Widget | None = None
        self.widgets = {c.name: build(c) for c in self.controls}
        # The picture: <figure><img alt><figcaption> in an HTML widget (an ipywidgets Image has
        # no alt); the long description is its caption, so both are bound to the image.
        # min_width 0: the widget may be narrower than its picture (320 px, 400 % zoom); the
        # figure's own box then scrolls sideways instead of the page clipping the caption.
        self.picture = access.html_widget(layout=W.Layout(max_width="100%", min_width="0", flex="0 1 auto"))
        self.png: bytes | None = None
        # The side text sits beside the picture when there is room and otherwise wraps under it;
        # it grows to fill its line either way, so a wrapped text is not a narrow column.
        side = (
            {"flex": "1 1 22em", "min_width": "18em"}
            if self.text_width == "auto"
            else {"width": self.text_width}
        )
        self.side = access.html_widget(layout=W.Layout(padding="0 0 0 1em", max_width="60em", **side))
        self.caption = access.html_widget(layout=W.Layout(max_width="60em"))
        self.message = access.html_widget()
        for widget in self.widgets.values():
            widget.observe(self._on_change, names="value")
        Explorer.instances.add(self)
        self.update()

    @property
    def values(self) -> dict[str, Any]:
        return {name: w.value for name, w in self.widgets.items()}

    def set(self, **values: Any) -> None:
        """Set several controls at once (one redraw per control, as a reader would)."""
        for name, value in values.items():
            if name not in self.widgets:
                raise ValueError(f"unknown control {name!r}; controls are {', '.join(self.widgets)}")
            self.widgets[name].value = value

    def _on_change(self, _change: Mapping[str, Any]) -> None:
        self.update()

    def _draw(self, values: dict[str, Any]) -> _Rendered:
        key = tuple(sorted(values.items()))
        hit = self._cache.get(key)
        if hit is not None:
            self._cache.move_to_end(key)
            return hit
        view = View.coerce(self.render(**values))
        rendered = _Rendered(view.png(), view.description, view.text, access.short_alt(self._alt(view)))
        self._cache[key] = rendered
        if len(self._cache) > self.cache_size:
            self._cache.popitem(last=False)
        return rendered

    def _alt(self, view: View) -> str:
        """The short alt: the view's own, else the figure's title, else the description's first
        sentence (which names what is drawn), else the explorer's title."""
        if view.alt:
            return view.alt
        if isinstance(view.fig, Figure) and access.title_of(view.fig):
            return access.title_of(view.fig)
        return access.first_sentence(view.description) or self.title

    def update(self) -> None:
        """Redraw for the current values; on error show a message and keep the last picture."""
        start = time.perf_counter()
        values = self.values
        try:
            rendered = self._draw(values)
        except Exception as exc:  # shown to the reader and recorded for the tests, not swallowed
            message = f"{type(exc).__name__}: {exc}"
            self.errors.append(f"{values}: {message}")
            self.error_count += 1
            del self.errors[: -self.RECORDS]
            self.message.value = (
                '<div role="alert" style="color:#AA4B00;font-weight:bold">'
                f"Could not draw this choice ({html.escape(message)}). "
                "The picture below is from the previous choice.</div>"
            )
            return
        self.message.value = ""
        if rendered.png is not None:
            self.png = rendered.png
            self.picture.value = access.figure_html(rendered.png, rendered.alt, rendered.description)
            self.caption.value = ""
        else:
            self.picture.value = ""
            self.caption.value = (
                f'<p style="font-size:0.95em;line-height:1.45"><b>Description:</b> '
                f"{html.escape(rendered.description)}</p>"
            )
        self.picture.layout.display = None if rendered.png is not None else "none"
        # ipywidgets gives HTML a 28 px line height (one control's height); text needs its own.
        self.side.value = f'<div style="line-height:1.45">{rendered.text}</div>' if rendered.text else ""
        self.timings.append(time.perf_counter() - start)
        del self.timings[: -self.RECORDS]

    @property
    def widget(self) -> W.Widget:
        if self._box is None:
            self._box = self._layout()
        return self._box

    def _layout(self) -> W.Widget:
        header = [access.html_widget(f"<h3>{html.escape(self.title)}</h3>")] if self.title else []
        controls = W.VBox(list(self.widgets.values()))
        body = W.HBox(
            [self.picture, self.side], layout=W.Layout(flex_flow="row wrap", align_items="flex-start")
        )
        return access.mark(
            W.VBox([access.style_widget(), *header, controls, self.message, body, self.caption])
        )

    def _repr_mimebundle_(self, **kwargs: Any) -> dict:
        return self.widget._repr_mimebundle_(**kwargs)


def combinations(controls: Sequence[Control]) -> list[dict[str, Any]]:
    """Every combination of the values :attr:`Control.values` gives (for render tests)."""
    combos: list[dict[str, Any]] = [{}]
    for control in controls:
        combos = [{**c, control.name: v} for c in combos for v in control.values]
    return combos
