"""The Import page: upload, preview on the map and in tables, problems by file, line and
field, save through the commit, a second save adds nothing, and hostile text stays text."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
import streamlit_folium
from streamlit.testing.v1 import AppTest

from frontline.app.importui import safe_name
from frontline.importers.saved import import_files, load_saved
from frontline.store import load_dataset
from tests.conftest import ROOT

PAGE = str(ROOT / "pages" / "5_Import.py")
FIXTURES = Path(__file__).parent / "fixtures" / "import"
HOSTILE = "<img src=x onerror=alert(1)>`${1}`"


@pytest.fixture
def maps(monkeypatch):
    """The maps the page draws, as folium renders them."""
    drawn: list[str] = []

    def record(fmap, *_args, **_kwargs):
        drawn.append(fmap.get_root().render())
        return {}

    monkeypatch.setattr(streamlit_folium, "st_folium", record)
    return drawn


def upload(app: AppTest, fmt: str, *files: tuple[str, bytes], mapping=None) -> AppTest:
    app.selectbox[0].select(fmt).run()
    app.file_uploader[0].set_value([(name, raw, "text/csv") for name, raw in files]).run()
    if mapping is not None:
        app.file_uploader[1].set_value((mapping[0], mapping[1], "application/toml")).run()
    return app


def button(app: AppTest, label: str):
    (found,) = [b for b in app.button if b.label.startswith(label)]
    return found


def frame(app: AppTest, column: str):
    (found,) = [d.value for d in app.dataframe if column in d.value.columns]
    return found


def fixture(name: str) -> tuple[str, bytes]:
    return name, (FIXTURES / name).read_bytes()


def test_acled_preview_save_and_a_second_save_that_adds_nothing(data_copy, maps):
    app = AppTest.from_file(PAGE, default_timeout=120).run()
    assert not app.exception
    upload(app, "acled", fixture("acled.csv"))
    button(app, "Preview").click().run()
    assert not app.exception
    claims = frame(app, "claim")
    assert list(claims["claim"]) == [
        "acled-UKR90001",
        "acled-UKR90002",
        "acled-UKR90003",
        "acled-UKR90005",
    ]
    kupiansk = claims.set_index("claim").loc["acled-UKR90001"]
    assert (kupiansk["matched to"], kupiansk["how"]) == ("Kupiansk", "coordinates and name")
    assert 0 < kupiansk["km"] < 1
    assert (kupiansk["data set"], kupiansk["file"], kupiansk["row"]) == (
        "ACLED",
        "acled.csv",
        "line 2",
    )
    places = frame(app, "similarity")
    assert "a new place" in set(places["matched to"])
    # The bad rows, by file, line and field.
    problems = frame(app, "problem")
    assert ("acled.csv", 7, "latitude") in set(
        zip(problems["file"], problems["line"], problems["field"], strict=True)
    )
    assert maps and maps[-1].count("L.circleMarker") == 4
    assert not import_files(data_copy)  # a preview writes nothing
    assert not claims["already saved"].any()

    button(app, "Save").click().run()
    assert not app.exception
    assert "added 4 claim(s)" in app.success[0].value
    saved = load_saved(data_copy, load_dataset(data_copy).places)
    assert not saved.problems
    assert sorted(r["claim_id"] for r in saved.rows) == list(claims["claim"])

    button(app, "Preview").click().run()  # the same file again: every claim is saved
    assert frame(app, "claim")["already saved"].all()
    assert any("4 of the claims shown are already in the data" in c.value for c in app.caption)
    button(app, "Save").click().run()
    assert "nothing added: 4 claim(s) already in the data" in app.info[0].value
    assert len(load_saved(data_copy, load_dataset(data_copy).places).rows) == 4
    assert len(import_files(data_copy)) == 1


def test_any_csv_with_its_mapping(data_copy, maps):
    app = AppTest.from_file(PAGE, default_timeout=120).run()
    upload(app, "csv", fixture("analyst_sheet.csv"))
    assert any("mapping" in c.value for c in app.code) or app.info  # the keys are shown
    upload(app, "csv", fixture("analyst_sheet.csv"), mapping=fixture("analyst_sheet.toml"))
    button(app, "Preview").click().run()
    assert not app.exception
    claims = frame(app, "claim")
    assert "kharkiv-desk-A2" in set(claims["claim"])
    assert set(claims["data set"]) == {"kharkiv-desk"}
    assert set(claims["licence"]) == {"CC BY 4.0: credit the Kharkiv desk"}
    problems = frame(app, "problem")
    assert ("analyst_sheet.csv", "Date") in set(
        zip(problems["file"], problems["field"], strict=True)
    )


def test_a_file_of_another_format_says_what_it_looks_like(data_copy, maps):
    app = AppTest.from_file(PAGE, default_timeout=120).run()
    upload(app, "acled", ("export.csv", (FIXTURES / "gdelt.export.tsv").read_bytes()))
    button(app, "Preview").click().run()
    problems = frame(app, "problem")
    assert list(problems["file"]) == ["export.csv"]
    assert "looks like a GDELT 2.0 events file" in problems["problem"][0]


def test_html_in_a_field_shows_as_text(data_copy, maps):
    rows = list(csv.reader(io.StringIO((FIXTURES / "acled.csv").read_text(encoding="utf-8"))))
    header, first = rows[0], rows[1]
    first[header.index("notes")] = f"Kupiansk {HOSTILE}"
    first[header.index("location")] = f"Kupiansk{HOSTILE}"
    out = io.StringIO()
    csv.writer(out).writerows([header, first])
    app = AppTest.from_file(PAGE, default_timeout=120).run()
    upload(app, "acled", ("hostile.csv", out.getvalue().encode()))
    button(app, "Preview").click().run()
    assert not app.exception
    claims = frame(app, "claim")
    assert claims["passage"][0] == f"Kupiansk {HOSTILE}"  # the text, as it was
    shown = [m.value for m in app.markdown] + [c.value for c in app.caption]
    assert not any("<img" in text for text in shown)
    # The map's tooltip: escaped, inside its JavaScript template string too.
    assert "<img src=x" not in maps[-1] and "${1}" not in maps[-1]
    assert "&lt;img src=x onerror=alert(1)&gt;&#96;&#36;" in maps[-1]


def test_too_many_files_are_refused_before_reading(data_copy, maps):
    app = AppTest.from_file(PAGE, default_timeout=120).run()
    upload(app, "acled", *[(f"a{i}.csv", b"x") for i in range(5)])
    assert "import up to 4 at once" in app.error[0].value
    assert not [b for b in app.button if b.label == "Preview"]


def test_an_uploads_name_becomes_a_plain_file_name():
    assert safe_name("../../etc/passwd", 1) == "passwd"
    assert safe_name("C:\\exports\\acled.csv", 1) == "acled.csv"
    assert safe_name("<img src=x>.csv", 1) == "_img_src_x_.csv"
    assert safe_name("...", 3) == "upload-3"


def test_a_timemap_publisher_is_the_claimant(data_copy, maps):
    app = AppTest.from_file(PAGE, default_timeout=120).run()
    upload(app, "timemap", fixture("timemap.json"))
    app.text_input(key="import_publisher").input("Test Desk").run()
    button(app, "Preview").click().run()
    assert set(frame(app, "claim")["claimant"]) == {"Test Desk"}


def test_with_editors_set_only_a_signed_in_editor_saves_and_the_history_names_the_import(
    data_copy, maps
):
    from frontline import access
    from frontline.app import signin
    from frontline.store import history
    from tests.test_signin_pages import sign_in

    signin._limiter.clear()
    password = "correct horse battery staple"
    app = AppTest.from_file(PAGE, default_timeout=120)
    app.secrets.update({"editors": {"alice": {"password_hash": access.hash_password(password)}}})
    app.run()
    upload(app, "acled", fixture("acled.csv"))
    button(app, "Preview").click().run()
    save = button(app, "Save")
    assert save.disabled
    save._value = True  # a forged press of the disabled button
    app.run()
    assert not import_files(data_copy)

    sign_in(app, "alice", password)
    button(app, "Preview").click().run()
    button(app, "Save").click().run()
    assert "added 4 claim(s)" in app.success[0].value
    changes, _ = history.list_changes(data_copy)
    assert [(c.who, c.kind) for c in changes] == [("alice", "import")]
