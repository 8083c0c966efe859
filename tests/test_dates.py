"""Dates of claims: spans a report names ("this week", "earlier this year", "through the
night", "in a week"), the part of a sentence a day word belongs to, and the dateline's own
day."""

from __future__ import annotations

import datetime as dt

import pytest

from frontline.news.dates import find_dates
from frontline.news.extract import Candidate, extract_claims
from frontline.news.geoparse import cached_matcher, find_mentions
from frontline.news.textspans import dateline_end

THURSDAY = dt.date(2024, 7, 4)


@pytest.fixture(scope="module")
def matcher():
    return cached_matcher()


def claims_of(text: str, matcher, dateline: dt.date = THURSDAY) -> list[Candidate]:
    return extract_claims(text, find_mentions(text, matcher), dateline, outlet="AP")


def date_of_claim(text: str, name: str, matcher, dateline: dt.date = THURSDAY) -> tuple:
    found = [c for c in claims_of(text, matcher, dateline) if c.entry.name == name]
    assert len(found) == 1, [(c.entry.name, c.quote) for c in claims_of(text, matcher, dateline)]
    date = found[0].date
    return (date.start.isoformat(), date.end.isoformat(), date.precision)


@pytest.mark.parametrize(
    ("words", "start", "end", "precision"),
    [
        # THURSDAY is 4 July 2024.
        ("this week", "2024-07-01", "2024-07-04", "week"),
        ("earlier this year", "2024-01-01", "2024-07-03", "range"),
        ("earlier in the year", "2024-01-01", "2024-07-03", "range"),
        ("since the start of the year", "2024-01-01", "2024-07-04", "range"),
        ("last year", "2023-01-01", "2023-12-31", "range"),
        ("earlier this month", "2024-07-01", "2024-07-03", "range"),
        ("earlier in the month", "2024-07-01", "2024-07-03", "range"),
        ("later this month", "2024-07-01", "2024-07-04", "month"),
        ("through the night", "2024-07-03", "2024-07-04", "range"),
        ("throughout the night", "2024-07-03", "2024-07-04", "range"),
        ("during the night into Monday", "2024-06-30", "2024-07-01", "range"),
        ("in a week", "2024-06-28", "2024-07-04", "week"),
        ("over the past week", "2024-06-28", "2024-07-04", "week"),
        ("in the last seven days", "2024-06-28", "2024-07-04", "week"),
        ("last week", "2024-06-24", "2024-06-30", "week"),  # the calendar week before
        # The invasion's first days: 24 to 28 February 2022.
        ("in the first days of the invasion", "2022-02-24", "2022-02-28", "range"),
        ("during the opening days of the war", "2022-02-24", "2022-02-28", "range"),
        ("on the first day of the invasion", "2022-02-24", "2022-02-24", "day"),
        # "under assault since May": from the month's first day to the dateline.
        ("since May", "2024-05-01", "2024-07-04", "range"),
        # A season of a year: its three months; winter runs into the next year.
        ("in the summer of 2014", "2014-06-01", "2014-08-31", "range"),
        ("in spring 2023", "2023-03-01", "2023-05-31", "range"),
        ("during the winter of 2022", "2022-12-01", "2023-02-28", "range"),
    ],
)
def test_spans_a_report_names(words, start, end, precision):
    ((_, _, span),) = find_dates(words, 0, len(words), THURSDAY)
    assert (span.start.isoformat(), span.end.isoformat(), span.precision) == (start, end, precision)


@pytest.mark.parametrize(
    "words", ["within a week", "in a week of the invasion", "over the past week of March"]
)
def test_a_week_of_another_day_is_not_the_week_to_the_dateline(words):
    assert find_dates(words, 0, len(words), THURSDAY) == []


def test_earlier_this_month_on_the_first_is_the_month():
    words = "earlier this month"
    ((_, _, span),) = find_dates(words, 0, len(words), dt.date(2024, 8, 1))
    assert (span.start, span.end, span.precision) == (
        dt.date(2024, 8, 1),
        dt.date(2024, 8, 1),
        "month",
    )


