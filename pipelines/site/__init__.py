"""The offline HTML report: static pages with charts rendered to inline SVG."""
