# Two entry points for a fresh machine: `make demo` and `make test`. Everything they need is
# installed here from the package registries; nothing is fetched at run time.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)
DEMO   := demo-output
CORPUS := examples/russia-turkey

.PHONY: install demo test bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	rm -f $(VENV)/.installed-* && touch $(STAMP)

install: $(STAMP)

# The main job on the example corpus, into a fresh embedded store.
demo: $(STAMP)
	rm -rf $(DEMO) && mkdir -p $(DEMO)
	$(BIN)/storyline --db $(DEMO)/storyline.db ingest examples/
	$(BIN)/storyline --db $(DEMO)/storyline.db articles
	$(BIN)/storyline --db $(DEMO)/storyline.db --json articles > $(DEMO)/articles.json
	@echo
	@echo "Store:    $(DEMO)/storyline.db"
	@echo "Articles: $(DEMO)/articles.json"
	@echo "Look at one: $(BIN)/storyline --db $(DEMO)/storyline.db show <id>"

test: $(STAMP)
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python bench/ingest.py --n 10000
	$(BIN)/python bench/extract.py --data ../shared/eval/article_extraction_benchmark_scrapinghub

clean:
	rm -rf $(DEMO) .pytest_cache .hypothesis
