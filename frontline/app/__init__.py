"""The only modules that import Streamlit: data loading and caching, view state, widgets."""

from frontline.store import default_data_dir as _default_data_dir
from frontline.store import stamps as _stamps

# A page is about to load the data: its article texts are listed meanwhile, in the
# background (125,000 of them at a million claims, a second of the first page's start).
_stamps.prefetch(_default_data_dir())
