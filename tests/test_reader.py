"""Tests for helpers.text.reading and helpers.figures.reading: the paragraph reader, the forgiving search,
the "Which Europe?" occurrences and tags, source criticism, and every widget render of notebook 01."""

import re
import time

import pytest

from helpers.explorers import reading as reading_explorer
from helpers.explorers import widgets
from helpers.figures import engine
from helpers.figures import reading as reading_figures
from helpers.figures import style as plots
from helpers.models import argument_map
from helpers.sources import essay
from helpers.text import reading as reader

PIDS = [f"P{n}" for n in range(1, 12)]
SEARCHES = [
    "security",
    "Milan",
    "collective security",
    '"international relations"',
    "EU-Russia",
    "  COLLECTIVE   Security ",
    "qwertyuiop-not-in-the-essay",
    "Ukraine",
    "",
]


# --- normalisation and search -------------------------------------------------------------


def test_normalise_keeps_length_and_straightens_typography():
    text = "“international relations” – Russia’s EU–Russia"
    out = reader.normalise(text)
    assert len(out) == len(text)
    assert out == '"international relations" - russia\'s eu-russia'


def test_search_ignores_case_and_typography_but_returns_the_seeds_text():
    hits = reader.search('"International Relations"')
    assert [(h.pid, h.text) for h in hits] == [("P2", "“international relations”")]
    hits = reader.search("eu-russia")
    assert [(h.pid, h.text) for h in hits] == [("P4", "EU–Russia")]
    assert [h.text for h in reader.search("russia's")] == ["Russia's", "Russia’s"]


def test_search_finds_every_occurrence_with_its_sentence():
    hits = reader.search("collective security")
    assert [h.pid for h in hits] == ["P7", "P7", "P9"]
    for hit in hits:
        assert hit.sentence in essay.paragraph(hit.pid)
        assert hit.sentence[hit.start : hit.end].lower() == "collective security"
    # Two hits in one sentence are both reported.
    assert len([h for h in reader.search("the") if h.pid == "P1"]) > len(
        {h.sentence for h in reader.search("the") if h.pid == "P1"}
    )


def test_search_count_matches_a_plain_count_over_the_paragraphs():
    for word in ("Europe", "security", "NATO", "interests"):
        plain = sum(len(re.findall(re.escape(word.lower()), essay.paragraph(p).lower())) for p in PIDS)
        assert len(reader.search(word)) == plain > 0


def test_search_collapses_spaces_in_the_query_and_finds_nothing_absent():
    assert len(reader.search("  collective   security ")) == 3
    assert reader.search("qwertyuiop-not-in-the-essay") == []
    assert reader.search("Ukraine") == []  # the essay says "Ukrainian", never "Ukraine"


def test_empty_search_is_a_clear_error_but_the_widget_explains():
    with pytest.raises(ValueError, match="empty"):
        reader.search("   ")
    view = reading_explorer.render_search("")
    assert view.fig is None and "empty" in view.description and "Type a word" in view.text


def test_search_html_marks_matches_and_escapes_text():
    html = reader.search_html("Milan")
    assert html.count("<mark>Milan</mark>") == 1 and "P5 (1)" in html
    assert "&lt;" not in html and "&amp;" not in html  # the essay has no < or &; nothing mangled
    assert "<mark>“international relations”</mark>" in reader.search_html('"international relations"')
    assert "does not occur" in reader.search_html("qwertyuiop")


# --- paragraph reader and summaries -------------------------------------------------------


def test_every_paragraph_has_exactly_one_summary_labelled_as_ours():
    summaries = reader.summaries()
    assert list(summaries) == PIDS
    assert all(len(s) > 30 for s in summaries.values())
    for pid in PIDS:
        assert "ours, not the author's" in reader.paragraph_html(pid)


def test_paragraph_html_keeps_the_text_and_marks_glossary_terms():
    html = reader.paragraph_html("P7")
    assert html.count("<mark") == len(reader.glossary_marks("P7")) >= 3
    stripped = re.sub(r"<mark[^>]*>|</mark>", "", html)
    assert __import__("html").escape(essay.paragraph("P7")) in stripped


def test_glossary_marks_do_not_overlap_and_point_at_the_text():
    for pid in PIDS:
        marks = reader.glossary_marks(pid)
        text = essay.paragraph(pid)
        for a, b in zip(marks, marks[1:], strict=False):
            assert a.end <= b.start
        for m in marks:
            assert text[m.start : m.end] == m.text
    names = {m.term for m in reader.glossary_marks("P5")}
    assert "indivisibility of security" in names


