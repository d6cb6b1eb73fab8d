"""Read articles from aligned TSV, JSON Lines, article folders, XLIFF, TMX and PO.

The format is told by the file's extension and, for XML, its root element
(``.xml`` files are read when their root is ``<xliff>`` or ``<tmx>``). A TSV,
JSONL, PO file or folder is one article; an XLIFF file is one article per
``<file>`` element and a TMX file one per language pair
(:func:`read_articles`).

Readers know nothing about checks. Every problem becomes an
:class:`~transaudit.errors.InputError` naming the file, the line and what is
wrong. Languages come from the caller, else the file names
(``source.es.txt``, ``name.es-en.tsv``), else seeded detection on each side.
"""

from __future__ import annotations

import csv
import json
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from transaudit.analysis.boilerplate import boilerplate
from transaudit.analysis.langid import side_language
from transaudit.analysis.languages import normalize_language
from transaudit.analysis.resources import for_language
from transaudit.errors import InputError
from transaudit.fsutil import display_path
from transaudit.input.align import Paragraph, align_paragraphs, split_paragraphs
from transaudit.input.decoding import read_text
from transaudit.input.langsanity import check_declared, merge_declared
from transaudit.model import Article, Segment

ARTICLE_SUFFIXES = (".tsv", ".jsonl", ".xlf", ".xliff", ".sdlxliff", ".mqxliff", ".tmx", ".po")
#: Extensions → format; ``.xml`` (and the XML ones, to check) by root element.
_SUFFIX_FORMATS = {".tsv": "tsv", ".jsonl": "jsonl", ".xlf": "xliff", ".xliff": "xliff", ".sdlxliff": "xliff",
                   ".mqxliff": "xliff", ".tmx": "tmx", ".po": "po"}
_ROOT_FORMATS = {"xliff": "xliff", "tmx": "tmx"}
_PAIR_IN_NAME = re.compile(r"(?:^|[._-])([a-z]{2,3})-([a-z]{2,3})$", re.IGNORECASE)
_SIDE_FILE = re.compile(r"^(source|target)\.([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)?)\.txt$")
#: The csv module's cell limit while reading quoted TSV (its default, 128 KiB, is below
#: what an unclosed quote can swallow; MAX_SEGMENT_CHARS refuses long cells later, by name).
_CSV_FIELD_LIMIT = 64 * 1024 * 1024


@dataclass(frozen=True)
class Languages:
    source: str | None = None
    target: str | None = None
    #: ``--force-lang``: trust the declared languages even against the file name or the text.
    force: bool = False


#: A side's language is guessed only when the detector is at least this sure.
SIDE_LANGUAGE_PROBABILITY = 0.6


def detect_side_language(texts: list[str], path: str) -> str:
    """Language of one side of an article (seeded detection on the whole side), or InputError."""
    guess = side_language(texts)
    if guess is None or guess[1] < SIDE_LANGUAGE_PROBABILITY:
        raise InputError(path, "cannot tell the language; pass --source-lang and --target-lang")
    return guess[0]


#: Why a file of each interchange format gave no segments, in its own words.
_EMPTY = {"po": "no segments (no messages besides the header and obsolete ones)",
          "xliff": "no segments (no translation units with text)",
          "tmx": "no segments (no translation units with text)"}


def _finish(article_id: str, path: Path, segments: list[Segment], langs: Languages,
            empty: str = "no segments (every row is empty)") -> Article:
    if not segments:
        raise InputError(str(path), empty)
    source_lang = langs.source or detect_side_language([s.source for s in segments], str(path))
    target_lang = langs.target or detect_side_language([s.target for s in segments], str(path))
    return Article(
        display_path(article_id), normalize_language(source_lang, str(path)),
        normalize_language(target_lang, str(path)), segments, display_path(path),
    )


def _name_languages(stem: str) -> tuple[str, Languages]:
    """``article.es-en`` → (``article``, es, en); other stems unchanged."""
    match = _PAIR_IN_NAME.search(stem)
    if not match:
        return stem, Languages()
    base = stem[: match.start()] or stem
    return base, Languages(match.group(1).lower(), match.group(2).lower())




