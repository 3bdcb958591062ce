# shellcheck shell=bash
# Sourced by ./build, ./switchio and bin/switchio: sets SWITCHIO_JAVA_HOME to a JDK >= 21.
# Order: $JAVA_HOME, then the `java` on PATH, then the newest JDK under /usr/lib/jvm.
# On failure it prints one sentence to stderr and returns 1.

switchio_java_major() {  # $1 = path to a java binary; prints its feature version or nothing
  local line
  line=$("$1" -XshowSettings:properties -version 2>&1 | grep -m1 'java.specification.version') || return 0
  line=${line##*= }
  echo "${line%%.*}"
}

switchio_find_jdk() {
  local min=21 candidate major best="" best_major=0
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    major=$(switchio_java_major "$JAVA_HOME/bin/java")
    if [ -n "$major" ] && [ "$major" -ge "$min" ]; then SWITCHIO_JAVA_HOME=$JAVA_HOME; return 0; fi
  fi
  if command -v java >/dev/null 2>&1; then
    candidate=$(command -v java)
    candidate=$(readlink -f "$candidate" 2>/dev/null || echo "$candidate")
    major=$(switchio_java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge "$min" ]; then SWITCHIO_JAVA_HOME=$(dirname "$(dirname "$candidate")"); return 0; fi
  fi
  for candidate in /usr/lib/jvm/*/bin/java; do
    [ -x "$candidate" ] || continue
    major=$(switchio_java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge "$min" ] && [ "$major" -gt "$best_major" ]; then
      best=$(dirname "$(dirname "$candidate")"); best_major=$major
    fi
  done
  if [ -n "$best" ]; then SWITCHIO_JAVA_HOME=$best; return 0; fi
  echo "switchio needs a JDK 21 or newer (25 recommended): none found in JAVA_HOME, on PATH or under /usr/lib/jvm; install one or set JAVA_HOME." >&2
  return 1
}