def test_glossary_marks_cover_whole_words():
    # The pattern "Track II" must not split "Track III" into a mark and a stray "I".
    text = essay.paragraph("P1")
    marked = [m.text for m in reader.glossary_marks("P1")]
    assert "Track III" in marked and "Track II" in marked
    for pid in PIDS:
        text = essay.paragraph(pid)
        for m in reader.glossary_marks(pid):
            assert m.start == 0 or not text[m.start - 1].isalnum()
            assert m.end == len(text) or not text[m.end].isalnum()
    html = reader.paragraph_html("P1")
    assert "Track III</mark>" in html and "</mark>I" not in html


def test_a_miss_suggests_a_shorter_form_that_occurs():
    assert reader.search("Ukraine") == []
    stem, forms = reader.shorter_form("Ukraine")
    assert stem == "Ukrain" and forms == ["Ukrainian"]
    assert "Ukrain" in reader.search_html("Ukraine") and "Ukrainian" in reader.search_description("Ukraine")
    assert reader.shorter_form("Milan") is None  # found: nothing to suggest
    assert reader.shorter_form("qwertyuiop") is None
    assert "shorter" not in reader.search_html("qwertyuiop")


def test_search_description_counts_in_plain_english():
    assert reader.search_description("Milan") == "'Milan' occurs once, in P5."
    assert "times" in reader.search_description("security")


def test_memberships_come_from_the_actors_file():
    table = reader.memberships()
    assert table["the EU"]["nuclear"] == ["France"]  # the UK's exit is in the data (eu_left)
    assert set(table["NATO"]["nuclear"]) == {"United States", "United Kingdom", "France"}
    assert "Turkey" in table["NATO"]["only here"] and "Turkey" not in table["the EU"]["members"]
    assert {"Austria", "Ireland"} <= set(table["the EU"]["only here"])
    assert {"Finland", "Sweden"} <= set(table["the EU"]["only here in 2020"])
    assert "Finland" not in table["the EU"]["only here"]
    text = reader.memberships_markdown()
    assert "actors.csv" in text and "Austria and Ireland" in text


def test_unknown_paragraph_is_an_error_naming_valid_ids():
    with pytest.raises(ValueError, match="P1, P2"):
        reader.paragraph_html("P12")


# --- "Which Europe?" ----------------------------------------------------------------------


def test_referent_occurrences_are_found_in_the_text():
    occurrences = reader.referent_occurrences()
    labels = {o.label for o in occurrences}
    assert labels == set(reader.REFERENT_PATTERNS)
    for occ in occurrences:
        assert occ.sentence[occ.start : occ.start + len(occ.text)] == occ.text
        assert occ.sentence in essay.paragraph(occ.pid)
    # "European Union" is counted once, as the EU; "collective security" is not "collective".
    texts = [(o.pid, o.text) for o in occurrences]
    assert ("P6", "European Union") in texts
    assert not any(
        o.label == "European" and o.sentence[o.start :].startswith("European Union") for o in occurrences
    )
    assert all(not o.sentence[o.start :].lower().startswith("collective security") for o in occurrences)


def test_every_occurrence_has_exactly_one_tag_from_the_categories():
    tagged = reader.referent_tags()
    assert [t.occurrence.key for t in tagged] == [o.key for o in reader.referent_occurrences()]
    categories = reader.referent_categories()
    assert all(t.tag in categories and t.why for t in tagged)
    items, why = reader.referent_exercise()
    assert 5 <= len(items) <= 10 and set(items) == set(why)
    assert set(items.values()) <= set(categories)


def test_exercise_statements_quote_the_sentence():
    items, _ = reader.referent_exercise()
    for statement in items:
        pid, rest = statement.split(": ", 1)
        inner = rest.strip("“”").strip("…").replace("[", "").replace("]", "")
        assert inner.strip("…") in essay.paragraph(pid)


# --- source criticism and the capture -----------------------------------------------------


def test_byline_comes_from_the_seed():
    author, affiliation = reader.byline()
    assert author == "Timofey Bordachev"
    assert "Valdai Discussion Club" in affiliation and "HSE University" in affiliation


