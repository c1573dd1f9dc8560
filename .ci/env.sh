# Sourced by .ci/test and .ci/demo: finds a JDK >= 21 and Maven, installing what a fresh Debian
# machine lacks when running as root; elsewhere it says what to install.

lv_java_major() {
  "$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1
}

lv_pick_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ] && [ "$(lv_java_major "$JAVA_HOME")" -ge 21 ] 2>/dev/null; then
    return 0
  fi
  local best="" best_major=0 dir major
  for dir in /usr/lib/jvm/* /opt/java/* /opt/jdk*; do
    [ -x "$dir/bin/javac" ] || continue
    major=$(lv_java_major "$dir")
    if [ -n "$major" ] && [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then
      best="$dir"; best_major="$major"
    fi
  done
  if [ -z "$best" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "No JDK >= 21 found: installing openjdk-21-jdk-headless" >&2
    apt-get update -qq && apt-get install -y -qq openjdk-21-jdk-headless >/dev/null
    best=$(ls -d /usr/lib/jvm/java-21-openjdk-* 2>/dev/null | head -n 1)
  fi
  if [ -z "$best" ]; then
    echo "Need a JDK >= 21: install one (e.g. Temurin 21+) and set JAVA_HOME to it." >&2
    return 1
  fi
  export JAVA_HOME="$best"
}

lv_need_maven() {
  command -v mvn >/dev/null && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq && apt-get install -y -qq maven >/dev/null
  else
    echo "Need Apache Maven 3.8+ on the PATH." >&2
    return 1
  fi
}

lv_pick_jdk || exit 1
lv_need_maven || exit 1
export PATH="$JAVA_HOME/bin:$PATH"
