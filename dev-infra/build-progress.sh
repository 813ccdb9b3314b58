#!/usr/bin/env bash
# Sourced by run.sh and bench/run.sh: mvn, its whole output in a log file, and one line a module on the terminal as
# the reactor gets to it, finished with the module's time: "[film-reviews] [6/11] review-service … 41 s". On a failure, the end of the log.
took() { if [ "$1" -ge 60 ]; then echo "$(($1 / 60)) min $(($1 % 60)) s"; else echo "$1 s"; fi; }
build_with_progress() {
  local log="$1" began=$SECONDS status=0
  shift
  echo "[film-reviews] Building (mvn $*; the whole output goes to $log)…"
  mvn -B "$@" 2>&1 | tee "$log" | {
    artifact="" header=0 open=0 since=$SECONDS
    while IFS= read -r line; do
      case "$line" in
        *"[INFO] "*"-< "*:*" >-"*)   # ----< org.filmreviews:review-service >----, the line before "Building …"
          artifact="${line##*:}"; artifact="${artifact%% >*}"; header=1 ;;
        *"[INFO] Building "*)
          [ "$header" = 1 ] || continue   # not "Building jar: …"
          header=0
          if [ "$open" = 1 ]; then echo " $(took $((SECONDS - since)))"; fi
          case "$line" in
            *"]") printf '[film-reviews] [%s %s …' "${line##*\[}" "$artifact" ;;
            *) printf '[film-reviews] %s …' "$artifact" ;;
          esac
          open=1 since=$SECONDS ;;
        *"BUILD SUCCESS"*)
          if [ "$open" = 1 ]; then echo " $(took $((SECONDS - since)))"; fi
          open=0 ;;
        *"BUILD FAILURE"*)
          if [ "$open" = 1 ]; then echo " failed after $(took $((SECONDS - since)))"; fi
          open=0 ;;
      esac
    done
    if [ "$open" = 1 ]; then echo; fi
  } || status=$?
  if [ "$status" != 0 ]; then
    echo "[film-reviews] The build failed after $(took $((SECONDS - began))); the end of $log:"
    tail -n 60 "$log"
    return "$status"
  fi
  echo "[film-reviews] Built in $(took $((SECONDS - began)))"
}
