"""Read reports (.txt/.md, .docx, .pdf with a text layer) into normalised documents."""

from __future__ import annotations

from pathlib import Path

from pipelines import limits
from pipelines.encodings import decode
from pipelines.personnummer import mask_personnummer
from pipelines.reports.text import Document, normalise

SUFFIXES = (".txt", ".md", ".docx", ".pdf")


def report_files(folder: Path) -> list[Path]:
    """The reports in a drop folder that these readers can read, in a stable order."""
    if not folder.exists():
        return []
    return sorted(p for p in folder.rglob("*")
                  if p.is_file() and p.suffix.lower() in SUFFIXES and not p.name.startswith("."))
MIN_CHARACTERS = 200


class UnreadableReport(Exception):
    """A report that cannot be read or holds no text; it is quarantined with this reason."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(mask_personnummer(f"{path}: {reason}"))


def _docx_text(path: Path) -> str:
    import docx
    from docx.enum.style import WD_STYLE_TYPE

    document = docx.Document(str(path))
    # paragraph styles by id, looked up once (python-docx searches every style for each
    # paragraph's); an unknown id is the default style, as Word shows it
    styles = {s.style_id: s.name or "" for s in document.styles
              if s.type == WD_STYLE_TYPE.PARAGRAPH}
    default = document.styles.default(WD_STYLE_TYPE.PARAGRAPH)
    default_name = (default.name or "") if default is not None else ""
    lines: list[str] = []
    for block in document.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraph = docx.text.paragraph.Paragraph(block, document)
            text = paragraph.text.strip()
            style = styles.get(block.style, default_name).lower()
            if not text:
                lines.append("")
            elif style.startswith("heading") or style.startswith("rubrik"):
                level = "".join(ch for ch in style if ch.isdecimal()) or "1"
                lines.append(f"{'#' * min(int(level), 6)} {text}")
            elif paragraph.runs and all(r.bold for r in paragraph.runs if r.text.strip()):
                lines.append(f"**{text}**")
            else:
                lines.append(text)
            lines.append("")
        elif tag == "tbl":
            table = docx.table.Table(block, document)
            for row in table.rows:
                lines.append("\t".join(cell.text.strip() for cell in row.cells))
            lines.append("")
    return "\n".join(lines)


def _pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    return "\n\n".join(page.extract_text() or "" for page in reader.pages)


def read_text(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in SUFFIXES and (problem := limits.file_problem(path)):
        raise UnreadableReport(path, problem)
    try:
        if suffix in (".txt", ".md"):
            return decode(path.read_bytes(), lenient=True)[0]
        if suffix == ".docx":
            return _docx_text(path)
        if suffix == ".pdf":
            return _pdf_text(path)
    except UnreadableReport:
        raise
    except Exception as exc:  # noqa: BLE001 - any parser failure means an unreadable file
        raise UnreadableReport(path, f"cannot be read as {suffix}: {exc}") from exc
    raise UnreadableReport(path, f"unsupported file type '{suffix}' (accepted: "
                                 f"{', '.join(SUFFIXES)})")


def read_report(path: Path) -> str:
    """The text of a report; refuses unreadable files and files with (almost) no text."""
    text = mask_personnummer(read_text(path))  # before anything is stored or quoted
    if len(text.strip()) < MIN_CHARACTERS:
        raise UnreadableReport(path, f"holds only {len(text.strip())} characters of text "
                                     "(a scanned PDF without a text layer?)")
    return text


def read_document(path: Path, source: str | None = None) -> Document:
    """The report at `path` as a normalised document; refuses empty and unreadable files."""
    return normalise(mask_personnummer(source or path.name), read_report(path))