#: Longest segment side accepted. A news paragraph is a few thousand characters; a side
#: longer than this is an unsplit dump, and auditing it as one segment gives one useless
#: highlight (and some checks grow faster than linearly with segment length).
MAX_SEGMENT_CHARS = 100_000


def _check_lengths(segments: list[Segment], path: Path) -> None:
    for segment in segments:
        for side in ("source", "target"):
            size = len(segment.text(side))
            if size > MAX_SEGMENT_CHARS:
                raise InputError(
                    str(path),
                    f"segment {segment.id[:40]!r} has a {side} of {size:,} characters, over the "
                    f"{MAX_SEGMENT_CHARS:,} limit; split it into paragraphs",
                    segment.line,
                )


def _check_ids(segments: list[Segment], path: Path) -> None:
    seen: dict[str, int | None] = {}
    for segment in segments:
        if segment.id in seen:
            raise InputError(
                str(path), f"duplicate segment id {segment.id[:60]!r} (first on line {seen[segment.id]})",
                segment.line,
            )
        seen[segment.id] = segment.line


def _default_id(index: int, width: int) -> str:
    return f"p{index:0{width}d}"


def _lines(text: str) -> list[str]:
    """Lines ending in ``\n`` only: ``str.splitlines`` would also split at U+2028, form feeds
    and other characters that are legitimate inside a segment."""
    lines = [line + "\n" for line in text.split("\n")]
    if lines and lines[-1] == "\n":
        lines.pop()
    return lines


_Rows = list[tuple[int, list[str]]]


class _QuoteError(Exception):
    def __init__(self, line: int, problem: str, at_end: bool) -> None:
        super().__init__(problem)
        self.line, self.problem, self.at_end = line, problem, at_end


def _quoted_rows(lines: list[str]) -> _Rows:
    """Rows under spreadsheet quoting (doubled quotes, cells spanning lines), with start lines."""
    reader = csv.reader(lines, delimiter="\t", strict=True)
    rows: _Rows = []
    line = 0
    previous = csv.field_size_limit(_CSV_FIELD_LIMIT)  # restored below: the limit is process-wide
    try:
        for row in reader:
            rows.append((line + 1, row))
            line = reader.line_num
    except csv.Error as error:
        at_end = "end of data" in str(error)  # the quoted cell ran to the end of the file
        raise _QuoteError(line + 1, str(error), at_end) from None
    finally:
        csv.field_size_limit(previous)
    return rows


def _plain_rows(lines: list[str]) -> _Rows:
    """Rows of plain TSV (IANA text/tab-separated-values): no quoting, one row per line."""
    return [(number, line[:-1].split("\t")) for number, line in enumerate(lines, start=1)]


def _consistent(rows: _Rows) -> bool:
    width = len(rows[0][1])
    return all(len(row) == width for _, row in rows if any(cell.strip() for cell in row))


def _tsv_rows(text: str, path: Path) -> _Rows:
    """Pick the reading of the file: spreadsheet-quoted or plain.

    The two differ only where a cell starts with a quote. A spreadsheet quotes a
    cell only when it must (the cell holds a quote, a tab or a line break) or
    quotes every cell; a hand-written TSV whose cell is ``"Yes," he said.`` or
    ``"A whole quoted sentence."`` means the quotes literally. A quote that
    opens and never closes is refused: it would swallow the rest of the file
    as one cell, and nothing tells us that was not meant.
    """
    lines = _lines(text)
    plain = _plain_rows(lines)
    try:
        quoted = _quoted_rows(lines)
    except _QuoteError as error:
        if error.at_end:
            raise InputError(
                str(path),
                "unclosed quote: a cell on this line opens a \" that never closes "
                "(close it, double the quotes inside a quoted cell, or remove it)",
                error.line,
            ) from None
        if _consistent(plain):
            return plain
        raise InputError(str(path), f"bad TSV quoting: {error.problem}", error.line) from None
    if quoted == plain or not _consistent(plain):
        return quoted
    header = lines[0].rstrip("\n").split("\t")
    quote_all = all(len(cell) >= 2 and cell[0] == cell[-1] == '"' for cell in header)
    if len(quoted) == len(plain):
        # Only the cells the two readings disagree on tell how the file was written.
        differing = [
            q
            for (_, qrow), (_, prow) in zip(quoted, plain, strict=True)
            for q, p in zip(qrow, prow, strict=False)
            if q != p
        ]
    else:
        differing = [cell for _, row in quoted for cell in row]
    needed = any(c in cell for cell in differing for c in '"\t\n')
    return quoted if quote_all or needed else plain


