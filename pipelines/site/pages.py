"""HTML of the report pages: plain, self-contained, Swedish labels, no external resources."""

from __future__ import annotations

from html import escape

STYLE = """
body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 980px;
       color: #1d2330; line-height: 1.45; padding: 0 1rem; }
nav a { margin-right: 1rem; }
table { border-collapse: collapse; margin: 1rem 0; font-size: 0.92rem; }
th, td { border-bottom: 1px solid #d8dde6; padding: 0.3rem 0.6rem; text-align: left; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
th { background: #eef2f7; }
figure { margin: 1.5rem 0; }
.note { color: #55607a; font-size: 0.9rem; }
blockquote { margin: 0.3rem 0; padding-left: 0.8rem; border-left: 3px solid #d8dde6; }
"""


def page(title: str, body: str, root: str = "") -> str:
    """A whole page; `root` is the relative path back to the report's top folder."""
    return f"""<!DOCTYPE html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)}</title>
<style>{STYLE}</style>
</head>
<body>
<nav><a href="{root}index.html">Översikt</a><a href="{root}kvalitet.html">Kvalitet</a></nav>
<h1>{escape(title)}</h1>
{body}
<p class="note">Endast publicerade uppgifter: antal 1–4 och det som de kan räknas fram ur är
dolda, andelar visas när nämnaren är minst 10.</p>
</body>
</html>
"""


def number(value: object, decimals: int = 0, unit: str = "") -> str:
    """A Swedish number: space between thousands, decimal comma; dash when hidden."""
    if value is None:
        return "–"
    text = f"{float(value):,.{decimals}f}".replace(",", " ").replace(".", ",")
    return f"{text}{unit}"


def table(headers: list[str], rows: list[list[str]], numeric: set[int] | None = None) -> str:
    """A table of already escaped cells; columns in `numeric` align right."""
    numeric = numeric or set()
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "".join(
        "<tr>" + "".join(f'<td class="num">{c}</td>' if i in numeric else f"<td>{c}</td>"
                         for i, c in enumerate(row)) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def figure(svg: str, caption: str) -> str:
    return f'<figure class="chart">{svg}<figcaption class="note">{escape(caption)}</figcaption>' \
           "</figure>"
