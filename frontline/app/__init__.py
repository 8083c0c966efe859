"""The only modules that import Streamlit: data loading and caching, view state, widgets."""
