#!/usr/bin/env bash
# Checks the README's two commands on a fresh Debian 12: builds a minimal bookworm root with debootstrap,
# copies a clean clone of HEAD (committed work only) and ../shared into it, runs `scripts/test.sh` (headless,
# CI=true) and `scripts/demo.sh` under Xvfb until the console window is up and tickets have arrived, saves a
# screenshot out of the root, and removes the root. Needs root on a Debian host (debootstrap, chroot, mount).
#
# Usage: scripts/fresh-machine-check.sh [--keep] [--root DIR] [--screenshot PATH] [--skip-tests]
#   --keep            keep the root afterwards (mounts are still undone)
#   --root DIR        build the root in DIR (must not exist or be empty; default: a new /var/tmp/relaydesk-fresh.*)
#   --screenshot PATH where the demo's screenshot goes (default: build/fresh-machine/screenshot.png)
#   --skip-tests      demo only (quicker iterations; the check is not complete without the tests)
# Exit status: 0 when every phase passed; otherwise 1, naming the failing phases (after failing tests the demo
# phase still runs). Ctrl+C stops it; mounts are undone and the root removed on every exit.
set -euo pipefail

src=$(cd "$(dirname "$0")/.." && pwd)
keep=0
root=""
screenshot="$src/build/fresh-machine/screenshot.png"
skip_tests=0
while (($#)); do
  case "$1" in
    --keep) keep=1 ;;
    --root) root=${2:?--root needs a directory}; shift ;;
    --screenshot) screenshot=${2:?--screenshot needs a path}; shift ;;
    --skip-tests) skip_tests=1 ;;
    -h | --help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "fresh-machine-check: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
if [[ $(id -u) -ne 0 ]]; then
  echo "fresh-machine-check: needs root (debootstrap, chroot, mount); try: sudo $0 $*" >&2
  exit 2
