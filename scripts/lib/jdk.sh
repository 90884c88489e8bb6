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

# concurrence_start_cache JAR LESSONS: sets CONCURRENCE_CACHE_OPTS, the options that start $JAVA
# from the app's start-up cache (README: "Start-up caches"), making the cache first if it is
# missing or older than the jar. The cache holds the classes loaded and linked, and the method
# profiles, of a rehearsal of the whole course (`concurrence rehearse`): the app's first frame
# comes sooner, and the JIT compiles far less of the app while a student's first experiment runs.
# An ahead-of-time cache from JDK 25 on, a dynamic class-data archive before. Beside the jar when
# it is fresh there (scripts/install made it for every user) or that folder is writable;
# otherwise in ~/.cache/concurrence. Making it takes about 8 s, once per build of the jar and JDK;
# if it cannot be made, the app starts without it (and the launcher does not try again until the
# jar changes). CONCURRENCE_START_CACHE=0 turns all of this off.
concurrence_start_cache() {
  local jar=$1 lessons=$2 major ext version dir cache part
  CONCURRENCE_CACHE_OPTS=()
  [ "${CONCURRENCE_START_CACHE:-1}" != 0 ] || return 0
  major=$(concurrence_java_major "$JAVA")
  local quiet=(-Xlog:aot=off,cds=off)   # a cache that does not fit is ignored, silently
  if [ "$major" -ge 25 ] 2>/dev/null; then ext=aot; else ext=jsa; quiet=(-Xlog:cds=off,cds+dynamic=off); fi
  version=$(sed -n 's/^JAVA_RUNTIME_VERSION="\(.*\)"$/\1/p' "$JAVA_HOME/release" 2>/dev/null | head -n 1)
  version=${version:-$major}
  dir=$(dirname "$jar")
  cache="$dir/app-$version.$ext"
  if ! [ "$cache" -nt "$jar" ] && ! [ -w "$dir" ]; then
    [ -n "${XDG_CACHE_HOME:-}" ] || [ -n "${HOME:-}" ] || return 0   # nowhere of the user's to keep it
    dir="${XDG_CACHE_HOME:-$HOME/.cache}/concurrence"
    cache="$dir/app-jar$(printf '%s' "$jar" | cksum | cut -d' ' -f1)-$version.$ext"
    (umask 077; mkdir -p "$dir") 2>/dev/null || return 0
  fi
  if ! [ "$cache" -nt "$jar" ] && ! [ "$cache.failed" -nt "$jar" ] && [ -w "$dir" ]; then
    echo "concurrence: preparing the start-up cache (once per build, about 10 s)..." >&2
    part=$(mktemp "$dir/app-XXXXXX.part") || return 0
    local make=(-XX:AOTCacheOutput="$part")
    [ "$ext" = aot ] || make=(-XX:ArchiveClassesAtExit="$part")
    if "$JAVA" "${make[@]}" "${quiet[@]}" --enable-native-access=ALL-UNNAMED -Dconcurrence.lessons="$lessons" \
        -jar "$jar" rehearse </dev/null >/dev/null 2>&1 && [ -s "$part" ]; then
      chmod 0644 "$part"
      mv -f "$part" "$cache"
      # The caches of this jar for other JDKs: a JVM can only use one made by itself.
      local other
      for other in "${cache%-"$version.$ext"}"-*.aot "${cache%-"$version.$ext"}"-*.jsa "$cache.failed"; do
        [ "$other" = "$cache" ] || rm -f "$other"
      done
    else
      echo "concurrence: the start-up cache could not be made; starting without it (see concurrence rehearse)." >&2
      rm -f "$part" "$part.config"
      touch "$cache.failed" 2>/dev/null || true
    fi
  fi
  if [ "$cache" -nt "$jar" ]; then
    if [ "$ext" = aot ]; then CONCURRENCE_CACHE_OPTS=(-XX:AOTCache="$cache"); else CONCURRENCE_CACHE_OPTS=(-XX:SharedArchiveFile="$cache"); fi
    CONCURRENCE_CACHE_OPTS+=("${quiet[@]}")
  fi
}
