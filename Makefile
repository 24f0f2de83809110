# Samspel 63: two static sites (samspel63.se in Swedish, samspel63.no in Norwegian
# Bokmål) built from one content folder with Pelican and pelican-i18n-subsites.
# Run `make help` for the targets.

PY ?= python3
VENV ?= .venv
PYTHON ?= $(VENV)/bin/python
PELICANOPTS ?=

BASEDIR = $(CURDIR)
INPUTDIR = $(BASEDIR)/content
OUTPUTDIR = $(BASEDIR)/output
CONFFILE = $(BASEDIR)/pelicanconf.py
PUBLISHCONF = $(BASEDIR)/publishconf.py
TRANSLATIONS = $(BASEDIR)/theme/translations
N ?= 1000
PORT_SE ?= 8000
PORT_NO ?= 8001
HOST ?= 127.0.0.1

STAMP = $(VENV)/.installed-stamp

help:
	@echo 'Samspel 63 sites: make targets'
	@echo ''
	@echo '  make serve            build both sites and serve them (se :$(PORT_SE), no :$(PORT_NO))'
	@echo '  make html             build both sites into output/se and output/no'
	@echo '  make devserver        rebuild on every change and serve both sites'
	@echo '  make publish          build both sites for https://samspel63.se and https://samspel63.no'
	@echo '  make test             install what is needed and run every test'
	@echo '  make bench            time our build against plain Pelican (N=$(N) activities per language)'
	@echo '  make lint             ruff on plugins, tools, tests and settings'
	@echo '  make clean            remove output/ and cache/'
	@echo '  make translations-extract   collect the theme strings into theme/translations/messages.pot'
	@echo '  make translations-update    merge new strings into the sv and nb catalogues (.po)'
	@echo '  make translations-compile   compile the catalogues (.mo); every build does this'
	@echo '  make install          create $(VENV) with every dependency'
	@echo ''
	@echo 'Variables: PORT_SE=$(PORT_SE) PORT_NO=$(PORT_NO) PELICANOPTS=$(PELICANOPTS)'

$(STAMP): pyproject.toml
	test -x $(PYTHON) || $(PY) -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --upgrade pip
	$(PYTHON) -m pip install --quiet '.[test]'
	touch $(STAMP)

install: $(STAMP)

translations-extract: $(STAMP)
	$(VENV)/bin/pybabel extract --mapping-file $(TRANSLATIONS)/babel.cfg \
		--no-location --omit-header --sort-output \
		--output-file $(TRANSLATIONS)/messages.pot $(BASEDIR)/theme/templates

translations-update: translations-extract
	$(VENV)/bin/pybabel update --input-file $(TRANSLATIONS)/messages.pot \
		--output-dir $(TRANSLATIONS) --domain messages --no-fuzzy-matching \
		--omit-header --ignore-obsolete

translations-compile: $(STAMP)
	$(PYTHON) -m tools.build --compile-only

html: $(STAMP)
	$(PYTHON) -m tools.build --settings $(CONFFILE) --output $(OUTPUTDIR) $(PELICANOPTS)

publish: $(STAMP)
	$(PYTHON) -m tools.build --settings $(PUBLISHCONF) --output $(OUTPUTDIR) $(PELICANOPTS)

serve: html
	$(PYTHON) -m tools.serve --root-se $(OUTPUTDIR)/se --root-no $(OUTPUTDIR)/no \
		--host $(HOST) --port-se $(PORT_SE) --port-no $(PORT_NO)

devserver: html
	$(PYTHON) -m tools.serve --root-se $(OUTPUTDIR)/se --root-no $(OUTPUTDIR)/no \
		--host $(HOST) --port-se $(PORT_SE) --port-no $(PORT_NO) \
		--rebuild "$(PYTHON) -m tools.build --settings $(CONFFILE) --output $(OUTPUTDIR)"

bench: $(STAMP)
	$(PYTHON) -m tools.bench --n $(N)

lint: $(STAMP)
	$(VENV)/bin/ruff check plugins tools tests pelicanconf.py publishconf.py
	$(VENV)/bin/ruff format --check plugins tools tests pelicanconf.py publishconf.py

test: $(STAMP)
	$(MAKE) lint
	$(VENV)/bin/pytest

clean:
	rm -rf $(OUTPUTDIR) $(BASEDIR)/cache

.PHONY: help install html publish serve devserver lint test clean bench \
	translations-extract translations-update translations-compile
