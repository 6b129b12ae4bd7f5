"""Each boilerplate rule on constructed lines: it fires on boilerplate, never on body sentences."""

from __future__ import annotations

import re

import pytest

from storyline.clean import REASONS, clean, cleaner, line_key
from storyline.clean.patterns import LINE_RULES
from storyline.records import SourceDoc

BEFORE = (
    "Russian President Vladimir Putin visited Turkey on Thursday for talks with President Erdogan."
)
AFTER = (
    "The two leaders showered one another with praise in statements after their talks in Ankara."
)


def _clean_with(line: str, **kw):
    text = f"{BEFORE}\n\n{line}\n\n{AFTER}\n"
    return clean(SourceDoc(origin="t", format="txt", text=text, title="Putin in Ankara"), **kw)


POSITIVE = [
    ("You've read 3 of 5 free articles. Subscribe to continue.", "paywall"),
    ("You have reached your monthly article limit.", "paywall"),
    ("Subscribe to read", "paywall"),
    ("Subscribe to continue reading this article.", "paywall"),
    ("Register to continue", "paywall"),
    ("This article is for subscribers only.", "paywall"),
    ("Already a subscriber? Log in", "paywall"),
    ("Get unlimited access to our journalism for $1 a week.", "paywall"),
    ("Leave a Reply", "comment-prompt"),
    ("Leave a comment", "comment-prompt"),
    ("You must be logged in to post a comment.", "comment-prompt"),
    ("Comments", "comment-prompt"),
    ("12 Comments", "comment-prompt"),
    ("Join the conversation", "comment-prompt"),
    ("Show comments", "comment-prompt"),
    ("Your email address will not be published.", "comment-prompt"),
    (
        (
            "By using Yahoo you agree that Yahoo and partners may use Cookies for personalisation "
            "and other purposes"
        ),
        "consent",
    ),
    ("We use cookies to improve your experience on our site.", "consent"),
    ("This site uses cookies. By continuing to browse you agree to our use of cookies.", "consent"),
    ("Accept all cookies", "consent"),
    ("Manage preferences", "consent"),
    ("Share this article", "share"),
    ("Share", "share"),
    ("Facebook Twitter Email", "share"),
    ("Follow us on Twitter", "share"),
    ("Follow Harriet Agerholm on Twitter for the latest news.", "share"),
    ("Click here to read the full statement.", "share"),
    ("Sign up for our newsletter", "newsletter"),
    ("Sign up to our free Morning Briefing newsletter.", "newsletter"),
    ("Read more: Putin and Erdogan agree on Idlib", "related"),
    ("Related", "related"),
    ("Advertisement", "advert"),
    ("Story continues below advertisement", "advert"),
    ("Kayhan Ozer/Presidency Press Service Pool/AP", "photo-credit"),
    ("Getty Images", "photo-credit"),
    ("AFP/Getty", "photo-credit"),
    ("(Photo: Reuters)", "photo-credit"),
    ("Photo: Reuters", "photo-credit"),
    ("Photograph: Murad Sezer/Reuters", "photo-credit"),
    ("REUTERS/Umit Bektas", "photo-credit"),
    ("AP Photo/Burhan Ozbilici", "photo-credit"),
    ("Image copyright Getty Images", "photo-credit"),
    ("Turkish troops near the border in Idlib, Syria, on October 12: Getty", "caption"),
    ("Putin and Erdogan shake hands in Sochi. (Photo: Reuters)", "caption"),
    ("Putin and Erdogan shake hands in Sochi (Reuters)", "caption"),
    ("Erdogan arrives in Sochi. Photograph: Mikhail Klimentyev/Sputnik", "caption"),
    ("Putin speaks in Moscow on Thursday. REUTERS/Maxim Shemetov", "caption"),
    ("Image caption Turkey shot down the Russian jet in 2015", "caption"),
    ("By Jane Doe", "byline"),
    ("By Jane Doe and John Roe, Reuters", "byline"),
    ("By HARRIET AGERHOLM", "byline"),
    ("This story was reported by the Associated Press.", "credit"),
    ("This article originally appeared on Al-Monitor.", "credit"),
    ("Reporting by Tuvan Gumrukcu; Editing by Jon Boyle", "credit"),
    ("Associated Press writer Suzan Fraser in Ankara contributed to this report.", "credit"),
    ("By The Associated Press", "credit"),
    ("© 2017 The Associated Press. All rights reserved.", "copyright"),
    ("Copyright 2016 Reuters", "copyright"),
    ("The Telegraph", "masthead"),
    ("Reuters", "photo-credit"),
]


