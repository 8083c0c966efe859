"""Geoparsing: gazetteer, romanisation, matching, disambiguation and the roles of mentions."""

from __future__ import annotations

from pathlib import Path

import pytest

from frontline.folding import normalise
from frontline.news.gazetteer import canonical_name, oblast_spellings, slugify
from frontline.news.geoparse import (
    DATELINE,
    LOCATOR,
    METONYMY,
    OFFICE,
    PLACE,
    Mention,
    cached_matcher,
    find_mentions,
    places_of_change,
)
from frontline.news.romanize import romanize_uk
from frontline.news.textspans import clauses, dateline_end, sentences

DATA = Path(__file__).resolve().parent.parent / "data"
SEED = DATA / "articles" / "afp-2022-09-11-f299b479.txt"


@pytest.fixture(scope="module")
def matcher():
    return cached_matcher()


def _by_text(mentions: list[Mention]) -> dict[str, Mention]:
    return {m.text: m for m in mentions}


@pytest.mark.parametrize(
    ("cyrillic", "latin"),
    [
        ("Куп’янськ", "Kupiansk"),
        ("Ізюм", "Izium"),
        ("Балаклія", "Balakliia"),
        ("Лиман", "Lyman"),
        ("Харків", "Kharkiv"),
        ("Запоріжжя", "Zaporizhzhia"),
        ("Київ", "Kyiv"),
        ("Єнакієве", "Yenakiieve"),
        ("Згурівка", "Zghurivka"),
        ("Юрківка", "Yurkivka"),
        ("Щастя", "Shchastia"),
        ("Кам’янець-Подільський", "Kamianets-Podilskyi"),
    ],
)
def test_romanisation_follows_the_official_table(cyrillic, latin):
    assert romanize_uk(cyrillic) == latin


def test_canonical_name_prefers_the_ukrainian_form_close_to_the_geonames_name():
    assert canonical_name("Kupyansk", ["Kupjansk", "Купянск", "Куп’янськ"]) == (
        "Kupiansk",
        "Куп’янськ",
    )
    # A historical Cyrillic name far from every Latin one does not rename the place.
    assert canonical_name("Dnipro", ["Dnipro", "Січеслав", "Дніпро"])[0] == "Dnipro"
    assert canonical_name("Somewhere", ["Совсем другое"]) == ("Somewhere", "")


def test_normalise_keeps_length_and_unifies_apostrophes():
    text = "Kyiv’s İstanbul"
    assert len(normalise(text)) == len(text)
    assert normalise(text).startswith("kyiv's")


def test_slugs_and_oblast_spellings():
    assert slugify("Kupiansk") == "kupiansk"
    assert slugify("Kamianets-Podilskyi") == "kamianets-podilskyi"
    names = oblast_spellings(
        "Kharkiv", "Kharkivska oblast", ["Kharkov", "Stalino"], "Харківська область", ""
    )
    assert {"Kharkiv region", "Kharkov oblast", "Kharkivska oblast", "Харківської області"} <= names
    assert "Stalino region" not in names


def test_seed_article_places_and_coordinates(matcher):
    text = SEED.read_text(encoding="utf-8")
    mentions = find_mentions(text, matcher)
    found = {(m.entry.name, m.role) for m in mentions}
    assert ("Kupiansk", PLACE) in found
    assert ("Izium", PLACE) in found
    assert ("Kharkiv", DATELINE) in found
    assert ("Donetsk region", PLACE) in found and ("Kharkiv region", PLACE) in found
    lyman = next(m for m in mentions if m.text == "Lyman")
    assert lyman.entry.geonames_id == 704204 and lyman.entry.oblast == "UA-14"
    assert abs(lyman.entry.lat - 48.99012) < 0.01 and abs(lyman.entry.lon - 37.80843) < 0.01
    kyiv = next(m for m in mentions if m.text == "Kyiv")
    assert kyiv.role == METONYMY
    assert "Kyiv" not in {m.entry.name for m in places_of_change(mentions)}


def test_spelling_variants_cyrillic_and_inflection(matcher):
    text = (
        "Troops entered Kupyansk and Izyum, then Balakliya. Бої біля Ізюма та "
        "у Куп’янську тривають."
    )
    names = [m.entry.name for m in find_mentions(text, matcher)]
    assert names == ["Kupiansk", "Izium", "Balakliia", "Izium", "Kupiansk"]


