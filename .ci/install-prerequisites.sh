#!/usr/bin/env bash
# System tools revkg needs besides Python: a JDK that Neo4j 5.26 runs on (17 or 21), Maven to
# fetch Neo4j from Maven Central, and npm to fetch the pinned gazetteer. Installs what is missing.
set -euo pipefail
missing=()
have_jdk() {
  for j in /usr/lib/jvm/*/bin/java $(command -v java || true); do
    [ -x "$j" ] && "$j" -version 2>&1 | grep -qE 'version "(17|21)[."]' && return 0
  done
  return 1
}
have_jdk || missing+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null || missing+=(maven)
command -v npm >/dev/null || missing+=(npm)
# No Docker: revkg never needs it, and tests/test_compose.py checks docker-compose.yml in Python
# (with `docker compose config` only on a machine that already has Docker).
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]} from Debian's packages"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
fi
