# Samspel 63: two static sites (samspel63.se in Swedish, samspel63.no in Norwegian
# Bokmål) built from one content folder with Pelican and pelican-i18n-subsites.
# Run `make help` for the targets.

PY ?= python3
VENV ?= .venv
PYTHON ?= $(VENV)/bin/python
SAMSPEL ?= $(VENV)/bin/samspel
PELICANOPTS ?=
TYPE ?=
SLUG ?=
PREVIEW_SE ?=
PREVIEW_NO ?=

BASEDIR = $(CURDIR)
INPUTDIR = $(BASEDIR)/content
OUTPUTDIR = $(BASEDIR)/output
CONFFILE = $(BASEDIR)/pelicanconf.py
PUBLISHCONF = $(BASEDIR)/publishconf.py
TRANSLATIONS = $(BASEDIR)/theme/translations
N ?= 1000
HOST ?= 127.0.0.1

STAMP = $(VENV)/.installed-stamp
NODE_STAMP = node_modules/.installed-stamp

help:
	@echo 'Samspel 63 sites: make targets'
	@echo ''
	@echo '  make serve            build both sites and serve them (se :8000, no :8001: samspel serve)'
	@echo '  make check            check all of content/ and name every mistake (sv/nb)'
	@echo '  make status           missing, out of date, not committed, tentative and past (LANG=sv or LANG=nb: one language)'
	@echo '  make new TYPE=activity SLUG=berattarkafe-2025   start a new sv+nb pair'
	@echo '                        (TYPE: activity, initiative, news, page)'
	@echo '  make html             build both sites into output/se and output/no'
	@echo '  make devserver        rebuild on every change and serve both sites'
	@echo '  make publish          build both sites for https://samspel63.se and https://samspel63.no'
	@echo '  make preview PREVIEW_SE=https://preview.samspel63.se/pr-12/ PREVIEW_NO=https://preview.samspel63.no/pr-12/'
	@echo '                        build both sites for a preview address into output/preview/ (noindex)'
	@echo '  make preview-offline  build both sites into output/offline/, to open from the folder (file://)'
	@echo '  make linkcheck        check every link in output/ (SETTINGS=publishconf.py after make publish)'
	@echo '  make deploy           publish output/se and output/no to DEPLOY_SE and DEPLOY_NO (see README)'
	@echo '  make rollback         switch both sites back to their previous release'
	@echo '  make test             install what is needed, lint, and run every test (unit, site, browser)'
	@echo '  make test-fast        the unit tests only (in-process, no build): seconds'
	@echo '  make golden           rebuild tests/output/golden/ after an intended change of the output'
	@echo '  make bench            time our build against plain Pelican (N=$(N) activities per language)'
	@echo '  make lint             ruff and mypy on plugins, tools, tests and settings'
	@echo '  make screenshots      home page of each site at 360 and 1280 px into docs/screenshots/'
	@echo '  make test-tools       Chromium, Java, rsync (apt, as root) and axe-core + vnu.jar (npm) for the tests'
	@echo '  make clean            remove output/ and cache/'
	@echo '  make translations-extract   collect the theme strings into theme/translations/messages.pot'
	@echo '  make translations-update    merge new strings into the sv and nb catalogues (.po)'
	@echo '  make translations-compile   compile the catalogues (.mo); every build does this'
	@echo '  make install          create $(VENV) with every dependency'
	@echo ''
	@echo 'Variables: HOST=$(HOST) PELICANOPTS=$(PELICANOPTS)'

$(STAMP): pyproject.toml
	test -x $(PYTHON) || $(PY) -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --upgrade pip
	$(PYTHON) -m pip install --quiet -e '.[test]' || { \
	  echo 'make: installationen misslyckades, se ovan; kör make install igen / installasjonen mislyktes, se over; kjør make install igjen' >&2; exit 1; }
	touch $(STAMP)

install: $(STAMP)

# Test tools that are not Python: axe-core and the Nu Html Checker from npm (pinned
# by package-lock.json, install scripts off: vnu.jar runs on the machine's Java),
# Debian's Chromium, a Java runtime and rsync (the deploy test's remote path). Never a silent skip: without root, say what to run.
$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	touch $(NODE_STAMP)

test-tools: $(NODE_STAMP)
	@test -x /usr/bin/chromium && command -v java >/dev/null && command -v rsync >/dev/null || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium default-jre-headless rsync; \
	  else \
	    echo 'Chromium, Java or rsync is missing. Run: sudo apt-get install -y chromium default-jre-headless rsync' >&2; exit 1; \
	  fi; }

screenshots: $(STAMP) test-tools
	$(PYTHON) -m tools.browser screenshots --out $(BASEDIR)/docs/screenshots

translations-extract: $(STAMP)
	$(VENV)/bin/pybabel extract --mapping-file $(TRANSLATIONS)/babel.cfg \
		--no-location --omit-header --sort-output \
		--output-file $(TRANSLATIONS)/messages.pot $(BASEDIR)/theme/templates

