# Sourced by the project's scripts: finds a JDK >= 21 (JAVA_HOME, then java on PATH, then the
# newest under /usr/lib/jvm), exports JAVA_HOME and JAVA, or says what to install and exits 1.
# Also checks for Maven, which builds the project.

concurrence_java_major() {  # prints the major version of the java binary $1, or nothing
  # The JDK's release file answers at once; running `java -version` costs ~0.1 s a JDK.
  local home line
  home=$(cd "$(dirname "$(readlink -f "$1")")/.." 2>/dev/null && pwd) || home=""
  if [ -n "$home" ] && [ -f "$home/release" ]; then
    line=$(sed -n 's/^JAVA_VERSION="\(.*\)"$/\1/p' "$home/release" | head -n 1)
  fi
  if [ -z "${line:-}" ]; then
    # "Picked up JAVA_TOOL_OPTIONS: ..." may come first: take the line that names the version.
    line=$("$1" -version 2>&1 | grep -m 1 'version "') || return 0
    line=${line#*\"}; line=${line%%\"*}
  fi
  case "$line" in
    1.*) line=${line#1.}; echo "${line%%.*}" ;;
    *) line=${line%%.*}; line=${line%%-*}; echo "${line%%+*}" ;;
  esac
}

concurrence_find_jdk() {
  local candidates=() c major found=""
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME/bin/java")
  command -v java >/dev/null 2>&1 && candidates+=("$(command -v java)")
  local jvmdir="${CONCURRENCE_JVM_DIR:-/usr/lib/jvm}"
  if [ -d "$jvmdir" ]; then
    # newest first
    while IFS= read -r c; do candidates+=("$c"); done < <(
      for d in "$jvmdir"/*/; do
        [ -x "$d/bin/java" ] && printf '%s %s\n' "$(concurrence_java_major "$d/bin/java")" "$d/bin/java"
      done | sort -rn | cut -d' ' -f2-)
  fi
  for c in "${candidates[@]}"; do
    [ -x "$c" ] || continue
    major=$(concurrence_java_major "$c")
    [ -n "$major" ] || continue
    found="${found:+$found, }$c ($major)"
    local home
    home=$(cd "$(dirname "$(readlink -f "$c")")/.." && pwd)
    if [ "$major" -ge 21 ] 2>/dev/null && [ -x "$home/bin/javac" ]; then
      export JAVA_HOME="$home" JAVA="$home/bin/java"
      return 0
    fi
  done
  {
    echo "concurrence needs a JDK 21 or newer (with javac); found: ${found:-none}."
    echo "  Debian 13, Ubuntu 24.04:  sudo apt-get install openjdk-21-jdk maven"
    echo "  Debian 12:                install Temurin 21 (package temurin-21-jdk from the Adoptium apt repository)"
    echo "  or point JAVA_HOME at a JDK >= 21."
  } >&2
  exit 1
}

concurrence_need_maven() {
  if ! command -v mvn >/dev/null 2>&1; then
    echo "concurrence is built with Maven, which is missing: sudo apt-get install maven" >&2
    exit 1
  fi
  # Maven's own libraries warn about sun.misc.Unsafe on JDK 24+; that is Maven's business, not ours.
  local major
  major=$(concurrence_java_major "$JAVA")
  if [ "$major" -ge 24 ] 2>/dev/null; then
    export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
  fi
}