def test_the_night_of_a_day_is_that_day():
    words = "during the night of 3 March"
    ((_, _, span),) = find_dates(words, 0, len(words), THURSDAY)
    assert (span.start, span.precision) == (dt.date(2024, 3, 3), "day")


@pytest.mark.parametrize(
    ("text", "name", "want"),
    [
        (
            "Russian drones struck Kharkiv throughout the night, the mayor said on Thursday.",
            "Kharkiv",
            ("2024-07-03", "2024-07-04", "range"),
        ),
        (
            "Moscow said its troops had captured Krasnohorivka earlier this year.",
            "Krasnohorivka",
            ("2024-01-01", "2024-07-03", "range"),
        ),
        (
            "Russian troops have attacked Vovchansk dozens of times over the past week, the "
            "General Staff said on Thursday.",
            "Vovchansk",
            ("2024-06-28", "2024-07-04", "week"),
        ),
        (
            "Ukrainian forces pushed Russian troops out of Robotyne earlier this month, a "
            "brigade spokesman said on Thursday.",
            "Robotyne",
            ("2024-07-01", "2024-07-03", "range"),
        ),
    ],
)
def test_a_claim_takes_the_span_of_its_clause(matcher, text, name, want):
    assert date_of_claim(text, name, matcher) == want


@pytest.mark.parametrize(
    ("opening", "length"),
    [
        ("Nov 3 (AFP) - ", len("Nov 3 (AFP) - ")),
        ("Sept. 21 (Reuters) — ", len("Sept. 21 (Reuters) — ")),
        ("Odesa, June 9 - ", len("Odesa, June 9 - ")),
        # A day and a dash with no outlet and no place open a sentence, not a dateline.
        ("March 2 – Russian forces crossed the border", 0),
    ],
)
def test_a_dateline_of_a_day_and_an_outlet(opening, length):
    assert dateline_end(opening + "Russian troops shelled Kherson.") == length


def test_the_day_of_the_dateline_dates_no_claim(matcher):
    # Friday 13 October 2023: the clause's own "this week", not the dateline's day before it.
    text = (
        "Oct 13 (AFP) - Fierce fighting raged in the ruined streets and on the approaches "
        "to Marinka this week, Ukraine's military said on Friday."
    )
    assert date_of_claim(text, "Marinka", matcher, dt.date(2023, 10, 13)) == (
        "2023-10-09",
        "2023-10-13",
        "week",
    )


SUNDAY = dt.date(2023, 9, 17)


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        (
            "Kyiv said its forces had retaken Klishchiivka, after claiming on Friday the "
            "recapture of Andriivka.",
            {"Klishchiivka": "2023-09-17", "Andriivka": "2023-09-15"},
        ),
        (
            "The ministry in Moscow said its troops had seized Marinka before reporting on "
            "Thursday the capture of Krasnohorivka.",
            {"Marinka": "2023-09-17", "Krasnohorivka": "2023-09-14"},
        ),
        (
            # The day before the participle clause is the day of both.
            "Ukrainian soldiers raised the flag over Robotyne on Saturday after recapturing "
            "Verbove.",
            {"Robotyne": "2023-09-16", "Verbove": "2023-09-16"},
        ),
    ],
)
def test_a_day_word_in_a_participle_clause_is_its_own(matcher, text, dates):
    claims = claims_of(text, matcher, SUNDAY)
    got = {c.entry.name: c.date.start.isoformat() for c in claims if c.entry.name in dates}
    assert got == dates, [(c.entry.name, c.quote) for c in claims]


@pytest.mark.parametrize(
    ("words", "start", "end", "precision"),
    [
        # THURSDAY is 4 July 2024.
        ("a day after", "2024-07-03", "2024-07-03", "day"),
        ("three days after", "2024-07-01", "2024-07-01", "day"),
        ("two weeks after", "2024-06-17", "2024-06-23", "week"),
        ("two months after", "2024-05-01", "2024-05-31", "month"),
        ("seven months after", "2023-12-01", "2023-12-31", "month"),
    ],
)
def test_an_interval_after_an_event(words, start, end, precision):
    ((_, _, span),) = find_dates(words, 0, len(words), THURSDAY)
    assert (span.start.isoformat(), span.end.isoformat(), span.precision) == (start, end, precision)