def test_one_edit_misspellings_are_found_but_ordinary_words_are_not(matcher):
    text = (
        "Ukrainian troops reached Kupinask and Sviatohrisk. The Ukrainian army and "
        "Russian officials met in March on a Saturday; the Kremlin said nothing."
    )
    mentions = find_mentions(text, matcher)
    assert [(m.entry.name, m.how) for m in mentions] == [
        ("Kupiansk", "fuzzy"),
        ("Sviatohirsk", "fuzzy"),
    ]
    assert all(m.score < 1 for m in mentions)


def test_ukrainian_is_not_the_village_ukrainka(matcher):
    mentions = find_mentions("Ukrainian forces and Ukrainians said so.", matcher)
    assert mentions == []


@pytest.mark.parametrize(
    ("text", "oblast"),
    [
        ("Shelling hit the village of Lyman in the Kharkiv region.", "UA-63"),
        ("Fighting near Lyman in the Donetsk region.", "UA-14"),
        ("A drone struck near Lyman, Odesa region.", "UA-51"),
        ("Troops advanced on Lyman after Siversk and Sviatohirsk.", "UA-14"),
    ],
)
def test_the_three_lymans_are_told_apart_by_context(matcher, text, oblast):
    lyman = _by_text(find_mentions(text, matcher))["Lyman"]
    assert lyman.entry.oblast == oblast


def test_population_settles_a_name_without_context(matcher):
    lyman = _by_text(find_mentions("They took Lyman.", matcher))["Lyman"]
    assert lyman.entry.geonames_id == 704204
    bakhmut = _by_text(find_mentions("Artemivsk was renamed.", matcher))["Artemivsk"]
    assert bakhmut.entry.name == "Bakhmut"
    kreminna = _by_text(find_mentions("Near Kremennaya and Bakhmut.", matcher))["Kremennaya"]
    assert kreminna.entry.name == "Kreminna"


def test_region_is_the_oblast_and_the_bare_name_is_the_city(matcher):
    mentions = _by_text(
        find_mentions(
            "Shells fell on Donetsk and across the Donetsk region, and in Донецькій області.",
            matcher,
        )
    )
    assert mentions["Donetsk"].entry.kind == "city"
    assert mentions["Donetsk region"].entry.kind == "oblast"
    assert mentions["Donetsk region"].entry.oblast == "UA-14"
    assert mentions["Донецькій області"].entry.key == "oblast:UA-14"


def test_an_autonomous_republic_is_named_by_its_short_name(matcher):
    text = "The bridge links Crimea to Russia; Кримом and Крым were shelled."
    assert [m.entry.key for m in find_mentions(text, matcher)] == ["oblast:UA-43"] * 3


def test_two_oblasts_named_by_one_noun(matcher):
    mentions = find_mentions("Moscow claimed the Donetsk and Luhansk regions.", matcher)
    assert [m.entry.key for m in mentions] == ["oblast:UA-14", "oblast:UA-09"]


@pytest.mark.parametrize(
    "text",
    [
        "Kyiv's troops advanced.",
        "Kyiv’s troops advanced.",
        "Kyiv insisted it would win.",
        "Kyiv-backed forces moved.",
        "Kyiv denounced the vote.",
        "Kyiv has thrown its reserves into the battle.",
        "Moscow deployed conscripts; Kyiv poured in drones.",
    ],
)
def test_metonymy_is_not_a_place_of_change(matcher, text):
    mentions = find_mentions(text, matcher)
    assert [m.role for m in mentions] == [METONYMY]


def test_people_offices_rivers_and_locators(matcher):
    mentions = find_mentions(
        "President Volodymyr Zelensky visited. The governor of the Luhansk region said "
        "troops crossed the Dnipro near Kherson. Balakliia, a town in the Kharkiv region, "
        "was retaken.",
        matcher,
    )
    roles = [(m.text, m.role) for m in mentions]
    assert roles == [
        ("Luhansk region", OFFICE),
        ("Kherson", PLACE),
        ("Balakliia", PLACE),
        ("Kharkiv region", LOCATOR),
    ]