@pytest.mark.parametrize(("line", "reason"), POSITIVE)
def test_rules_remove_boilerplate_line(line, reason):
    result = _clean_with(line)
    assert [(r.reason, r.text) for r in result.removed] == [(reason, line)]
    assert result.text == f"{BEFORE}\n\n{AFTER}"


NEGATIVE = [
    "The company said it would stop using third-party cookies next year.",
    "We use cookies, the regulator said, but only with consent.",
    "Readers who subscribe to the paper will get the new app for free.",
    "Subscribers to the service complained about the price rise.",
    "You have read the statement of the free Syrian army, he told reporters.",
    "By Thursday, the two sides had agreed on a ceasefire in Idlib.",
    "By October 2017, Turkey had signed a deal to buy the S-400.",
    "By Western standards, the deal is a poor one.",
    "Comments by the foreign minister angered Moscow.",
    "He declined to comment on the reported offer.",
    "Photos of the meeting were shared widely on social media.",
    "Image is everything for the Kremlin, one analyst said.",
    "Reuters reported that the talks would resume on Monday.",
    "Share prices in Istanbul rose 3 percent after the announcement.",
    "Follow the money, the investigators said.",
    "Read more about the deal in the agreement, officials said.",
    "More than 40 people were killed in the attack.",
    "Advertising revenue fell sharply at Turkish broadcasters.",
    "Email exchanges between the two ministries were leaked.",
    "The report was published by Reuters on Monday.",
    "All rights to the pipeline were reserved for Gazprom, he said.",
    "Subscribe, he urged his followers, to the new party channel.",
    "Join the coalition or face sanctions, Washington told Ankara.",
    "Sign up for the ceasefire was slow, officials said.",
    "He spoke to the press: Reuters had asked about the jet.",
    "Turkey and Russia",
]


@pytest.mark.parametrize("line", NEGATIVE)
def test_rules_keep_body_sentence(line):
    result = _clean_with(line)
    assert result.removed == []
    assert line in result.text


def test_rules_every_rule_has_a_known_reason():
    assert {reason for _, reason, _ in LINE_RULES} <= set(REASONS)
    assert all(REASONS[slug] and "\n" not in REASONS[slug] for slug in REASONS)


def test_rules_every_named_rule_fires_somewhere():
    fired = set()
    for line, _ in POSITIVE:
        for name, pattern in cleaner._RULE_PATTERN.items():
            if re.fullmatch(pattern, line):
                fired.add(name)
    assert fired == {name for name, _, _ in LINE_RULES}


def test_rules_lone_name_is_a_byline_only_under_the_headline():
    text = (
        "Putin hails ties with Turkey\n\nHarriet Agerholm\n\n"
        + BEFORE
        + "\n\nVladimir Putin\n\n"
        + AFTER
    )
    result = clean(SourceDoc(origin="t", format="txt", text=text, title_in_text=True))
    assert [(r.reason, r.text) for r in result.removed] == [
        ("headline", "Putin hails ties with Turkey"),
        ("byline", "Harriet Agerholm"),
    ]
    assert result.byline == "Harriet Agerholm"
    assert "\n\nVladimir Putin\n\n" in result.text


def test_rules_by_line_gives_byline_name():
    result = _clean_with("By Jane Doe and John Roe, Reuters")
    assert result.byline == "Jane Doe and John Roe"


def test_rules_caption_beside_credit_only_in_a_two_line_block():
    caption = "Presidents Erdogan and Putin met in Ankara on Sept. 28 to discuss the war."
    text = f"Headline here\n\n{BEFORE}\n\nKayhan Ozer/AP\n{caption}\n\n{AFTER}\n"
    result = clean(SourceDoc(origin="t", format="txt", text=text, title_in_text=True))
    assert [r.reason for r in result.removed] == ["headline", "photo-credit", "caption"]
    # Without blank lines between paragraphs a credit says nothing about its neighbours.
    text = f"Headline here\n{BEFORE}\nKayhan Ozer/AP\n{caption}\n{AFTER}\n"
    result = clean(SourceDoc(origin="t", format="txt", text=text, title_in_text=True))
    assert [r.reason for r in result.removed] == ["headline", "photo-credit"]
    assert caption in result.text