MONDAY = dt.date(2024, 5, 20)


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        (
            "Kyiv's worries grow three months after Russia's capture of Pisky.",
            {"Pisky": ("2024-02-01", "month")},
        ),
        (
            "The statement came a day after Russia said its troops had entered Krasnohorivka.",
            {"Krasnohorivka": ("2024-05-19", "day")},
        ),
        (
            # The interval dates what follows it, not the clause it stands in.
            "Russian troops entered Marinka two days after Ukrainian forces withdrew from "
            "Novomykhailivka.",
            {"Marinka": ("2024-05-20", "day"), "Novomykhailivka": ("2024-05-18", "day")},
        ),
        (
            # ... and only as far as the comma that closes it.
            "Two weeks after the loss of Pisky, Ukrainian troops left Lastochkyne.",
            {"Pisky": ("2024-05-06", "week"), "Lastochkyne": ("2024-05-20", "day")},
        ),
    ],
)
def test_an_interval_after_dates_the_event_after_it(matcher, text, dates):
    claims = claims_of(text, matcher, MONDAY)
    got = {
        c.entry.name: (c.date.start.isoformat(), c.date.precision)
        for c in claims
        if c.entry.name in dates
    }
    assert got == dates, [(c.entry.name, c.quote) for c in claims]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # Tuesday 2 January 2024: the nearest day on or before it that the past tense allows.
        ("Russian troops entered Marinka on December 30, Moscow said.", "2023-12-30"),
        ("Russian troops entered Marinka on Friday, Moscow said.", "2023-12-29"),
        ("Russian troops entered Marinka on Tuesday, Moscow said.", "2024-01-02"),
        ("Russian troops entered Marinka on 1 January, Moscow said.", "2024-01-01"),
    ],
)
def test_a_day_without_its_year_is_the_nearest_past_one(matcher, text, want):
    assert date_of_claim(text, "Marinka", matcher, dt.date(2024, 1, 2))[0] == want


def test_a_coming_day_dates_no_claim():
    # "by 10 January" in a report of 2 January is days ahead: no date, not last year's.
    words = "by 10 January"
    assert find_dates(words, 0, len(words), dt.date(2024, 1, 2)) == []


def test_an_interval_counts_back_from_the_day_its_clause_names(matcher):
    text = "Russian troops entered Marinka on Friday, two weeks after the fall of Pisky."
    claims = claims_of(text, matcher, MONDAY)  # Friday 17 May 2024
    got = {c.entry.name: (c.date.start.isoformat(), c.date.precision) for c in claims}
    assert got == {"Marinka": ("2024-05-17", "day"), "Pisky": ("2024-04-29", "week")}


def test_held_since_last_year_is_no_date_of_the_claim():
    words = "in Russian hands since last year"
    assert find_dates(words, 0, len(words), THURSDAY) == []


@pytest.mark.parametrize(
    "words",
    # "The fall of" a place is an event, not a season; a season still to come dates nothing.
    ["since the fall of Bakhmut", "in the autumn of 2030"],
)
def test_what_is_no_season_of_a_past_year(words):
    assert find_dates(words, 0, len(words), THURSDAY) == []


