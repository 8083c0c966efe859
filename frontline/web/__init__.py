"""HTML and Folium pieces of the pages, with no Streamlit: the map, panels, tables, the reader."""