def test_sentences_clauses_and_dateline():
    text = 'KYIV (Reuters) - Troops left. Mr. Smith said so; "It fell," he added.\n\nEnd.'
    assert dateline_end(text) == len("KYIV (Reuters) - ")
    spans = [text[s:e] for s, e in sentences(text)]
    assert spans == [
        "KYIV (Reuters) -",
        "Troops left.",
        'Mr. Smith said so; "It fell," he added.',
        "End.",
    ]
    start = text.index("Mr.")
    assert [text[s:e] for s, e in clauses(text, start, text.index("\n"))] == [
        "Mr. Smith said so",
        '"It fell," he added.',
    ]
    assert dateline_end("Ukrainian forces said that NATO - the alliance") == 0


def test_the_records_villages_are_found_where_the_record_has_them(matcher):
    # Pavlivka near Vuhledar and Novodarivka are in the record but not in GeoNames' extract.
    text = "Troops took Novodarivka. Shells hit Pavlivka in the Donetsk region."
    mentions = _by_text(find_mentions(text, matcher))
    assert mentions["Novodarivka"].entry.key == "record:novodarivka"
    assert mentions["Pavlivka"].entry.oblast == "UA-14"


def test_a_list_closed_by_an_oblast_is_in_that_oblast_or_not_found(matcher):
    text = "Russia says it holds Pavlivka, Semenivka and Berdychi in the Donetsk Oblast."
    found = {m.text: m.entry.oblast for m in find_mentions(text, matcher)}
    # Pavlivka and Berdychi are the Donetsk ones; this Semenivka is in no source: not a
    # Semenivka of another oblast, nor Berdychiv.
    assert found == {"Pavlivka": "UA-14", "Berdychi": "UA-14", "Donetsk Oblast": "UA-14"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Shelling hit the outskirts of the Lyman overnight.", "Lyman"),
        ("Reinforcements moved into the Kreminna and Svatove districts.", "Svatove"),
        ("Reinforcements moved into the Kreminna and Svatove districts.", "Kreminna"),
        ("Fighting went on in the Avdiivka sector.", "Avdiivka"),
    ],
)
def test_a_town_after_the_is_still_a_town(matcher, text, name):
    assert name in {m.text for m in places_of_change(find_mentions(text, matcher))}


@pytest.mark.parametrize(
    "text",
    [
        "Troops dug in along the Oskil.",
        "Boats crossed the Inhulets at dawn.",
        "They held a line on the Oskil river.",
        "Both banks of the river Dnipro were mined.",
    ],
)
def test_rivers_are_never_settlements(matcher, text):
    assert places_of_change(find_mentions(text, matcher)) == []


def test_a_side_adjective_does_not_make_a_persons_name(matcher):
    text = "Residents of Russian-occupied Horlivka and Ukrainian-controlled Mykolaiv fled."
    assert {m.text for m in find_mentions(text, matcher)} == {"Horlivka", "Mykolaiv"}


@pytest.mark.parametrize(
    "text",
    [
        "Putin spoke of victory.",
        "Ships left the Sea of Azov.",
        "Grain crossed the Azov Sea.",
        "Sloboda Ukraine was settled by Cossacks.",
    ],
)
def test_people_seas_and_historical_regions_are_not_villages(matcher, text):
    assert find_mentions(text, matcher) == []


def test_governments_and_title_case_datelines_are_not_places_of_change(matcher):
    mentions = find_mentions("Pro-Kyiv officials said Lyman was calm.", matcher)
    assert [(m.text, m.role) for m in mentions] == [("Kyiv", METONYMY), ("Lyman", PLACE)]
    text = "Kharkiv, Sept. 10 (Reuters) - Ukrainian troops entered Kupiansk."
    assert [(m.text, m.role) for m in find_mentions(text, matcher)] == [
        ("Kharkiv", DATELINE),
        ("Kupiansk", PLACE),
    ]


def test_a_village_far_from_the_articles_places_is_not_a_namesake(matcher):
    # This Semenivka (by Avdiivka) is in no source; its namesakes are hundreds of km away.
    text = "Russia said it took Ocheretyne and Berdychi, then Semenivka, north of Avdiivka."
    assert "Semenivka" not in {m.text for m in find_mentions(text, matcher)}
    # Alone, or near its own namesake, a village is still found.
    assert "Semenivka" in {m.text for m in find_mentions("Troops left Semenivka.", matcher)}


def test_a_saved_place_the_record_also_has_is_one_entry(tmp_path):
    import shutil

    from frontline.news.gazetteer import load_gazetteer

    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    with (data / "places.csv").open("a", encoding="utf-8") as out:
        out.write("klishchiivka,Klishchiivka,village,UA-14,48.528,37.958,,,,,\n")
    keys = [e.key for e in load_gazetteer(data).candidates("Klishchiivka")]
    assert keys == ["place:klishchiivka"]