fi
[[ $screenshot == /* ]] || screenshot="$PWD/$screenshot"

# Tools the check uses inside the root only (never part of the product's dependencies): the screenshot
# (imagemagick's import), finding the console's window (x11-utils' xwininfo), counting tickets (sqlite3).
check_tools=(imagemagick x11-utils sqlite3)
demo_data=/root/fresh-machine-demo # --data-dir of the demo inside the root
demo_pid=""
mounts=()
started=$(date +%s)
current_phase="setup"
summary=()

fmt_time() { printf '%dm%02ds' $(($1 / 60)) $(($1 % 60)); }
log() { printf '[fresh-machine %s] %s\n' "$(date +%H:%M:%S)" "$*"; }

# The processes whose root is the chroot: all started by this script (the chroot is its own).
root_pids() {
  local p r
  [[ -n $root && -d $root ]] || return 0
  for p in /proc/[0-9]*; do
    r=$(readlink "$p/root" 2>/dev/null) || continue
    [[ $r == "$root" ]] && echo "${p#/proc/}"
  done
  return 0
}

cleanup() {
  local status=$?
  set +e
  trap - EXIT INT TERM
  if [[ -n $demo_pid ]]; then
    kill -TERM -- "-$demo_pid" 2>/dev/null
  fi
  local pids
  pids=$(root_pids)
  if [[ -n $pids ]]; then
    log "stopping what still runs in the root: $(tr '\n' ' ' <<<"$pids")"
    # shellcheck disable=SC2086 # one pid per word
    kill -TERM $pids 2>/dev/null
    sleep 2
    pids=$(root_pids)
    # shellcheck disable=SC2086
    [[ -n $pids ]] && kill -KILL $pids 2>/dev/null && sleep 1
  fi
  local i
  for ((i = ${#mounts[@]} - 1; i >= 0; i--)); do
    umount "${mounts[i]}" 2>/dev/null || umount -l "${mounts[i]}" || log "could not unmount ${mounts[i]}"
  done
  if [[ -n $root ]]; then # whatever else is mounted in the root (debootstrap's /proc when interrupted), deepest first
    local m
    while read -r m; do
      umount "$m" 2>/dev/null || umount -l "$m" || log "could not unmount $m"
    done < <(awk -v r="$root/" 'index($5, r) == 1 {print $5}' /proc/self/mountinfo | sort -r)
  fi
  if [[ -n $root && -d $root ]]; then
    if grep -q " $root/" /proc/self/mountinfo; then
      log "something is still mounted under $root: not removing it"
      ((status == 0)) && status=1
    elif ((keep)); then
      log "kept the root: $root (remove it with: rm -rf --one-file-system $root)"
    else
      log "removing $root"
      rm -rf --one-file-system "$root"
      rm -f "$root.debootstrap.log"
    fi
  fi
  local total=$(($(date +%s) - started)) where=$current_phase
  ((status == 130 || status == 143)) && summary+=("$(printf '%-12s interrupted' "$current_phase")")
  if ((${#failed_phases[@]})); then # the phases the check went on after, and where it stopped if elsewhere
    ((status == 0)) && status=1
    where=${failed_phases[*]}
    [[ $current_phase != cleanup && " $where " != *" $current_phase "* ]] && where+=" $current_phase"
  fi
  echo
  echo "fresh-machine check summary:"
  printf '  %s\n' "${summary[@]}"
  if ((status == 0)); then
    echo "fresh-machine check PASSED in $(fmt_time $total)"
  else
    echo "fresh-machine check FAILED in phase '${where// /\', \'}' after $(fmt_time $total)"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# phase [--go-on] NAME FUNCTION: runs FUNCTION and times it. A failure stops the check, except with --go-on
# (the tests: the demo does not depend on them, and a run is long), where it is recorded and the check goes on.
failed_phases=()
phase() {
  local go_on=0 name t0 rc=0
  [[ $1 == --go-on ]] && go_on=1 && shift
  name=$1
  shift
  current_phase=$name
  t0=$(date +%s)
  echo
  log "=== phase $name: start"
  "$@" || rc=$?
  local dt=$(($(date +%s) - t0))
  if ((rc != 0)); then
    summary+=("$(printf '%-12s FAILED  %s' "$name" "$(fmt_time $dt)")")
    log "=== phase $name: FAILED (status $rc) after $(fmt_time $dt)"
    failed_phases+=("$name")
    ((go_on)) || exit 1
    log "going on with the next phases; the check fails at the end"
    return 0
  fi
  summary+=("$(printf '%-12s ok      %s' "$name" "$(fmt_time $dt)")")
  log "=== phase $name: ok in $(fmt_time $dt)"
}

# Runs a shell command inside the root as a fresh login would: clean environment, niced below the host's work.
in_root() {
  chroot "$root" /usr/bin/env -i HOME=/root USER=root LOGNAME=root LANG=C.UTF-8 TERM=dumb \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive \
    nice -n 10 /bin/bash -c "$1"
}

host_tools() {
  if ! command -v debootstrap >/dev/null; then
    log "installing debootstrap on the host (a tool of this check, not a dependency of Relaydesk)"
    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends debootstrap
  fi
  command -v debootstrap >/dev/null && command -v git >/dev/null
}

mirror=""
find_mirror() {
  mirror=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
  if [[ -z $mirror ]]; then
    log "no URIs: line in /etc/apt/sources.list.d/debian.sources"
    return 1
  fi
  log "mirror: $mirror"
}

make_root() {
  find_mirror || return 1
  if [[ -z $root ]]; then
    root=$(mktemp -d /var/tmp/relaydesk-fresh.XXXXXX)
  elif [[ -e $root && -n $(ls -A "$root" 2>/dev/null) ]]; then
    log "--root $root exists and is not empty; the check needs a clean root"
    root="" # not ours: never remove it
    return 1
  else
    mkdir -p "$root"
    root=$(cd "$root" && pwd)
  fi
  log "root: $root"
  nice -n 10 debootstrap --variant=minbase bookworm "$root" "$mirror" >"$root.debootstrap.log" 2>&1 || {
    tail -n 30 "$root.debootstrap.log"
    return 1
  }
  rm -f "$root.debootstrap.log"
  # The same apt sources as a freshly installed machine (and this host): updates and security included.
  if [[ -f /etc/apt/sources.list.d/debian.sources ]]; then
    cp /etc/apt/sources.list.d/debian.sources "$root/etc/apt/sources.list.d/debian.sources" || return 1
    rm -f "$root/etc/apt/sources.list"
  fi
  cp /etc/resolv.conf "$root/etc/resolv.conf" || return 1
  # No daemons start inside the root.
  printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d" && chmod +x "$root/usr/sbin/policy-rc.d" || return 1
  log "root has $(in_root "dpkg-query -W | wc -l") packages"
}

mount_root() {
  mount -t proc proc "$root/proc" || return 1
  mounts+=("$root/proc")
  mkdir -p "$root/dev/pts" "$root/dev/shm" || return 1
  mount -t devpts -o newinstance,ptmxmode=0666 devpts "$root/dev/pts" || return 1
  mounts+=("$root/dev/pts")
  mount -t tmpfs -o mode=1777 shm "$root/dev/shm" || return 1
  mounts+=("$root/dev/shm")
  log "mounted: ${mounts[*]}"
  for dev in null zero full random urandom tty; do
    [[ -c $root/dev/$dev ]] || { log "the root has no /dev/$dev"; return 1; }
  done
}

copy_sources() {
  log "cloning HEAD $commit ($(git -C "$src" log -1 --format=%s "$commit" | cut -c1-80))"
  mkdir -p "$root/work" || return 1
  git clone -q --no-hardlinks "$src" "$root/work/main" || return 1
  git -C "$root/work/main" checkout -q --detach "$commit" || return 1
  if [[ ! -d $src/../shared ]]; then
    log "no ../shared beside $src: the tests' Loghub data is missing"
    return 1
  fi
  cp -a "$src/../shared" "$root/work/shared" || return 1
  log "copied ../shared ($(du -sh "$root/work/shared" | cut -f1))"
}

run_tests() {
  # CI=true: tests whose data is in ../shared fail instead of skipping, so the copy is checked too.
  in_root "cd /work/main && CI=true scripts/test.sh"
}

gui_deps() {
  in_root "cd /work/main && scripts/install-deps.sh --gui"
}

check_tools_install() {
  # What the product has before the check's own tools arrive: the demo may only use files from these.
  in_root "dpkg-query -W -f='\${db:Status-Abbrev} \${Package}\n' | awk '\$1 == \"ii\" {print \$2}'" \
    >"$root/root/packages-before-tools.txt" || return 1
  in_root "apt-get install -y -q --no-install-recommends ${check_tools[*]} >/tmp/check-tools.log 2>&1" || {
    tail -n 20 "$root/tmp/check-tools.log"
    return 1
  }
  log "installed inside the root only: ${check_tools[*]}"
}

display=""
pick_display() {
  # A display number free on the host too: X's abstract socket is shared with the host's network namespace.
  local n
  for ((n = 190; n < 300; n++)); do
    [[ -e /tmp/.X$n-lock || -e $root/tmp/.X$n-lock ]] && continue
    grep -q "@/tmp/.X11-unix/X$n\$" /proc/net/unix && continue
    display=$n
    return 0
  done
  return 1
}

# The checks run inside the root while the demo runs (xwininfo, sqlite3, dpkg there).
write_demo_probe() {
  cat >"$root/root/demo-probe.sh" <<'PROBE'
#!/bin/bash
# demo-probe.sh window|tickets DATA_DIR|owners PID
export DISPLAY=":$FMC_DISPLAY" XAUTHORITY=/tmp/demo.xauth
case "$1" in
window) # the console's top-level window, once it is mapped: "ID TITLE"
  xwininfo -root -tree 2>/dev/null | grep '"Relaydesk' | while read -r id title; do
    if xwininfo -id "$id" | grep -q 'Map State: IsViewable'; then
      echo "$id ${title%%:*}"
      break
    fi
  done ;;
tickets) # "SERVICE CONSOLE": tickets in the embedded service's database and in the console's cache
  s=$(sqlite3 -readonly "$2/relaydesk.sqlite" 'SELECT count(*) FROM tickets' 2>/dev/null)
  c=0
  for f in "$2"/cache/*.sqlite; do
    [[ $f == *.kb.sqlite ]] && continue
    n=$(sqlite3 -readonly "$f" 'SELECT count(*) FROM tickets' 2>/dev/null) || continue
    ((n > c)) && c=$n
  done
  echo "${s:-0} $c" ;;
owners) # the packages owning the files the process maps under /usr: "PACKAGE FILE"
  awk '$6 ~ "^/usr/" {print $6}' "/proc/$2/maps" | sort -u >/tmp/mapped.txt
  xargs -r -a /tmp/mapped.txt dpkg -S 2>/dev/null | grep -v '^diversion' >/tmp/owners.txt
  # merged /usr: dpkg knows /lib/x86_64-linux-gnu/libc.so.6, the process maps /usr/lib/...
  sed 's/^[^:]*\(:[a-z0-9]*\)\?: //' /tmp/owners.txt | sort -u >/tmp/found.txt
  comm -23 /tmp/mapped.txt /tmp/found.txt | sed 's|^/usr||' | xargs -r dpkg -S 2>/dev/null | grep -v '^diversion' >>/tmp/owners.txt
  awk -F': ' '{n = split($1, p, ", "); for (i = 1; i <= n; i++) {sub(/:.*/, "", p[i]); print p[i], $2}}' /tmp/owners.txt
  echo "mapped $(wc -l </tmp/mapped.txt)" ;;
