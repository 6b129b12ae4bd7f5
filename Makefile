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
	# The CPU build of torch first (a wheel on this machine's disk): left to the resolver,
	# sentence-transformers would pull a multi-GB CUDA build.
	$(BIN)/python -m pip install --quiet torch==2.13.0
	$(BIN)/python -m pip install --quiet -e '.[test,bench,png]'
	rm -f $(VENV)/.installed-* && touch $(STAMP)

install: $(STAMP)

# The main job on the example corpus, into a fresh embedded store.
demo: $(STAMP)
	rm -rf $(DEMO) && mkdir -p $(DEMO)
	$(BIN)/storyline --db $(DEMO)/storyline.db ingest examples/
	$(BIN)/storyline --db $(DEMO)/storyline.db articles
	$(BIN)/storyline --db $(DEMO)/storyline.db entities --limit 15
	$(BIN)/storyline --db $(DEMO)/storyline.db stories
	$(BIN)/storyline --db $(DEMO)/storyline.db --json stories > $(DEMO)/stories.json
	$(BIN)/storyline --db $(DEMO)/storyline.db report --story "$$($(BIN)/python -c 'import json; print(json.load(open("$(DEMO)/stories.json"))["stories"][0]["id"])')" --out $(DEMO)/report
	$(BIN)/storyline --db $(DEMO)/storyline.db --json articles > $(DEMO)/articles.json
	$(BIN)/storyline --db $(DEMO)/storyline.db --json entities --limit 1000 > $(DEMO)/entities.json
	$(BIN)/storyline --db $(DEMO)/storyline.db --json quotes > $(DEMO)/quotes.json
	@echo
	@echo "Store:    $(DEMO)/storyline.db"
	@echo "Articles: $(DEMO)/articles.json  Entities: $(DEMO)/entities.json  Quotes: $(DEMO)/quotes.json"
	@echo "Look at one: $(BIN)/storyline --db $(DEMO)/storyline.db show <id>"
	@echo "Report:   $(DEMO)/report/story.html (also story.md, timeline.svg, timeline.png)"
	@echo "Browse:   $(BIN)/storyline --db $(DEMO)/storyline.db serve   # then open http://127.0.0.1:8765/"

test: $(STAMP)
	# The browser tests drive Debian's chromium (never a downloaded browser).
	test -x /usr/bin/chromium || { apt-get update -qq && apt-get install -y -qq chromium; }
	$(BIN)/python -m pytest -q

EVAL ?= ../shared/eval
bench: $(STAMP)
	$(BIN)/python bench/ingest.py --n 10000 --data $(EVAL)/duc2004_task2
	$(BIN)/python bench/extract.py --data $(EVAL)/article_extraction_benchmark_scrapinghub
	$(BIN)/python bench/timex.py --data $(EVAL)/tempeval3_timebank
	$(BIN)/python bench/ner.py --data $(EVAL)/conll2003_en
	$(BIN)/python bench/analyze_speed.py --data $(EVAL)/duc2004_task2 --n 250

clean:
	rm -rf $(DEMO) .pytest_cache .hypothesis