def test_a_village_by_the_articles_other_places_beats_a_larger_namesake(matcher):
    # Yampil by Lyman (Donetsk oblast, some 2,300 people), not the town of 11,000 in
    # Vinnytsia oblast, though Lyman has namesakes of its own.
    text = "Kyiv said its forces had taken Yampil near Lyman."
    yampil = next(m for m in find_mentions(text, matcher) if m.text == "Yampil")
    assert yampil.entry.oblast == "UA-14"
    # A village by a place with no namesake, against one ten times its size far away.
    text = "Ukrainian troops left Prylisne near Kramatorsk."
    prylisne = next(m for m in find_mentions(text, matcher) if m.text == "Prylisne")
    assert prylisne.entry.oblast == "UA-14"
    assert next(iter(find_mentions("Troops left Prylisne.", matcher))).entry.oblast == "UA-07"


def test_a_namesake_the_record_lists_is_the_one_a_war_report_means(matcher):
    # Alone, "Yampil" is the front-line village the record lists (Donetsk oblast), not the
    # larger town in Vinnytsia oblast.
    alone = find_mentions("Troops entered Yampil.", matcher)
    assert alone[0].entry.oblast == "UA-14" and alone[0].entry.in_record


def test_a_misspelling_far_from_the_articles_places_is_not_read_as_a_namesake(matcher):
    # Hrakove (Kharkiv oblast) is in no source; Hrabove, one edit away, is in Odesa oblast.
    text = "Ukrainian troops recaptured Hrakove near Kupiansk."
    assert [m.text for m in find_mentions(text, matcher)] == ["Kupiansk"]
    # With no other place to go by, a misspelling is still read.
    alone = find_mentions("Ukrainian troops recaptured Hrakove.", matcher)
    assert [(m.text, m.entry.name) for m in alone] == [("Hrakove", "Hrabove")]


@pytest.mark.parametrize(
    "text, name",
    [
        ("Taking Bakhmut would give Russia a path to Kramatorsk.", "Bakhmut"),
        ("Capturing Avdiivka took Russia four months.", "Avdiivka"),
        ('"Retaken Kherson is free," he said.', "Kherson"),
    ],
)
def test_a_verb_that_opens_a_sentence_is_no_part_of_a_name(matcher, text, name):
    assert name in {m.text for m in find_mentions(text, matcher)}


def test_an_oblast_named_elsewhere_in_the_article_tells_namesakes_apart(matcher):
    # Andriivka of the Zaporizhzhia region, not the larger one of the Kharkiv region.
    text = "Fighting went on in the Zaporizhzhia region on Monday. Russian troops took Andriivka."
    andriivka = next(m for m in find_mentions(text, matcher) if m.text == "Andriivka")
    assert andriivka.entry.oblast == "UA-23"
    alone = next(m for m in find_mentions("Russian troops took Andriivka.", matcher))
    assert alone.entry.oblast == "UA-63"


def test_an_oblast_in_brackets_closes_a_list_and_locates_a_name_no_source_has(matcher):
    # This Semenivka (Donetsk oblast) is in no source: not read as the Poltava one.
    text = "Ukrainian troops recaptured Andriivka and Semenivka (Donetsk Oblast)."
    assert [(m.text, m.entry.oblast) for m in find_mentions(text, matcher) if m.role == PLACE] == [
        ("Andriivka", "UA-14")
    ]
    # An oblast after a name no source has still only says where it is.
    text = "Ukrainian troops recaptured Andriivka and Semenivka in the Kharkiv region."
    roles = {m.text: m.role for m in find_mentions(text, matcher)}
    assert roles["Kharkiv region"] == LOCATOR


def test_every_place_of_the_record_is_in_the_gazetteer_under_its_name(matcher):
    from frontline.news.geoparse import haversine_km
    from frontline.record.load import load_record

    record = load_record(DATA)
    places = [p for p in record.places.values() if p.oblast]  # outside Ukraine: none
    assert len(places) > 600
    for place in places:
        nearest = min(
            (
                haversine_km(place.lat, place.lon, e.lat, e.lon)
                for e in matcher.gazetteer.candidates(place.name)
            ),
            default=None,
        )
        assert nearest is not None and nearest <= 10, (place.place_id, nearest)


