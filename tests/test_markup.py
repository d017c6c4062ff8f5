"""Data reaches Markdown as text: a planted '<b>' in a record is escaped, not rendered."""

from __future__ import annotations

from helpers.text import markup, since_then, twelve_steps

PLANTED = "<b>bold</b> & more"


def test_md_escapes_markup_but_keeps_quotes():
    assert markup.md(PLANTED) == "&lt;b&gt;bold&lt;/b&gt; &amp; more"
    assert markup.md("“Milan”, isn't it") == "“Milan”, isn't it"


def test_a_planted_record_is_escaped_in_the_since_then_list(monkeypatch):
    record = {"date": "2030-01-01", "text": PLANTED, "source": PLANTED, "accessed": "2030-01-01"}
    monkeypatch.setattr(since_then, "load_toml", lambda name: {"event": [record]})
    out = since_then.markdown()
    assert "<b>" not in out and out.count("&lt;b&gt;bold") == 2


def test_a_planted_record_is_escaped_in_the_twelve_steps_card(monkeypatch):
    real = twelve_steps.load_toml

    def planted(name):
        data = dict(real(name))
        if name == twelve_steps.DATA:
            data["nti_statement"] = [{**data["nti_statement"][0], "contested": PLANTED}]
        return data

    monkeypatch.setattr(twelve_steps, "load_toml", planted)
    out = twelve_steps.document_markdown()
    assert "<b>" not in out and "&lt;b&gt;bold&lt;/b&gt; &amp; more" in out
