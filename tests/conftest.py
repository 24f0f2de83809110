"""Shared builds, and the test layers: every test is marked ``unit``, ``site`` or ``browser``.

- ``unit``: in the test's own process (a subprocess only for ``git``, to lay out a
  fixture repository); the whole layer runs in seconds (``make test-fast``).
- ``site``: a whole build, or a whole program run as a user or CI runs it: one of our
  commands in a subprocess, the Nu Html Checker on Java, ical.js on Node.
- ``browser``: Chromium through Playwright.

The layer of a test follows from what it calls, directly or through the fixtures and the
helpers of tests/ it uses (:func:`layer_of`). A test may carry its layer's marker itself,
and then keeps it. A ``unit`` test that starts any other program all the same fails
(:func:`_in_process_only`), so a test whose code this reading gets wrong is caught
rather than slowing ``make test-fast``.
"""

from __future__ import annotations

import shutil
import subprocess
import types
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from helpers import PUBLISH_SETTINGS, Build, run_build, write_content
from site_fixture import COMPLETE_SITE

LAYERS = ("unit", "site", "browser")
TESTS = Path(__file__).resolve().parent
#: names (or string constants) whose use means the layer: Chromium (tools.browser,
#: Playwright); a whole build, a Python subprocess (``sys.executable``), Java or Node
BROWSER_CALLS = frozenset({"launch", "sync_playwright", "served_sites"})
SITE_CALLS = frozenset(
    {"run_build", "build_for_ports", "local_build", "publish_build", "executable", "java", "npm"}
)
#: the only program a unit test may start
UNIT_PROGRAMS = frozenset({"git"})


def called_names(function: Callable, seen: set[Callable] | None = None) -> set[str]:
    """Every name and string constant ``function`` uses, with those of the tests/ functions
    it calls.

    Reads the compiled code (nested functions, lambdas and comprehensions included),
    never the source text; a fixture is followed into the function it wraps.
    """
    seen = set() if seen is None else seen
    function = getattr(function, "__wrapped__", function)
    code = getattr(function, "__code__", None)
    if code is None or function in seen:
        return set()
    seen.add(function)
    names: set[str] = set()
    codes = [code]
    while codes:
        current = codes.pop()
        names.update(current.co_names)
        names.update(const for const in current.co_consts if isinstance(const, str))
        codes.extend(const for const in current.co_consts if isinstance(const, types.CodeType))
    for name in list(names):
        target = function.__globals__.get(name)
        if callable(target) and defined_in_tests(target):
            names |= called_names(target, seen)
    return names


def defined_in_tests(target: object) -> bool:
    """Whether ``target`` is a function written in tests/ (not a library's)."""
    target = getattr(target, "__wrapped__", target)
    code = getattr(target, "__code__", None)
    return code is not None and Path(code.co_filename).resolve().is_relative_to(TESTS)


def fixture_function(item: pytest.Function, name: str) -> Callable | None:
    """The function of fixture ``name`` as ``item`` sees it: its module's, else conftest's."""
    for namespace in (vars(item.module), globals()):
        candidate = namespace.get(name)
        if candidate is not None and defined_in_tests(candidate):
            return candidate
    return None


def layer_of(item: pytest.Function) -> str:
    """``browser``, ``site`` or ``unit``: what the test and everything it uses calls.

    A fixture chosen by parameter (``request.getfixturevalue(name)``) counts as used.
    """
    used = set(item.fixturenames)
    callspec = getattr(item, "callspec", None)
    if callspec is not None:
        used |= {value for value in callspec.params.values() if isinstance(value, str)}
    names = called_names(item.function) | used
    for name in used:
        fixture = fixture_function(item, name)
        if fixture is not None:
            names |= called_names(fixture)
    if names & BROWSER_CALLS:
        return "browser"
    if names & SITE_CALLS:
        return "site"
    return "unit"


def pytest_addoption(parser: pytest.Parser) -> None:
    """``--update-golden``: write the built golden site over tests/output/golden/ (make golden)."""
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="replace tests/output/golden/ with the site built now (tests/test_golden.py)",
    )


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Give every test without a layer marker the layer :func:`layer_of` reads."""
    for item in items:
        own = [layer for layer in LAYERS if item.get_closest_marker(layer)]
        if len(own) > 1:
            raise pytest.UsageError(f"{item.nodeid} has more than one layer: {own}")
        if not own and isinstance(item, pytest.Function):
            item.add_marker(getattr(pytest.mark, layer_of(item)))


def program_of(args: object) -> str:
    """The name of the program a subprocess command line starts (``git``, ``python3``)."""
    first = args[0] if isinstance(args, list | tuple) else str(args).split()[0]
    return Path(str(first)).name


@pytest.fixture(autouse=True)
def _in_process_only(request: pytest.FixtureRequest, monkeypatch) -> Iterator[None]:
    """Fail a ``unit`` test that starts a program other than git: it is a ``site`` test."""
    if request.node.get_closest_marker("unit") is None:
        yield
        return
    real = subprocess.Popen

    class InProcessOnly(real):  # type: ignore[misc, valid-type]
        def __init__(self, args, *more, **options) -> None:
            if program_of(args) not in UNIT_PROGRAMS:
                pytest.fail(
                    f"{request.node.nodeid} is marked unit but runs {program_of(args)}: "
                    "mark it @pytest.mark.site (see tests/conftest.py)",
                    pytrace=False,
                )
            super().__init__(args, *more, **options)

    monkeypatch.setattr(subprocess, "Popen", InProcessOnly)
    yield


@pytest.fixture(scope="session")
def local_build(tmp_path_factory) -> Build:
    build = run_build(tmp_path_factory.mktemp("local") / "output")
    assert build.returncode == 0, build.log
    return build


@pytest.fixture(scope="session")
def publish_build(tmp_path_factory) -> Build:
    build = run_build(tmp_path_factory.mktemp("publish") / "output", settings=PUBLISH_SETTINGS)
    assert build.returncode == 0, build.log
    return build


@pytest.fixture(scope="session")
def complete_site(tmp_path_factory) -> Build:
    """The small complete bilingual site of ``site_fixture.py``, built once."""
    folder = tmp_path_factory.mktemp("complete-site")
    content = write_content(folder / "content", COMPLETE_SITE)
    build = run_build(folder / "output", content=content)
    assert build.returncode == 0, build.log
    return build


@pytest.fixture
def output(complete_site: Build, tmp_path: Path) -> Path:
    """A copy of the complete site's output that a test may break or deploy."""
    copy = tmp_path / "output"
    shutil.copytree(complete_site.output, copy)
    return copy