esac
PROBE
  chmod +x "$root/root/demo-probe.sh"
}

probe() { in_root "FMC_DISPLAY=$display /root/demo-probe.sh $*"; }

run_demo() {
  pick_display || { log "no free X display number"; return 1; }
  write_demo_probe || return 1
  log "starting scripts/demo.sh under xvfb-run on :$display (it builds the console first)"
  # setsid: its own process group, so the cleanup stops exactly what this started.
  setsid chroot "$root" /usr/bin/env -i HOME=/root USER=root LOGNAME=root LANG=C.UTF-8 TERM=dumb \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    nice -n 10 xvfb-run -n "$display" -f /tmp/demo.xauth -s "-screen 0 1600x1000x24 -nolisten tcp" \
    /bin/bash -c "cd /work/main && exec scripts/demo.sh --data-dir $demo_data --seed 7" \
    >"$root/tmp/demo.log" 2>&1 &
  demo_pid=$!
  local t0 window=""
  t0=$(date +%s)
  while [[ -z $window ]]; do
    if ! kill -0 "$demo_pid" 2>/dev/null; then
      log "the demo exited before its window came up; its output:"
      tail -n 40 "$root/tmp/demo.log"
      return 1
    fi
    if (($(date +%s) - t0 > 40 * 60)); then
      log "no console window after 40 minutes; the demo's output:"
      tail -n 40 "$root/tmp/demo.log"
      return 1
    fi
    sleep 5
    window=$(probe window || true)
  done
  log "console window up after $(fmt_time $(($(date +%s) - t0))) (build included): $window"

  # Tickets arrive: the simulator's reports become tickets in the embedded service's database, and the
  # console's sync writes what it received into its ticket cache (cache/*.sqlite beside it).
  local counts service=0 console=0 want=30
  t0=$(date +%s)
  while ((console < want)); do
    if ! kill -0 "$demo_pid" 2>/dev/null; then
      log "the demo exited while waiting for tickets; its output:"
      tail -n 40 "$root/tmp/demo.log"
      return 1
    fi
    if (($(date +%s) - t0 > 180)); then
      log "after 3 minutes: $service tickets in the service, $console in the console (want $want); the demo's output:"
      tail -n 40 "$root/tmp/demo.log"
      return 1
    fi
    sleep 3
    counts=$(probe tickets "$demo_data" || echo "0 0")
    read -r service console <<<"$counts"
    [[ $service =~ ^[0-9]+$ ]] || service=0
    [[ $console =~ ^[0-9]+$ ]] || console=0
  done
  log "tickets arrived: $service in the service's database, $console in the console's cache after $(fmt_time $(($(date +%s) - t0)))"
  sleep 3 # let the list repaint with the latest arrivals
  mkdir -p "$(dirname "$screenshot")" || return 1
  in_root "DISPLAY=:$display XAUTHORITY=/tmp/demo.xauth import -window root /tmp/screenshot.png" || return 1
  cp "$root/tmp/screenshot.png" "$screenshot" || return 1
  log "screenshot: $screenshot"

  # Nothing the console loaded may come from the check's own tools: each file it maps under /usr must belong
  # to a package that was there before them (else install-deps.sh lacks that package).
  local p pid=""
  for p in $(root_pids); do
    [[ $(cat "/proc/$p/comm" 2>/dev/null) == relaydesk ]] && pid=$p && break
  done
  [[ -n $pid ]] || { log "relaydesk is not running"; return 1; }
  probe owners "$pid" >"$root/tmp/demo-owners.txt" || return 1
  local pkg file bad=0
  while read -r pkg file; do
    [[ $pkg == mapped ]] && continue
    if ! grep -qx "$pkg" "$root/root/packages-before-tools.txt"; then
      log "the console uses $file from $pkg, which only the check's tools installed: install-deps.sh lacks it"
      bad=1
    fi
  done <"$root/tmp/demo-owners.txt"
  log "the console maps $(awk '$1 == "mapped" {print $2}' "$root/tmp/demo-owners.txt") files under /usr from $(awk '$1 != "mapped" {print $1}' "$root/tmp/demo-owners.txt" | sort -u | wc -l) packages"
  ((bad == 0)) || return 1
  kill -TERM -- "-$demo_pid" 2>/dev/null || true
  wait "$demo_pid" 2>/dev/null || true
  demo_pid=""
}

commit=$(git -C "$src" rev-parse HEAD) # the commit checked, even if HEAD moves meanwhile
log "checking $commit of $src (committed work only; uncommitted changes are not seen)"
phase host-tools host_tools
phase debootstrap make_root
phase mount mount_root
phase copy copy_sources
if ((skip_tests)); then
  summary+=("$(printf '%-12s skipped (--skip-tests)' tests)")
else
  phase --go-on tests run_tests
fi
phase gui-deps gui_deps
phase tools check_tools_install
phase demo run_demo
current_phase="cleanup"