translations-update: translations-extract
	$(VENV)/bin/pybabel update --input-file $(TRANSLATIONS)/messages.pot \
		--output-dir $(TRANSLATIONS) --domain messages --no-fuzzy-matching \
		--ignore-obsolete

translations-compile: $(STAMP)
	$(SAMSPEL) build --compile-only

check: $(STAMP)
	$(SAMSPEL) check --content $(INPUTDIR)

status: $(STAMP)
	$(SAMSPEL) status --content $(INPUTDIR)

new: $(STAMP)
	$(SAMSPEL) new --type "$(TYPE)" --slug "$(SLUG)" --content $(INPUTDIR)

html: $(STAMP)
	$(SAMSPEL) build --settings $(CONFFILE) --output $(OUTPUTDIR) $(PELICANOPTS)

publish: $(STAMP)
	$(SAMSPEL) build --settings $(PUBLISHCONF) --output $(OUTPUTDIR) $(PELICANOPTS)
	$(SAMSPEL) linkcheck --settings $(PUBLISHCONF) --output $(OUTPUTDIR) || { \
	  echo 'make publish: länkkontrollen hittade fel, se raderna ovan (BROKEN: en länk som leder ingenstans); rätta dem och kör make publish igen / lenkesjekken fant feil, se linjene over (BROKEN: en lenke som fører ingen steder); rett dem og kjør make publish igjen' >&2; exit 1; }

# Previews (tools/preview.py): the publish settings with other addresses, each in its own
# output and cache folder so that a preview never replaces or evicts the publish build.
preview: $(STAMP)
	$(SAMSPEL) build --settings $(PUBLISHCONF) --output $(OUTPUTDIR)/preview \
		--cache $(BASEDIR)/cache/preview --preview-se "$(PREVIEW_SE)" --preview-no "$(PREVIEW_NO)" \
		$(PELICANOPTS)
	$(SAMSPEL) linkcheck --settings $(PUBLISHCONF) --output $(OUTPUTDIR)/preview \
		--preview-se "$(PREVIEW_SE)" --preview-no "$(PREVIEW_NO)"

preview-offline: $(STAMP)
	$(SAMSPEL) build --settings $(PUBLISHCONF) --output $(OUTPUTDIR)/offline \
		--cache $(BASEDIR)/cache/offline --offline $(PELICANOPTS)

# The settings the output was built with: pelicanconf.py after `make html`.
SETTINGS ?= $(CONFFILE)
linkcheck: $(STAMP)
	$(SAMSPEL) linkcheck --settings $(SETTINGS) --output $(OUTPUTDIR) $(LINKCHECKOPTS)

deploy: $(STAMP)
	$(SAMSPEL) deploy --settings $(PUBLISHCONF) --output $(OUTPUTDIR)

rollback: $(STAMP)
	$(SAMSPEL) rollback

serve: html
	$(SAMSPEL) serve --output $(OUTPUTDIR) --host $(HOST)

devserver: html
	$(SAMSPEL) serve --output $(OUTPUTDIR) --host $(HOST) \
		--rebuild "$(SAMSPEL) build --settings $(CONFFILE) --output $(OUTPUTDIR)"

bench: $(STAMP)
	$(PYTHON) -m tools.bench --n $(N)

lint: $(STAMP)
	$(VENV)/bin/ruff check plugins tools tests pelicanconf.py publishconf.py
	$(VENV)/bin/ruff format --check plugins tools tests pelicanconf.py publishconf.py
	$(VENV)/bin/mypy

# Two pytest-xdist workers, a test module each at a time (--dist loadfile), so that a
# module's builds (module-scoped fixtures) are made once; the session-wide builds are made
# once per worker. On 2 cores: 4 min 41 s against 5 min 32 s one after the other (docs/development.md).
# TEST_WORKERS=0 runs them in this process, one after the other.
TEST_WORKERS ?= 2
test: $(STAMP) test-tools
	$(MAKE) lint
	$(VENV)/bin/pytest -n $(TEST_WORKERS) --dist loadfile

# The unit layer (tests/conftest.py marks every test unit, site or browser).
test-fast: $(STAMP)
	$(VENV)/bin/pytest -m unit

# After a change of the output that is meant: rebuild the golden site (tests/test_golden.py)
# into tests/output/golden/, then review `git diff --stat tests/output/golden` and commit it.
golden: $(STAMP)
	$(VENV)/bin/pytest tests/test_golden.py --update-golden

clean:
	rm -rf $(OUTPUTDIR) $(BASEDIR)/cache

.PHONY: help install html publish preview preview-offline serve devserver lint test test-fast golden clean linkcheck deploy rollback \
	translations-extract translations-update translations-compile \
	check status new test-tools screenshots bench