def test_rules_repeated_lines():
    sentence = "Turkey and Russia agreed to restore trade and tourism links after the crisis."
    short = "Short line no stop"
    text = f"{BEFORE}\n\n{sentence}\n\n{AFTER}\n\n{sentence}\n\n{short}\n\n{short}\n\nOk.\n\nOk."
    result = clean(SourceDoc(origin="t", format="txt", text=text, title="T"))
    assert [(r.reason, r.text) for r in result.removed] == [
        ("repeated-line", sentence),
        ("repeated-caption", "Short line no stop"),
        ("repeated-caption", "Short line no stop"),
    ]
    assert result.text.count(sentence) == 1
    assert result.text.endswith("Ok.\n\nOk.")  # too short to call a repeat


def test_rules_body_line_equal_to_title_is_repeated_headline():
    text = f"Putin Hails Ties With Turkey\n\n{BEFORE}\n\n{AFTER}"
    result = clean(
        SourceDoc(origin="t", format="html", text=text, title="Putin hails ties with Turkey")
    )
    assert [(r.reason, r.text) for r in result.removed] == [
        ("repeated-headline", "Putin Hails Ties With Turkey")
    ]
    assert result.title == "Putin hails ties with Turkey"


def test_rules_masthead_then_headline():
    text = f"The Telegraph\nRussia and Turkey to coordinate on Syria\n\n{BEFORE}"
    result = clean(SourceDoc(origin="t", format="txt", text=text, title_in_text=True))
    assert [r.reason for r in result.removed] == ["masthead", "headline"]
    assert (result.title, result.outlet) == (
        "Russia and Turkey to coordinate on Syria",
        "The Telegraph",
    )


def test_rules_long_first_line_is_not_a_headline():
    para = " ".join([BEFORE] * 4)
    result = clean(
        SourceDoc(origin="t", format="txt", text=f"{para}\n\n{AFTER}", title_in_text=True)
    )
    assert result.title is None and result.removed == []


def test_rules_keep_restores_a_removed_line():
    first = _clean_with("Leave a Reply")
    [removed] = first.removed
    again = _clean_with("Leave a Reply", keep={removed.start})
    assert again.removed == []
    assert again.text == f"{BEFORE}\n\nLeave a Reply\n\n{AFTER}"
    assert again.text[again.text.index("Leave") :][:13] == "Leave a Reply"
    i = again.text.index("Leave")
    assert again.offsets.span_to_raw(i, i + 13) == (removed.start, removed.end)


def test_rules_recurring_line_is_removed_and_keyed():
    line = "Sputnik is not responsible for the content of outside websites"
    plain = _clean_with(line)
    assert plain.removed == []
    assert line_key(line) in plain.line_keys
    assert line_key(BEFORE) in plain.line_keys
    result = _clean_with(line, recurring={line_key(line)})
    assert [(r.reason, r.text) for r in result.removed] == [("recurring", line)]
    # A recurring line is still reported, so the runner's counts stay stable across re-cleaning.
    assert line_key(line) in result.line_keys


def test_rules_long_lines_are_never_recurrence_candidates():
    para = " ".join([BEFORE] * 3)
    result = _clean_with(para, recurring={line_key(para)})
    assert result.removed == []
    assert line_key(para) not in result.line_keys


def test_rules_line_key_ignores_case_digits_spaces_and_quotes():
    assert line_key("Sign up  for “Morning Briefing”, 2024") == line_key(
        'sign up for "MORNING BRIEFING", 1999'
    )
    assert line_key("Sign up for Morning Briefing") != line_key("Sign up for Evening Briefing")
    assert len(line_key("x")) == 16


def test_hard_wrapped_lines_join_into_paragraphs_and_map_back():
    from storyline.clean.cleaner import clean
    from storyline.records import SourceDoc

    body = ("Officials in the capital said on Friday that the new bridge would open \n"
            "to traffic next month, two years later than planned, after engineers \n"
            "found cracks in two of its main supports during a routine inspection \n"
            "last spring. The city council approved the extra cost in a vote held \n"
            "on Thursday evening, despite objections from several members who said \n"
            "the contractor should pay for the repairs.\n"
            "Work on the approach roads continues.\n")
    doc = SourceDoc(origin="wire.txt", format="txt", text="Bridge to open late\n" + body,
                    title_in_text=True)
    c = clean(doc)
    assert "would open to traffic next month" in c.text
    assert "\n\n" in c.text  # a line ending a sentence still ends its paragraph
    k = c.text.index("open to")
    assert c.offsets.to_raw(k) == doc.text.index("open \n")
    # one paragraph per line (no fixed width) is left alone
    long = "".join(f"Paragraph {n} of the story runs on " + "and on " * 30 + "without a stop\n"
                   for n in range(6))
    assert clean(SourceDoc(origin="p.txt", format="txt", text=long)).text.count("\n\n") == 5