# --- namesakes told apart by the article's geography (a small made-up gazetteer) ----------


def _made_up_matcher():
    from frontline.news.gazetteer import Entry, Gazetteer
    from frontline.news.geoparse import build_matcher

    gazetteer = Gazetteer()

    def add(key, name, kind, oblast, lat, lon, population=0, names=(), in_record=False):
        gazetteer.add(
            Entry(
                key,
                name,
                kind,
                oblast,
                lat,
                lon,
                population,
                None,
                (name, *names),
                "",
                "",
                "",
                in_record,
            )
        )

    add("oblast:UA-14", "Donetsk region", "oblast", "UA-14", 48.0, 37.7, names=("Donetsk oblast",))
    add("oblast:UA-23", "Zaporizhzhia region", "oblast", "UA-23", 47.5, 35.8)
    add("oblast:UA-53", "Poltava region", "oblast", "UA-53", 49.6, 34.5)
    add("oblast:UA-35", "Kirovohrad region", "oblast", "UA-35", 48.5, 32.3)
    # Three towns of one stretch of the front, each the only place of its name.
    add("gn:1", "Ridkove", "town", "UA-14", 48.30, 37.20, 20_000)
    add("gn:2", "Lisnopil", "town", "UA-14", 48.24, 37.31, 9_000)
    add("gn:3", "Kamianobrid", "town", "UA-14", 48.20, 37.22, 12_000)
    add("gn:4", "Stepnohirsk", "town", "UA-23", 47.60, 35.40, 8_000)
    # Vyshnivka: a village the record lists by Lisnopil, a larger namesake 45 km off.
    add("record:vyshnivka", "Vyshnivka", "village", "UA-14", 48.27, 37.28, in_record=True)
    add("gn:10", "Vyshnivka", "village", "UA-14", 47.93, 36.98, 1_500)
    # Sadky: a Poltava town and a Kirovohrad village, nothing by the front.
    add("gn:11", "Sadky", "town", "UA-53", 49.45, 35.13, 14_000)
    add("gn:12", "Sadky", "village", "UA-35", 48.44, 32.05, 700)
    # Kruta Balka: one town of that name, in Dnipropetrovsk oblast.
    add("gn:15", "Kruta Balka", "town", "UA-12", 48.41, 33.70, 18_000)
    # Hrabivka: a village's own name, and a former name of a city by it.
    add("gn:16", "Hrabivka", "village", "UA-14", 48.26, 37.38, 2_300)
    add("gn:17", "Myrnopil", "city", "UA-14", 48.31, 37.26, 46_000, names=("Hrabivka",))
    # Berestianka: a front-line village the record lists, and a town thirty times its size.
    add("gn:18", "Berestianka", "village", "UA-14", 48.26, 37.24, 700, in_record=True)
    add("gn:19", "Berestianka", "town", "UA-12", 48.10, 33.50, 21_000)
    add("gn:20", "Kryvorizhne", "town", "UA-12", 48.05, 33.45, 30_000)
    add("gn:21", "Inhulivka", "village", "UA-12", 48.15, 33.58, 2_000)
    # Former names: of a Crimean village far from the front, and of a village by it.
    add("gn:22", "Nyzhnia Sosnivka", "village", "UA-43", 45.10, 34.20, 800, names=("Hrebinky",))
    add("gn:23", "Zoriane", "village", "UA-14", 48.25, 37.25, 900, names=("Chervone",))
    # Vilkhuvatka: two villages far from the front, one by Prutove, which is only in the
    # Odesa region.
    add("gn:24", "Vilkhuvatka", "village", "UA-51", 46.70, 30.60, 1_300)
    add("gn:25", "Vilkhuvatka", "village", "UA-43", 45.80, 33.80, 1_100)
    add("gn:26", "Prutove", "village", "UA-51", 46.72, 30.65, 900)
    return build_matcher(gazetteer)


@pytest.fixture(scope="module")
def made_up():
    return _made_up_matcher()


def _places(text, matcher):
    return {m.text: m.entry.key for m in find_mentions(text, matcher)}


def test_the_namesake_nearest_the_articles_places_beats_a_larger_one(made_up):
    text = (
        "Shelling hit Ridkove and Kamianobrid overnight. Troops held Vyshnivka, east of Lisnopil."
    )
    assert _places(text, made_up)["Vyshnivka"] == "record:vyshnivka"
    # Alone, the larger namesake.
    assert _places("Troops held Vyshnivka.", made_up)["Vyshnivka"] == "gn:10"


