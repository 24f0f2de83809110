"""The content check for ``content/data/companies.yaml``: one entry per company.

Messages are in Swedish (the file is shared by both sites, and its comments are
Swedish). Returns the ids found, so activities' ``companies`` can be checked
against them even when some entries have mistakes.
"""

from __future__ import annotations

import difflib
from pathlib import Path, PurePosixPath

from ..content.companies import read_companies
from ..content.contract import (
    COMPANY_FIELDS_OPTIONAL,
    COMPANY_FIELDS_REQUIRED,
    COUNTRY_TIMEZONES,
    SLUG_PATTERN,
)
from ..content.frontmatter import FrontMatterError, Value
from .file_rules import https_instead, is_web_address, key_example, known_in_lowercase
from .messages import (
    EXAMPLES,
    FILE_FIELD,
    KIND_NAMES,
    frontmatter_problem,
    make_problem,
    quoted,
)
from .names import slugify
from .problems import Problem

_LANG = "sv"
_KNOWN = COMPANY_FIELDS_REQUIRED + COMPANY_FIELDS_OPTIONAL


def _text(value: Value | None) -> str | None:
    if value is None or not isinstance(value.data, str):
        return None
    return value.data.strip() or None


def _entry_problems(path: PurePosixPath, line: int, fields: dict[str, Value]) -> list[Problem]:
    """Everything wrong with one company entry except a duplicate id."""
    problems = []

    def report(name: str, code: str, variant: str | None = None, **params) -> None:
        at = fields[name].line if name in fields else line
        problems.append(make_problem(path, at, name, code, _LANG, variant, **params))

    for name in COMPANY_FIELDS_REQUIRED:
        if _text(fields.get(name)) is None:
            report(
                name,
                "missing-field",
                kind=KIND_NAMES["company"][_LANG],
                example=EXAMPLES[name][_LANG],
            )
    for name in fields:
        lower = known_in_lowercase(name, _KNOWN) if name not in _KNOWN else None
        if lower is not None:
            report(name, "key-case", lower=lower, example=key_example(lower, _LANG))
        elif name not in _KNOWN:
            closest = difflib.get_close_matches(name.lower(), _KNOWN, n=1, cutoff=0.5)
            kind = KIND_NAMES["company"][_LANG]
            if closest:
                report(name, "unknown-key", kind=kind, closest=closest[0])
            else:
                report(name, "unknown-key", "no-match", kind=kind, known=", ".join(_KNOWN))
    company_id = _text(fields.get("id"))
    if company_id is not None and not SLUG_PATTERN.match(company_id):
        report(
            "id", "bad-slug", "company", value=quoted(company_id), suggestion=slugify(company_id)
        )
    country = _text(fields.get("country"))
    if country is not None and country not in COUNTRY_TIMEZONES:
        report("country", "unknown-country", value=quoted(country))
    public = _text(fields.get("public"))
    if public is not None and public not in ("true", "false"):
        report("public", "bad-public", value=quoted(public))
    website = _text(fields.get("website"))
    if website is not None and not is_web_address(website):
        secure = https_instead(website)
        if secure is not None:
            report("website", "bad-website", "http", value=quoted(website), suggestion=secure)
        else:
            report("website", "bad-website", value=quoted(website))
    return problems


def check_companies(path: Path, relative: PurePosixPath) -> tuple[set[str], list[Problem]]:
    """The company ids in the file and every problem with it."""
    try:
        entries = read_companies(path)  # at most one byte past the data file limit
    except UnicodeDecodeError as error:
        line = error.object[: error.start].count(b"\n") + 1
        return set(), [make_problem(relative, line, FILE_FIELD, "not-utf8", _LANG, row=line)]
    except FrontMatterError as error:
        return set(), [frontmatter_problem(relative, error, _LANG)]
    ids: dict[str, int] = {}
    problems: list[Problem] = []
    for line, fields in entries:
        if fields is None:
            problems.append(make_problem(relative, line, FILE_FIELD, "not-a-company", _LANG))
            continue
        problems += _entry_problems(relative, line, fields)
        company_id = _text(fields.get("id"))
        if company_id is None:
            continue
        if company_id in ids:
            problems.append(
                make_problem(
                    relative,
                    fields["id"].line,
                    "id",
                    "duplicate-company",
                    _LANG,
                    value=quoted(company_id),
                    other_line=ids[company_id],
                )
            )
        else:
            ids[company_id] = fields["id"].line
    return set(ids), problems
