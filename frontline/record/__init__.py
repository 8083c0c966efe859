"""The public record: Wikipedia's list "Control of cities during the Russo-Ukrainian War", as
its edit history was scraped (vi-enne/controlCitiesUkraine), turned into places and entries.

`build` derives the shipped files in data/record/ from the scraped history, `load` reads them
back (validated row by row), `query` answers "the record's status of a place as of a date".
An entry is what the list said, credited to its revision; it is never a news report.
"""