def test_a_namesake_in_another_oblast_than_the_one_beside_it_is_not_found(made_up):
    text = (
        "Ridkove and Lisnopil were shelled. Moscow said it took Sadky, a village south of "
        "Kamianobrid in the Donetsk region."
    )
    assert "Sadky" not in _places(text, made_up)
    assert _places("Moscow said it took Sadky.", made_up)["Sadky"] == "gn:11"


def test_the_only_place_of_a_name_is_not_found_far_off_in_another_oblast_than_named(made_up):
    text = (
        "Ridkove, Lisnopil and Stepnohirsk were shelled. An official of the Zaporizhzhia "
        "region said the attack towards Kruta Balka was stopped."
    )
    assert "Kruta Balka" not in _places(text, made_up)
    # With no oblast beside it, or its own, the one Kruta Balka stands.
    text = "Ridkove, Lisnopil and Stepnohirsk were shelled. Drones hit Kruta Balka."
    assert _places(text, made_up)["Kruta Balka"] == "gn:15"


def test_a_name_alone_is_the_records_namesake_though_another_is_far_larger(made_up):
    assert _places("Troops entered Berestianka.", made_up)["Berestianka"] == "gn:18"
    # Beside the other one's neighbours, the other one.
    text = "Drones hit Kryvorizhne and Inhulivka, then Berestianka."
    assert _places(text, made_up)["Berestianka"] == "gn:19"


def test_a_former_name_of_a_place_far_from_the_articles_places_is_not_read_as_it(made_up):
    # The Hrebinky meant is one no source has, not the Crimean village once so called.
    assert "Hrebinky" not in _places("Shelling hit Ridkove. Troops entered Hrebinky.", made_up)
    assert _places("Troops entered Hrebinky.", made_up)["Hrebinky"] == "gn:22"
    # Near the article's places, a former name is still read as the place.
    assert _places("Shelling hit Ridkove. Troops entered Chervone.", made_up)["Chervone"] == "gn:23"


def test_a_places_own_name_beats_another_places_former_name(made_up):
    # A village's name, letter for letter, against a city twenty times its size that once
    # bore it.
    assert _places("Troops were shelled at Hrabivka.", made_up)["Hrabivka"] == "gn:16"
    assert _places("Troops were shelled at Myrnopil.", made_up)["Myrnopil"] == "gn:17"


def test_an_officials_remit_is_no_place_of_change(matcher):
    text = "An official in the Russian-held part of the Kherson region said Oleshky was shelled."
    assert [(m.text, m.role) for m in find_mentions(text, matcher)] == [
        ("Kherson region", OFFICE),
        ("Oleshky", PLACE),
    ]


@pytest.mark.parametrize(
    "text, name, key",
    [
        ("Kherson governor Ivan Petrenko said two people were hurt.", "Kherson", "oblast:UA-65"),
        ("The Mykolaiv regional administration reported a strike.", "Mykolaiv", "oblast:UA-48"),
        ("Sumy regional military administration said shells fell.", "Sumy", "oblast:UA-59"),
        ("The Sumy Regional Military Administration said shells fell.", "Sumy", "oblast:UA-59"),
        ("Kharkiv's governor told residents to stay inside.", "Kharkiv", "oblast:UA-63"),
        # A city has its own mayor, council and administration.
        ("Kherson mayor Petro Ivanenko said water was back.", "Kherson", "gn:706448"),
        ("The Mykolaiv city administration reported a strike.", "Mykolaiv", "gn:700569"),
        ("Drones hit the Sumy regional centre overnight.", "Sumy", "gn:692194"),
    ],
)
def test_a_governor_or_a_regional_body_is_the_oblasts(matcher, text, name, key):
    assert _places(text, matcher)[name] == key


