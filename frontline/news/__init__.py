"""Reading news reports: text spans, dates, the gazetteer, place mentions and claims."""