@pytest.mark.parametrize(
    ("text", "name", "want"),
    [
        # A relative clause about a noun dates that noun, not the clause it describes.
        (
            "Russian troops have stepped up attacks on Vovchansk, in an area that had been "
            "quiet for months, officials said.",
            "Vovchansk",
            ("2024-07-04", "2024-07-04", "day"),
        ),
        # ... but a place's own relative clause dates what it tells of the place.
        (
            "Officials spoke of Vovchansk, which has been shelled for months.",
            "Vovchansk",
            ("2022-02-24", "2024-07-04", "range"),
        ),
        # What follows a speaker's words joined by "and" has no date from before them.
        (
            "Shelling went on overnight, he said, and Russian troops attacked Vovchansk.",
            "Vovchansk",
            ("2024-07-04", "2024-07-04", "day"),
        ),
        (
            "Russian troops attacked Vovchansk overnight, he said, and shelling went on.",
            "Vovchansk",
            ("2024-07-03", "2024-07-04", "range"),
        ),
    ],
)
def test_a_date_of_another_part_of_the_sentence(matcher, text, name, want):
    assert date_of_claim(text, name, matcher) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # A speaker named before goes on with the statement the sentence before dated.
        (
            "Russia's defence ministry said on Tuesday its forces had taken Robotyne. The "
            "ministry said its troops had also advanced near Verbove.",
            ("2024-07-02", "2024-07-02", "day"),
        ),
        (
            "Oleksandr Syrskyi said on Monday fighting went on. He said Russian troops had "
            "entered Verbove.",
            ("2024-07-01", "2024-07-01", "day"),
        ),
        # A speaker named anew, or a statement dated before it in other words, is not.
        (
            "Russia's defence ministry said on Tuesday its forces had taken Robotyne. "
            "Ukraine's General Staff said its troops had repelled attacks near Verbove.",
            ("2024-07-04", "2024-07-04", "day"),
        ),
        (
            "On Tuesday the ministry had nothing to say about Robotyne. The ministry said "
            "its troops had advanced near Verbove.",
            ("2024-07-04", "2024-07-04", "day"),
        ),
    ],
)
def test_a_statement_goes_on_in_the_next_sentence(matcher, text, want):
    assert date_of_claim(text, "Verbove", matcher) == want


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Heavy fighting was still reported near Kupiansk and Vovchansk, which Russian "
            "troops entered on Monday, the General Staff said.",
            "Kupiansk",
        ),
        (
            "Ukrainian troops were holding positions in Toretsk, where Russian forces had "
            "attacked on Monday, the brigade said.",
            "Toretsk",
        ),
    ],
)
def test_a_relative_clause_set_off_by_commas_dates_only_itself(matcher, text, name):
    # The day of ", which ... on Monday," is the noun's before it, not the clause around it.
    assert date_of_claim(text, name, matcher) == ("2024-07-04", "2024-07-04", "day")


def test_the_same_day_is_the_day_named_before(matcher):
    text = (
        "Kyiv ordered its troops out of Vuhledar on June 30, saying the town was nearly "
        "encircled. Moscow claimed full control of the town the same day."
    )
    found = [c for c in claims_of(text, matcher) if c.quote.startswith("Moscow")]
    assert [(c.date.start, c.date.precision) for c in found] == [(dt.date(2024, 6, 30), "day")]


def test_the_same_day_with_no_day_before_is_the_dateline(matcher):
    text = "Russian forces entered Toretsk and shelled Kostiantynivka the same day."
    assert date_of_claim(text, "Toretsk", matcher) == ("2024-07-04", "2024-07-04", "day")


@pytest.mark.parametrize(
    ("later", "day"), [("the next day", "2024-07-02"), ("two days later", "2024-07-03")]
)
def test_days_later_count_from_the_day_named_before(matcher, later, day):
    text = (
        "Russian troops pulled out of Sumy on Monday, the governor said. Ukrainian soldiers "
        f"entered Kupiansk {later}."
    )
    assert date_of_claim(text, "Kupiansk", matcher) == (day, day, "day")


def test_a_statement_goes_on_with_the_day_said_after_where_it_was_said(matcher):
    text = (
        "The enemy keeps pressing, an army spokesman said on national television on Tuesday. "
        "He said Ukrainian troops had repelled attacks near Toretsk."
    )
    assert date_of_claim(text, "Toretsk", matcher) == ("2024-07-02", "2024-07-02", "day")


def test_a_claim_without_a_day_takes_the_day_of_the_same_claim_next(matcher):
    text = (
        "Russia's defence ministry says its troops have captured the village of Urozhaine. "
        '"Our units have completely liberated Urozhaine," a ministry spokesman said on Tuesday.'
    )
    dates = {(c.quote[:6], c.date.start) for c in claims_of(text, matcher) if c.status}
    assert dates == {("Russia", dt.date(2024, 7, 2)), ('"Our u', dt.date(2024, 7, 2))}