def test_a_regional_bodys_capitalised_name_is_no_persons(matcher):
    # "Poltava Regional" is no one's name: Poltava is still found after it.
    text = "The Poltava Regional Administration said drones hit Poltava and Myrhorod."
    assert [(m.text, m.entry.kind, m.role) for m in find_mentions(text, matcher)] == [
        ("Poltava", "oblast", OFFICE),
        ("Poltava", "city", PLACE),
        ("Myrhorod", "town", PLACE),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Fighters of the Luhansk People's Republic shelled Luhansk and Lysychansk.",
        "A drone hit the Luhansk CHP-2 boiler house. Luhansk and Lysychansk lost power.",
        "The Luhansk Brigade said Luhansk and Lysychansk were quiet.",
    ],
)
def test_a_body_or_facility_named_after_a_place_is_no_persons_name(matcher, text):
    # The republic is no settlement; the city it is named after is found elsewhere.
    mentions = [(m.text, m.start) for m in find_mentions(text, matcher)]
    assert [t for t, _ in mentions].count("Lysychansk") == 1
    assert any(t == "Luhansk" and start > text.index("Luhansk and") - 1 for t, start in mentions)
    assert all(t != "Luhansk" or "People" not in text[start : start + 20] for t, start in mentions)


def test_a_republic_named_after_an_oblast_is_no_place_but_tells_the_oblast(matcher):
    text = "Fighters of the Luhansk People's Republic said they took Orikhove."
    assert [(m.text, m.entry.oblast) for m in find_mentions(text, matcher)] == [
        ("Orikhove", "UA-09")
    ]
    # Without it, the largest Orikhove.
    assert _places("Russia said it took Orikhove.", matcher)["Orikhove"] != "record:orikhove"


def test_a_town_that_only_locates_the_place_before_it_is_a_landmark(matcher):
    text = "Separatists stormed Marinka, a town on the western outskirts of Donetsk, after a siege."
    assert [(m.text, m.role) for m in find_mentions(text, matcher)] == [
        ("Marinka", PLACE),
        ("Donetsk", LOCATOR),
    ]
    # A clause of its own in the apposition tells of the place it names.
    text = "Troops left Soledar, a town that Russia has shelled since the fall of Bakhmut."
    assert [m.role for m in find_mentions(text, matcher)] == [PLACE, PLACE]


def test_a_persons_name_that_is_a_place_is_still_a_persons(matcher):
    # A first name and a surname, or a title and a surname, that a village bears too.
    text = "Vasyl Lozove said Lysychansk was shelled. Colonel Lozove said so again."
    assert [m.text for m in find_mentions(text, matcher)] == ["Lysychansk"]


@pytest.mark.parametrize(
    "text",
    [
        "KHARKIV/KYIV, March 4 (Reuters) - Russian troops entered Kupiansk, officials said.",
        "Kharkiv/Kyiv, March 4 (AFP) - Russian troops entered Kupiansk, officials said.",
        "ODESA/KHERSON: Russian troops entered Kupiansk, officials said.",
    ],
)
def test_a_dateline_of_two_cities_is_the_dateline(matcher, text):
    roles = [m.role for m in find_mentions(text, matcher)]
    assert roles == [DATELINE, DATELINE, PLACE]


def test_an_all_caps_dateline_with_country_and_day_is_no_place_of_change(matcher):
    text = "SUMY, Ukraine, Feb. 2 (AFP) - Shelling hit Sumy and Okhtyrka overnight."
    assert [(m.text, m.role) for m in find_mentions(text, matcher)] == [
        ("SUMY", DATELINE),
        ("Sumy", PLACE),
        ("Okhtyrka", PLACE),
    ]
    dateline = "ODESA, Ukraine, June 8 — "
    assert dateline_end(dateline + "Drones hit Izmail.") == len(dateline)
    # Capitals within the prose are no dateline.
    assert dateline_end("The troops said SUMY, Ukraine, Feb. 2 - was quiet.") == 0


def test_a_town_after_a_compass_direction_before_a_nearer_place_is_a_landmark(matcher):
    text = "Troops repelled an assault south of Bakhmut near the village of Klishchiivka."
    assert [(m.text, m.role) for m in find_mentions(text, matcher)] == [
        ("Bakhmut", LOCATOR),
        ("Klishchiivka", PLACE),
    ]
    # Two places joined as a list are both places.
    text = "Troops repelled assaults south of Bakhmut and near Klishchiivka."
    assert [m.role for m in find_mentions(text, matcher)] == [PLACE, PLACE]


