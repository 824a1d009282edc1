#!/usr/bin/env bash
# Runs every test of Kitt.Dashboard on a fresh Debian machine: installs what the tests need (Chromium for the
# end-to-end tests, a Docker engine and a static busybox for the container tests, Prometheus for the scrape test, Alertmanager and an SMTP server (aiosmtpd) for the alert receivers, PostgreSQL 15 for the suites that run on both databases), restores, builds warning-free, runs each test project and prints the totals as the last line:
#   tests: N passed, N failed, N skipped
set -uo pipefail
cd "$(dirname "$0")/.."

install_missing() {
    local missing=()
    command -v chromium >/dev/null 2>&1 || missing+=(chromium)
    command -v dockerd >/dev/null 2>&1 || missing+=(docker.io)
    dpkg -s busybox-static >/dev/null 2>&1 || missing+=(busybox-static)
    command -v prometheus >/dev/null 2>&1 || missing+=(prometheus)
    [ -x /usr/bin/prometheus-alertmanager ] || missing+=(prometheus-alertmanager)
    [ -d /usr/lib/python3/dist-packages/aiosmtpd ] || missing+=(python3-aiosmtpd)
    [ -x /usr/lib/postgresql/15/bin/initdb ] || missing+=(postgresql-15)
    ((${#missing[@]})) || return 0
    echo "Installing: ${missing[*]}"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

install_missing || { echo "could not install the test prerequisites"; echo "tests: 0 passed, 1 failed, 0 skipped"; exit 1; }

results="$(mktemp -d)"
status=0
dotnet restore Kitt.Dashboard.sln --nologo -v q || status=1
if [ "$status" -eq 0 ]; then
    dotnet build Kitt.Dashboard.sln -c Release --no-restore --nologo -v q -warnaserror || status=1
fi

if [ "$status" -eq 0 ]; then
    # One project at a time: the machine is small and the end-to-end tests start their own server.
    for project in tests/*/*.csproj; do
        grep -q '<IsTestProject>true</IsTestProject>' "$project" || continue # bench commands are not tests
        name="$(basename "$project" .csproj)"
        echo "== $name"
        dotnet test "$project" -c Release --no-build --nologo \
            --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=normal" \
            --results-directory "$results" || status=1
    done
fi

# The failures again, last, with the first lines of their messages, so they show in the tail of a long log.
for trx in "$results"/*.trx; do
    [ -e "$trx" ] || continue
    awk '
        /<UnitTestResult / && /outcome="Failed"/ { match($0, /testName="[^"]*"/); name = substr($0, RSTART + 10, RLENGTH - 11); failing = 1; shown = 0; next }
        failing && /<Message>/ { printing = 1; sub(/.*<Message>/, "") }
        failing && printing { line = $0; ended = sub(/<\/Message>.*/, "", line); if (shown == 0) print "FAILED " name; if (shown < 8) print "    " line; shown++; if (ended) { failing = 0; printing = 0 } }
    ' "$trx"
done

# dotnet test's own summary is per project; CI reads one line, summed from the TRX counters.
passed=0; failed=0; total=0
for trx in "$results"/*.trx; do
    [ -e "$trx" ] || continue
    counters="$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)"
    value() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
    total=$((total + $(value total)))
    passed=$((passed + $(value passed)))
    failed=$((failed + $(value failed)))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
    failed=1 # the build or a test host failed before any test could report
fi
skipped=$((total - passed - failed))
((skipped < 0)) && skipped=0
echo "tests: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] && [ "$status" -eq 0 ]
