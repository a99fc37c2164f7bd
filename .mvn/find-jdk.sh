# Sourced by ./mvnw, ./start and .ci/run: selects a JDK >= 21 when JAVA_HOME does not already point at one.
# The machines this project runs on have Java 17 as the default `java` and a newer JDK beside it.
__jdk_major() {
  # prints the feature version of the JDK at $1, or 0
  if [ -f "$1/release" ]; then
    sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" | head -n 1
  elif [ -x "$1/bin/java" ]; then
    "$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1
  else
    echo 0
  fi
}
__want=21
if [ -z "${JAVA_HOME:-}" ] || [ "$(__jdk_major "$JAVA_HOME")" -lt "$__want" ] 2>/dev/null; then
  __best=""; __best_major=0
  for __c in /usr/lib/jvm/* /opt/java/* /opt/jdk* /usr/local/jdk* "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/*; do
    [ -x "$__c/bin/javac" ] || continue
    __m=$(__jdk_major "$__c"); [ -n "$__m" ] || continue
    if [ "$__m" -ge "$__want" ] && [ "$__m" -gt "$__best_major" ]; then __best="$__c"; __best_major="$__m"; fi
  done
  if [ -n "$__best" ]; then
    JAVA_HOME="$__best"; export JAVA_HOME
  else
    echo "No JDK >= $__want found: set JAVA_HOME to one (looked in /usr/lib/jvm, /opt, ~/.sdkman, ~/.jdks)." >&2
  fi
fi
unset __want __best __best_major __c __m
