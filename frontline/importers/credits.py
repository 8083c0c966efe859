"""What a user must credit, per import format: shown in each batch's provenance, the preview
and the README."""

from __future__ import annotations

VIINA_NOTICE = (
    "Contains information from VIINA, which is made available here under the "
    "Open Database License (ODbL)."
)

CREDITS = {
    "acled": (
        "Armed Conflict Location & Event Data (ACLED), www.acleddata.com. ACLED's Terms of "
        "Use and Attribution Policy apply: acknowledge ACLED prominently, with a link, and "
        "do not give others direct access to ACLED's original rows."
    ),
    "gdelt": (
        "The GDELT Project, www.gdeltproject.org (GDELT 2.0 Event Database; events are "
        "machine-coded from news reports, with the CAMEO codes)."
    ),
    "viina": (
        f'{VIINA_NOTICE} Zhukov, Yuri and Natalie Ayers (2023). "VIINA 2.0: Violent '
        'Incident Information from News Articles on the 2022 Russian Invasion of Ukraine." '
        "Cambridge, MA: Harvard University. https://github.com/zhukovyuri/VIINA. "
        "Licence: https://opendatacommons.org/licenses/odbl/1-0/ (share-alike: a database "
        "adapted from VIINA must be offered under the ODbL too)."
    ),
    "timemap": (
        "The publisher of the TimeMap data set; for Bellingcat's Civilian Harm in Ukraine "
        "map: Bellingcat, https://ukraine.bellingcat.com. TimeMap software: Forensic "
        "Architecture."
    ),
    "geoconfirmed": "GeoConfirmed, https://geoconfirmed.org (geolocations of open sources).",
    "csv": "As the mapping file's `licence` says.",
}

# Data sets whose terms forbid handing their original rows to others: the pages show their
# claims, but the downloads leave their rows out.
NOT_REDISTRIBUTED = {"ACLED": "ACLED's terms forbid giving others direct access to its rows"}