def test_a_place_before_a_title_or_an_outlet_is_no_part_of_a_persons_name():
    from frontline.news.geoparse import cached_matcher, find_mentions

    text = (
        "Russian troops shelled villages north of Kharkiv overnight. Kharkiv Gov. Oleh Syniehubov "
        "said two people were hurt. The Kyiv Independent could not verify the report. Ukrainian "
        "forces said they held their positions near Kyiv and in the south."
    )
    found = {(m.text, m.entry.kind) for m in find_mentions(text, cached_matcher())}
    assert ("Kyiv", "city") in found
    assert ("Kharkiv", "city") in found
    assert ("Kharkiv", "oblast") in found


def test_an_outlet_named_after_a_city_is_no_place():
    from frontline.news.geoparse import cached_matcher, find_mentions

    text = "The Kyiv Independent could not verify the claim. Fighting went on near Kyiv."
    starts = [m.start for m in find_mentions(text, cached_matcher()) if m.text == "Kyiv"]
    assert starts == [text.rindex("Kyiv")]


def test_a_government_after_an_auxiliary_is_no_place():
    from frontline.news.geoparse import METONYMY, cached_matcher, find_mentions

    text = (
        "The advance near Robotyne was slower than Kyiv had hoped. They were the first gains "
        "Kyiv has announced this month."
    )
    roles = [m.role for m in find_mentions(text, cached_matcher()) if m.text == "Kyiv"]
    assert roles == [METONYMY, METONYMY]


def test_a_word_read_within_one_edit_is_no_sure_place_to_choose_namesakes_by(made_up):
    # "Prytove" is a village no source has, not the Prutove across the country: it is
    # dropped, and lends the Vilkhuvatka by it no ground either.
    text = (
        "Shelling hit Ridkove and Lisnopil. Moscow said it took Vilkhuvatka and Prytove, "
        "two villages south of Kamianobrid."
    )
    places = _places(text, made_up)
    assert "Prytove" not in places
    assert "Vilkhuvatka" not in places
    # Spelt as it is, Prutove is a sure place, and the Vilkhuvatka by it the one meant.
    text = "Moscow said it took Vilkhuvatka and Prutove."
    assert _places(text, made_up)["Vilkhuvatka"] == "gn:24"


def test_a_capitalised_bracketed_part_of_a_records_name_is_another_name_of_the_place():
    from types import SimpleNamespace

    from frontline.news.gazetteer import Gazetteer, _record_entries
    from frontline.news.geoparse import build_matcher

    def place(place_id, name, names):
        return SimpleNamespace(
            place_id=place_id,
            name=name,
            names=names,
            oblast="UA-51",
            lat=45.3,
            lon=30.2,
            geonames_id=None,
        )

    gazetteer = Gazetteer()
    places = [
        place("ostriv", "Ostriv", ("Ostriv (Gull Rock)",)),
        place("vyshneve", "Vyshneve", ("Vyshneve (village)",)),
    ]
    for entry in _record_entries(gazetteer, places):
        gazetteer.add(entry)
    matcher = build_matcher(gazetteer)
    found = {m.text: m.entry.key for m in find_mentions("Troops landed on Gull Rock.", matcher)}
    assert found == {"Gull Rock": "record:ostriv"}
    # A lower-case part tells the kind of place: it is no name.
    assert not find_mentions("It was a village near the coast.", matcher)
    assert "Vyshneve" in {m.text for m in find_mentions("Troops left Vyshneve.", matcher)}


def test_the_only_place_of_a_name_far_off_in_no_oblast_the_report_names_is_not_found(made_up):
    # The oblast is named in another sentence: the report is about it all the same.
    text = (
        "Fighting went on across the Donetsk region. Ukraine said its troops had retaken "
        "Kruta Balka, while Ridkove and Lisnopil were shelled."
    )
    assert "Kruta Balka" not in _places(text, made_up)
    text = (
        "Ukraine said its troops had retaken Kruta Balka, while Ridkove and Lisnopil were shelled."
    )
    assert _places(text, made_up)["Kruta Balka"] == "gn:15"


def test_a_list_closed_by_an_oblast_tells_the_oblast_of_the_name_elsewhere(made_up):
    text = (
        "Drones hit Sadky. Officials said Inhulivka and Sadky in the Kirovohrad region "
        "lost power. Sadky was hit again at dawn, and so was Sadky in the Poltava region."
    )
    found = [(m.text, m.entry.key) for m in find_mentions(text, made_up)]
    sadky = [key for name, key in found if name == "Sadky"]
    assert sadky == ["gn:12", "gn:12", "gn:12", "gn:11"]