def read_tsv(path: Path, langs: Languages = Languages()) -> Article:
    """A TSV whose header names ``source`` and ``target`` (and optionally ``id``)."""
    rows = _tsv_rows(read_text(path), path)
    header = rows[0][1]
    names = [name.strip().strip('"').strip().lower() for name in header]
    missing = [column for column in ("source", "target") if column not in names]
    if missing:
        found = ", ".join(repr(name) for name in header[:10]) or "nothing"
        raise InputError(str(path), f"header lacks column(s) {', '.join(missing)} (found: {found})", 1)
    duplicated = sorted({name for name in names if names.count(name) > 1 and name})
    if duplicated:
        raise InputError(str(path), f"header repeats column(s) {', '.join(duplicated)}", 1)
    columns = {name: index for index, name in enumerate(names)}
    body: _Rows = []
    for number, row in rows[1:]:
        if all(not cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            raise InputError(str(path), f"row has {len(row)} fields, the header has {len(header)}", number)
        body.append((number, row))
    if not body:
        raise InputError(str(path), "no segments (the header has no rows under it)")
    width = max(2, len(str(len(body))))
    segments = []
    for index, (number, row) in enumerate(body, start=1):
        segment_id = row[columns["id"]].strip() if "id" in columns else ""
        segments.append(
            Segment(
                id=segment_id or _default_id(index, width),
                source=row[columns["source"]].strip(),
                target=row[columns["target"]].strip(),
                line=number,
            )
        )
    _check_ids(segments, path)
    _check_lengths(segments, path)
    article_id, implied = _name_languages(path.stem)
    return _finish(article_id, path, segments, merge_declared(langs, implied, str(path)))


def _check_unicode(value: object, key: str, path: Path, line: int) -> None:
    """JSON escapes can spell lone surrogates (``"\\ud800"``), which no report can encode."""
    if not isinstance(value, str):
        return
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as error:
        code = ord(value[error.start])
        raise InputError(
            str(path), f"'{key}' holds an unpaired surrogate \\u{code:04x} at character {error.start} "
            "(not valid Unicode)", line
        ) from None


def read_jsonl(path: Path, langs: Languages = Languages()) -> Article:
    """One JSON object per line with ``source`` and ``target`` (and optionally ``id``)."""
    text = read_text(path)
    records: list[tuple[int, dict[str, object]]] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise InputError(str(path), f"invalid JSON: {error.msg} (column {error.colno})", number) from None
        except RecursionError:
            raise InputError(str(path), "invalid JSON: nested too deeply", number) from None
        except ValueError:  # Python refuses to convert integers of more than 4,300 digits
            raise InputError(
                str(path), "invalid JSON: a number of more than 4,300 digits (write such an id as a string)",
                number,
            ) from None
        if not isinstance(record, dict):
            raise InputError(str(path), "expected a JSON object with 'source' and 'target'", number)
        for key in ("source", "target"):
            value = record.get(key)
            if value is None:
                raise InputError(str(path), f"object lacks '{key}'", number)
            if not isinstance(value, str):
                raise InputError(str(path), f"'{key}' must be a string", number)
        if "id" in record and (not isinstance(record["id"], str | int) or isinstance(record["id"], bool)):
            raise InputError(str(path), "'id' must be a string or a whole number", number)
        for key in ("id", "source", "target"):
            _check_unicode(record.get(key), key, path, number)
        records.append((number, record))
    width = max(2, len(str(len(records))))
    segments = [
        Segment(
            id=str(record.get("id", "")).strip() or _default_id(index, width),
            source=str(record["source"]).strip(),
            target=str(record["target"]).strip(),
            line=number,
        )
        for index, (number, record) in enumerate(records, start=1)
    ]
    _check_ids(segments, path)
    _check_lengths(segments, path)
    article_id, implied = _name_languages(path.stem)
    return _finish(article_id, path, segments, merge_declared(langs, implied, str(path)))


def side_files(folder: Path) -> tuple[Path, Path] | None:
    """The ``source.<lang>.txt`` and ``target.<lang>.txt`` of an article folder."""
    found: dict[str, list[Path]] = {"source": [], "target": []}
    for entry in sorted(folder.iterdir()):
        match = _SIDE_FILE.match(entry.name)
        if match and entry.is_file():
            if entry.is_symlink() and (target := outside(entry, folder)) is not None:
                raise InputError(str(entry), f"a symlink to {display_path(target)}, outside the article "
                                 "folder; not read")
            found[match.group(1)].append(entry)
    if not found["source"] and not found["target"]:
        return None
    for side in ("source", "target"):
        if len(found[side]) != 1:
            problem = "no" if not found[side] else "more than one"
            raise InputError(str(folder), f"{problem} {side}.<lang>.txt file in the article folder")
    return found["source"][0], found["target"][0]


def _residue_paragraphs(sources: list[Paragraph], targets: list[Paragraph], source_lang: str,
                        target_lang: str, where: str) -> list[bool] | None:
    """Which target paragraphs are nothing but web-page residue (TA223's phrases), to keep one-sided.

    None when the source has a residue paragraph of its own: the two may translate
    each other ("Deja un comentario" / "Leave a comment"), so the aligner decides.
    """
    source_residue = boilerplate(for_language(normalize_language(source_lang, where)))
    if any(source_residue.matches(paragraph.text) for paragraph in sources):
        return None
    target_residue = boilerplate(for_language(normalize_language(target_lang, where)))
    return [target_residue.matches(paragraph.text) for paragraph in targets]


def read_folder(folder: Path, langs: Languages = Languages()) -> Article:
    """An article folder: both sides as plain text, aligned automatically."""
    files = side_files(folder)
    if files is None:
        raise InputError(str(folder), "not an article folder (needs source.<lang>.txt and target.<lang>.txt)")
    source_path, target_path = files
    implied = Languages(source_path.name.split(".")[1].lower(), target_path.name.split(".")[1].lower())
    langs = merge_declared(langs, implied, str(folder))
    source_paragraphs = split_paragraphs(read_text(source_path))
    target_paragraphs = split_paragraphs(read_text(target_path))
    for paragraphs, side_path in ((source_paragraphs, source_path), (target_paragraphs, target_path)):
        for paragraph in paragraphs:
            if len(paragraph.text) > MAX_SEGMENT_CHARS:
                raise InputError(
                    str(side_path),
                    f"a paragraph of {len(paragraph.text):,} characters, over the {MAX_SEGMENT_CHARS:,} "
                    "limit; separate paragraphs with blank lines",
                    paragraph.line,
                )
    source_lang = langs.source or detect_side_language([p.text for p in source_paragraphs], str(source_path))
    target_lang = langs.target or detect_side_language([p.text for p in target_paragraphs], str(target_path))
    pairs = align_paragraphs(source_paragraphs, target_paragraphs, source_lang, target_lang,
                             one_sided=_residue_paragraphs(source_paragraphs, target_paragraphs,
                                                           source_lang, target_lang, str(folder)))
    width = max(2, len(str(len(pairs))))
    segments = [
        Segment(
            id=_default_id(index, width),
            source=pair.source,
            target=pair.target,
            line=pair.target_line if pair.target_line is not None else pair.source_line,
        )
        for index, pair in enumerate(pairs, start=1)
    ]
    source_lang = normalize_language(source_lang, str(folder))
    target_lang = normalize_language(target_lang, str(folder))
    # ``.`` or ``..`` has no name of its own: the folder's real name is the article id.
    article_id = folder.name if folder.name not in ("", ".", "..") else folder.resolve().name
    return Article(display_path(article_id), source_lang, target_lang, segments, display_path(folder),
                   format="folder")


def file_format(path: Path) -> str | None:
    """``tsv``, ``jsonl``, ``xliff``, ``tmx`` or ``po`` for an article file; ``None`` for other files.

    XML formats are told by their root element, whatever the extension says: a
    ``.xlf`` whose root is ``<tmx>`` is read as TMX, a ``.xml`` with an
    ``<xliff>`` root as XLIFF.
    """
    suffix = path.suffix.lower()
    if suffix in (".xml", ".xlf", ".xliff", ".sdlxliff", ".mqxliff", ".tmx"):
        from transaudit.input.xmlsafe import root_name  # lxml (7 MiB) only for XML inputs

        root = root_name(path)
        if root in _ROOT_FORMATS:
            return _ROOT_FORMATS[root]
    return _SUFFIX_FORMATS.get(suffix)


def _interchange_article(
    article_id: str, path: Path, segments: list[Segment], langs: Languages, fmt: str, part: int | None
) -> Article:
    _check_ids(segments, path)
    _check_lengths(segments, path)
    article = _finish(article_id, path, segments, langs, _EMPTY.get(fmt, "no segments"))
    article.format, article.part = fmt, part
    return article


def read_xliff(path: Path, langs: Languages = Languages()) -> list[Article]:
    """One article per ``<file>`` with translation units (ids ``name-<file label>`` when several)."""
    from transaudit.input import xliff

    document = xliff.load(path)
    base, implied = _name_languages(path.stem)
    filled = [d for d in document.documents if d.units]
    if not filled:
        raise InputError(str(path), "no translation units (every <file> is empty or marked translate=\"no\")")
    articles = []
    for doc in filled:
        declared = Languages(doc.source_lang or None, doc.target_lang or None)
        article_id = base if len(filled) == 1 else f"{base}-{doc.label}"
        if len(filled) == 1 and doc.article_id:  # transaudit's own XLIFF keeps the article's id
            article_id = doc.article_id
        segments = xliff.segments(doc, path)
        articles.append(_interchange_article(
            article_id, path, segments, _fill(_fill(langs, declared), implied),
            document.format, doc.index,
        ))
    return articles


def read_tmx(path: Path, langs: Languages = Languages()) -> list[Article]:
    """One article per language pair; ``langs.target`` picks one."""
    from transaudit.input.tmx import read_pairs

    base, implied = _name_languages(path.stem)
    pairs = read_pairs(path, langs.source or implied.source, langs.target)
    return [
        _interchange_article(
            base if len(pairs) == 1 else f"{base}-{pair.label}", path, pair.segments,
            replace(langs, source=pair.source_tag, target=pair.target_tag), "tmx", pair.index,
        )
        for pair in pairs
    ]


def read_po_file(path: Path, langs: Languages = Languages()) -> Article:
    from transaudit.input.po import read_po

    segments, source, target = read_po(path)
    base, implied = _name_languages(path.stem)
    return _interchange_article(
        base, path, segments, _fill(_fill(langs, Languages(source, target)), implied),
        "po", None,
    )


def read_articles(path: Path, langs: Languages = Languages()) -> list[Article]:
    """Every article in a path (one for most inputs, several for XLIFF ``<file>``s and TMX
    pairs), refusing languages the text contradicts."""
    articles = _read_any(path, langs)
    for article in articles:
        check_declared(langs, article)
    return articles


def _fill(langs: Languages, implied: Languages) -> Languages:
    """Languages still unknown taken from ``implied`` (a file's header, then its name).

    Command-line languages win over an XLIFF/PO header without a refusal: the
    header is often a tool's default ("en" in every file a converter wrote),
    and the text itself still guards the declared pair
    (:func:`~transaudit.input.langsanity.check_declared`).
    """
    return replace(langs, source=langs.source or implied.source, target=langs.target or implied.target)


def _read_any(path: Path, langs: Languages) -> list[Article]:
    if path.is_dir():
        return [read_folder(path, langs)]
    if not path.exists():
        raise InputError(str(path), "file not found")
    fmt = file_format(path)
    if fmt == "xliff":
        return read_xliff(path, langs)
    if fmt == "tmx":
        return read_tmx(path, langs)
    if fmt == "po":
        return [read_po_file(path, langs)]
    if fmt == "tsv":
        article = read_tsv(path, langs)
    elif fmt == "jsonl":
        article = read_jsonl(path, langs)
    else:
        suffix = path.suffix.lower()
        raise InputError(
            str(path), f"unsupported file type {suffix or '(none)'}: expected .tsv, .jsonl, .xlf/.xliff, "
            ".tmx, .po or an article folder"
        )
    article.format = fmt
    return [article]


def read_article(path: Path, langs: Languages = Languages()) -> Article:
    """Read one article, whatever its format (the first, for a file holding several)."""
    return read_articles(path, langs)[0]


def is_article_folder(path: Path) -> bool:
    try:
        return path.is_dir() and any(_SIDE_FILE.match(entry.name) for entry in path.iterdir())
    except OSError:
        return False


def outside(entry: Path, root: Path) -> Path | None:
    """Where ``entry`` really is, if that is outside the folder ``root`` (else None).

    Symlinks are resolved, so ``x.tsv -> /etc/shadow`` and a link to a parent
    folder are both outside; a link to another file of the same folder is not.
    """
    try:
        target = entry.resolve()
        inside = target.is_relative_to(root.resolve())
    except (OSError, RuntimeError):  # a symlink loop
        return entry
    return None if inside else target


def discover(
    paths: list[Path],
    notice: Callable[[str], None] = lambda message: None,
    exclude: Path | None = None,
    skip: Callable[[Path, str], None] | None = None,
) -> Iterator[Path]:
    """Expand the command-line paths into article paths, in a stable order.

    A file or an article folder is one article; any other folder is a batch
    whose article files and article folders are found recursively (README and
    other files are ignored). A path named on the command line is the user's
    choice and is read even if it is a symlink; inside a batch folder, an entry
    that resolves outside that folder is skipped with a ``notice`` (a delivered
    folder must not pull ``/etc/shadow`` or a neighbour's files into reports).
    ``exclude`` is the report folder: when it lies inside a batch folder, its
    files (reports in XLIFF, the waivers file) are never read back as articles;
    a named folder that is the report folder (or inside it) is refused, since
    every file in it would be excluded. Inside a batch folder, a folder holding
    a transaudit ``summary.json`` is the report folder of another run and is
    left out with a ``notice`` (its annotated ``.xlf`` reports are not articles).

    ``skip`` hears of each input left out because it cannot be read safely (a
    symlink out of the folder, a broken one): a problem the caller shows in its
    exit code, like an unreadable file. Without it, such inputs go to ``notice``.
    """
    excluded = exclude.resolve() if exclude is not None else None

    def skipped(entry: Path, reason: str) -> None:
        if skip is not None:
            skip(entry, reason)
        else:
            notice(f"skipped {display_path(entry)}: {reason}")
    seen: dict[Path, Path] = {}

    def first_time(entry: Path, preferred: dict[Path, Path] | None = None) -> bool:
        """False, with a notice, for a file reached before (named twice, or inside a named folder).

        Auditing it again would write its reports twice over and count it twice
        in the index; only files and folders are compared (a pipe is read once).
        Inside a folder, ``preferred`` names the entry kept for each real path
        (the file itself rather than a symlink to it), so an alias sorted first
        does not take the article's name.
        """
        real = _real(entry)
        if real is None:
            return True
        first = seen[real] if real in seen else (preferred or {}).get(real)
        if first is not None and (real in seen or first != entry):
            notice(f"skipped {display_path(entry)}: the same article as {display_path(first)}, "
                   "audited once")
            return False
        seen[real] = entry
        return True

    for path in paths:
        if not path.exists():
            raise InputError(str(path), "no such file or folder")
        if not path.is_dir() or is_article_folder(path):
            if first_time(path):
                yield path  # a pipe or device too: its reader says what is wrong with it
            continue
        if excluded is not None and _inside(path, excluded):
            raise InputError(str(path), "is the --out folder (or inside it): reports are written there, "
                             "so it cannot be audited; choose another --out")
        found = False
        articles: list[Path] = []
        report_folders: list[Path] = []
        for entry in sorted(path.rglob("*")):
            if any(part.startswith(".") for part in entry.relative_to(path).parts):
                continue
            if excluded is not None and _inside(entry, excluded):
                continue
            if any(_inside(entry, folder) for folder in report_folders):
                continue
            if entry.is_symlink() and not entry.exists():
                if entry.suffix.lower() in (*ARTICLE_SUFFIXES, ".xml"):
                    skipped(entry, f"a broken symlink (its target {display_path(Path(os.readlink(entry)))} "
                            "does not exist)")
                continue
            target = outside(entry, path) if entry.is_symlink() else None
            if target is not None:
                if entry.is_dir() or entry.suffix.lower() in (*ARTICLE_SUFFIXES, ".xml"):
                    skipped(entry, f"a symlink to {display_path(target)}, outside {display_path(path)}")
                continue
            if entry.is_dir() and is_report_folder(entry):
                report_folders.append(entry.resolve())
                notice(f"skipped {display_path(entry)}: a transaudit report folder (it holds a run's "
                       "summary.json); its reports are not articles")
                continue
            if (entry.is_file() and _is_article_file(entry)) or is_article_folder(entry):
                found = True
                articles.append(entry)
        preferred: dict[Path, Path] = {}
        for entry in articles:  # the file itself over a link to it; else the first in order
            real = _real(entry)
            if real is not None and (real not in preferred or (preferred[real].is_symlink()
                                     and not entry.is_symlink())):
                preferred[real] = entry
        for entry in articles:
            if first_time(entry, preferred):
                yield entry
        if not found:
            raise InputError(
                str(path),
                "folder holds no articles (.tsv, .jsonl, .xlf/.xliff, .tmx, .po or article folders)",
            )


def is_report_folder(folder: Path) -> bool:
    """Whether ``folder`` holds a transaudit run: a ``summary.json`` in the index's shape.

    The rule that keeps reports from being read back as articles: every
    ``check`` run writes ``summary.json`` (``format_version``, ``totals`` and
    ``articles``) beside its reports, and a published run keeps it.
    """
    summary = folder / "summary.json"
    try:
        if not summary.is_file() or summary.is_symlink():
            return False
        data = json.loads(summary.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(data, dict) and {"format_version", "totals", "articles"} <= data.keys() \
        and isinstance(data["articles"], list)


def _real(entry: Path) -> Path | None:
    """The resolved path of a file or folder (None for a pipe or device, or a symlink loop)."""
    if not (entry.is_file() or entry.is_dir()):
        return None
    try:
        return entry.resolve()
    except (OSError, RuntimeError):
        return None


def _inside(entry: Path, folder: Path) -> bool:
    try:
        entry.resolve().relative_to(folder)
    except (ValueError, OSError):
        return False
    return True


def _is_article_file(path: Path) -> bool:
    """Article files of a batch: known extensions, and ``.xml`` files whose root is XLIFF or TMX."""
    suffix = path.suffix.lower()
    if suffix == ".xml":
        return file_format(path) is not None
    return suffix in ARTICLE_SUFFIXES
