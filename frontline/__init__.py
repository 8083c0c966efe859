"""Frontline: claims of territorial change from news reports, as data and on a map."""

__version__ = "0.1.0"
