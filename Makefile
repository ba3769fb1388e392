# Two commands on a fresh machine: `make demo` and `make test`. Both create .venv and install pinned deps.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test test-fast lint bench clean browser-deps

$(STAMP): requirements.lock requirements-dev.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	# requirements.lock holds the runtime pins; requirements-dev.txt the test, lint and benchmark ones (torch pinned to
	# the version of the CPU wheel in pip's find-links directory: an unpinned torch would pull a multi-GB CUDA build).
	$(BIN)/pip install --quiet -r requirements.lock -r requirements-dev.txt
	$(BIN)/pip install --quiet --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

# Publication dates of the seeds, which their scraped text does not state (NBC and Nikkei: March 2019; the Asia
# Times piece is from July 2018), so the timeline can resolve "last week" and "on Monday".
DEMO_DATES := --date asiatimes.txt=2018-07-10 --date nbc.txt=2019-03-08 --date nikkei.txt=2019-03-07

demo: $(STAMP)
	$(BIN)/storyline brief examples/ $(DEMO_DATES)
	$(BIN)/storyline brief examples/ $(DEMO_DATES) --format html --output brief.html

# The browser tests drive Debian's Chromium. Install it when missing (CI runs as root); if that cannot be done,
# say so and go on: those tests then skip with the reason.
browser-deps:
	@if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver) \
	      || echo "warning: could not install chromium; the browser tests will be skipped"; \
	  else \
	    echo "warning: chromium is missing; run: sudo apt-get install chromium chromium-driver"; \
	  fi; \
	fi

test: $(STAMP) browser-deps
	$(BIN)/ruff check src tests bench
	$(BIN)/pytest -q

test-fast: $(STAMP)
	$(BIN)/pytest -q -m "not slow"

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

clean:
	rm -rf $(VENV) brief.html .pytest_cache
