# Shortcuts over the scripts the README names (make itself comes with build-essential,
# which scripts/setup.sh installs).
.PHONY: setup run test lint fmt bench

setup:
	scripts/setup.sh

run:
	scripts/run.sh

test:
	scripts/test.sh

lint:
	cargo fmt --all --check
	cargo clippy --workspace --all-targets --locked -- -D warnings

fmt:
	cargo fmt --all

bench:
	cargo run --release --locked -p holdspace-cli -- bench
