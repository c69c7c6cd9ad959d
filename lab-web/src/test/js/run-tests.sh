#!/bin/sh
# Runs the page's JavaScript unit tests (every *.test.js here) with Node.js's built-in runner.
# Called by Maven in lab-web's test phase; the working directory is this folder.
if ! command -v node >/dev/null 2>&1; then
  message="the page's JavaScript unit tests need Node.js 20 or later (node on the PATH)"
  if [ -n "${SOCKETLAB_REQUIRE_NODE:-}" ]; then
    echo "[page unit tests] $message, and SOCKETLAB_REQUIRE_NODE is set" >&2
    exit 1
  fi
  echo "[page unit tests] $message; skipping them" >&2
  exit 0
fi
exec node --test --test-reporter=spec