def test_dating_and_voices_are_sourced():
    text = reader.dating_markdown()
    assert "February 2020" in text and "c. 2020" in text and "(P3)" in text
    voices = reader.other_voices()
    perspectives = {v["perspective"] for v in voices}
    assert "Ukrainian" in perspectives and len(perspectives) >= 3
    for v in voices:
        assert v["url"].startswith(("https://", "http://")) and v["url"] in v["source"]
        assert "vdocuments" not in v["url"] and "/tag/" not in v["url"] and "catalog?" not in v["url"]
    helsinki = [v for v in voices if v["place"] == "Helsinki"]
    years = sorted(int(v["date"][:4]) for v in helsinki)
    assert years[0] <= 2020 and years[-1] >= 2023  # Finland before and after joining NATO


def test_capture_report_lists_the_repeated_block_and_variants():
    text = reader.capture_markdown()
    assert "P1, P2, P3, P4" in text
    for variant in essay.capture().variants:
        assert f"“{variant.first}”" in text and f"“{variant.second}”" in text
    assert "108 votes" in text


# --- every widget control value renders -------------------------------------------


def _timed(render, **values):
    """Render and encode as the widget does; return the view and the CPU seconds it took.

    No unit test asserts the time (benchmarks/render_cpu.py reports it against the target).
    """
    start = time.process_time()
    view = widgets.View.coerce(render(**values))
    if view.fig is not None:
        view.png()
    return view, time.process_time() - start


def test_reader_renders_every_paragraph():
    (control,) = reading_explorer.READER_CONTROLS
    assert control.values == PIDS
    for pid in control.values:
        view, _ = _timed(reading_explorer.render_paragraph, pid=pid)
        assert view.fig is None and pid in view.text and pid in view.description


@pytest.mark.parametrize("query", SEARCHES)
def test_search_box_renders_for_many_strings(query):
    view, _ = _timed(reading_explorer.render_search, query=query)
    assert view.description.strip() and view.text


def test_map_renders_every_single_rejection_and_all_at_once():
    amap = argument_map.load()
    controls = reading_explorer.MAP_CONTROLS
    render = reading_explorer.render_map
    names = [c.name for c in controls]
    assert sorted(names) == sorted(c.id for c in amap.rejectable())
    render()  # build the cached static layer once
    for name in names:
        view, _ = _timed(render, **{n: n == name for n in names})
        assert amap[name].label in view.description
    view, _ = _timed(render, **dict.fromkeys(names, True))
    assert "0 of 4 conclusions" not in view.description or "Conclusions still standing: 0" in (
        view.description
    )
    with pytest.raises(ValueError, match="unknown premise"):
        render(dead_end=True)


def test_referent_figure_has_a_description_and_readable_fonts():
    fig, description = reading_explorer.europe_figure()
    assert "Europe" in description and plots.smallest_font(fig) >= plots.MIN_FONT_PT
    fig = engine.figure(reading_explorer.render_map(nuclear=True).fig)
    assert plots.smallest_font(fig) >= plots.MIN_FONT_PT


def test_map_quiz_is_computed_from_the_map():
    amap = argument_map.load()
    q = reading_explorer.map_quiz()
    lost = amap.lost_conclusions(["nuclear"])
    assert [amap[c].label for c in lost] == [q.answer]
    assert q.options[:-1] == [c.label for c in amap.of_kind("conclusion")]
    assert q.options[-1] == f"All {len(amap.of_kind('conclusion'))}"
    assert all(p in q.explanation for p in amap[lost[0]].paragraphs)
    assert amap["nuclear"].label in q.question


def test_map_arrows_never_run_through_a_box():
    amap = argument_map.load()
    geo = reading_figures.geometry(amap)
    for edge in amap.edges():
        path = geo.path(edge)
        assert path[0][0] >= geo.boxes[edge[0]][0] and path[-1][0] <= geo.boxes[edge[1]][0] + 1e-9
        for (xa, ya), (xb, yb) in zip(path, path[1:], strict=False):
            for t in [i / 40 for i in range(41)]:
                x, y = xa + t * (xb - xa), ya + t * (yb - ya)
                for cid, (x0, y0, w, h) in geo.boxes.items():
                    inside = x0 + 1e-6 < x < x0 + w - 1e-6 and y0 + 1e-6 < y < y0 + h - 1e-6
                    assert not inside, f"{edge} runs through {cid}"
    for a, (ax0, ay0, aw, ah) in geo.boxes.items():  # and no two boxes overlap
        for b, (bx0, by0, bw, bh) in geo.boxes.items():
            if a < b:
                assert ax0 + aw <= bx0 or bx0 + bw <= ax0 or ay0 + ah <= by0 or by0 + bh <= ay0
