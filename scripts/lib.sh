# Shared helpers for the scripts (sourced).
export PATH="$HOME/.cargo/bin:$PATH"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export CHROME_BIN=/usr/bin/chromium

cargo_version() {
  sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -1
}

# The wasm-bindgen CLI must be exactly the version Cargo.toml pins.
wasm_bindgen_version() {
  sed -n 's/^wasm-bindgen = "=\(.*\)"$/\1/p' Cargo.toml | head -1
}
