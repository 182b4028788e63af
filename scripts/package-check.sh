#!/usr/bin/env bash
# Checks the two .deb packages as an administrator would meet them: builds them (Release, stripped, from a clean
# clone of HEAD), installs them into a fresh Debian 12 root with apt (Depends resolved from the mirror, no
# recommends), runs relaydesk-server as its systemd unit would (the unit's user, state directory, environment file
# and ExecStart) and checks that the API answers and a report is accepted, runs `relaydesk --version` and the
# console headless (QT_QPA_PLATFORM=offscreen, embedded service and simulator) until tickets arrive, reinstalls,
# removes (data kept) and purges (data gone) relaydesk-server, then runs lintian (no errors allowed),
# appstreamcli validate and desktop-file-validate on what was installed and systemd-analyze verify on the unit.
# Removes the root afterwards.
# Needs root on a Debian host (debootstrap, chroot, mount, unshare). Not part of CI: run it by hand.
#
# Usage: scripts/package-check.sh [--keep] [--root DIR] [--worktree] [--debs DIR]
#   --keep        keep the root afterwards (mounts are still undone)
#   --root DIR    build the root in DIR (must not exist or be empty; default: a new /var/tmp/relaydesk-pkg.*)
#   --worktree    package the working tree (build directory build/pkg) instead of a clean clone of HEAD: quicker
#                 iterations, but uncommitted changes (anyone's) get in
#   --debs DIR    skip the build and check relaydesk_*.deb and relaydesk-server_*.deb from DIR
# The packages, the lintian report and the phase logs end up in build/package-check/.
# Exit status: 0 when every phase passed; otherwise 1, naming the failing phase. Ctrl+C stops it; mounts are
# undone and the root removed on every exit.
set -euo pipefail

src=$(cd "$(dirname "$0")/.." && pwd)
keep=0
root=""
worktree=0
debs_from=""
while (($#)); do
  case "$1" in
    --keep) keep=1 ;;
    --root) root=${2:?--root needs a directory}; shift ;;
    --worktree) worktree=1 ;;
    --debs) debs_from=${2:?--debs needs a directory}; shift ;;
    -h | --help) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "package-check: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
if [[ $(id -u) -ne 0 ]]; then
  echo "package-check: needs root (debootstrap, chroot, mount, unshare); try: sudo $0 $*" >&2
  exit 2
fi
[[ -z $debs_from || $debs_from == /* ]] || debs_from="$PWD/$debs_from"

out="$src/build/package-check" # packages, logs and the lintian report, kept after the run
# Tools the check installs inside the root only, after the packages were installed and run (so they cannot
# stand in for a missing Depends): lintian, appstreamcli, desktop-file-validate, systemd-analyze.
lint_tools=(lintian appstream desktop-file-utils systemd)
port=8470 # the unit's --listen port; the service runs in a network namespace of its own, so it is always free
mounts=()
started=$(date +%s)
current_phase="setup"
summary=()
debs=() # the two package files

fmt_time() { printf '%dm%02ds' $(($1 / 60)) $(($1 % 60)); }
log() { printf '[package-check %s] %s\n' "$(date +%H:%M:%S)" "$*"; }

# The processes whose root is the chroot: all started by this script.
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
  local total=$(($(date +%s) - started))
  ((status == 130 || status == 143)) && summary+=("$(printf '%-10s interrupted' "$current_phase")")
  echo
  echo "package check summary:"
  printf '  %s\n' "${summary[@]}"
  if ((status == 0)); then
    echo "package check PASSED in $(fmt_time $total)"
  else
    echo "package check FAILED in phase '$current_phase' after $(fmt_time $total)"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# phase NAME FUNCTION: runs FUNCTION and times it; a failure stops the check.
phase() {
  local name=$1 t0 rc=0
  shift
  current_phase=$name
  t0=$(date +%s)
  echo
  log "=== phase $name: start"
  "$@" || rc=$?
  local dt=$(($(date +%s) - t0))
  if ((rc != 0)); then
    summary+=("$(printf '%-10s FAILED  %s' "$name" "$(fmt_time $dt)")")
    log "=== phase $name: FAILED (status $rc) after $(fmt_time $dt)"
    exit 1
  fi
  summary+=("$(printf '%-10s ok      %s' "$name" "$(fmt_time $dt)")")
  log "=== phase $name: ok in $(fmt_time $dt)"
}

# Runs a shell command inside the root as a fresh root login would: clean environment, niced below the host's work.
in_root() {
  chroot "$root" /usr/bin/env -i HOME=/root USER=root LOGNAME=root LANG=C.UTF-8 TERM=dumb \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive \
    nice -n 10 /bin/bash -c "$1"
}

# Like in_root, in a network namespace of its own with only loopback up: the service can take the unit's port
# whatever runs on the host, and nothing in the root reaches the network.
in_root_isolated() {
  # shellcheck disable=SC2016 # expanded by the inner sh
  unshare --net -- /bin/sh -c 'ip link set lo up && exec chroot "$0" /usr/bin/env -i HOME=/root USER=root \
    LOGNAME=root LANG=C.UTF-8 TERM=dumb PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    nice -n 10 /bin/bash -c "$1"' "$root" "$1"
}

host_tools() {
  # debootstrap makes the root, dpkg-dev's dpkg-shlibdeps is what CPack computes Depends with, iproute2 brings
  # up loopback in the namespace; tools of this check, not dependencies of Relaydesk.
  local need=()
  command -v debootstrap >/dev/null || need+=(debootstrap)
  if [[ -z $debs_from ]]; then
    command -v dpkg-shlibdeps >/dev/null || need+=(dpkg-dev)
  fi
  command -v ip >/dev/null || need+=(iproute2)
  if ((${#need[@]})); then
    log "installing on the host (tools of this check): ${need[*]}"
    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${need[@]}"
  fi
  local t
  for t in debootstrap git unshare chroot ip readelf; do
    command -v "$t" >/dev/null || { log "the host has no $t"; return 1; }
  done
}

build_packages() {
  mkdir -p "$out" || return 1
  rm -f "$out"/*.deb
  if [[ -n $debs_from ]]; then
    cp "$debs_from"/relaydesk_*.deb "$debs_from"/relaydesk-server_*.deb "$out/" || return 1
    log "checking the packages from $debs_from (no build)"
    return 0
  fi
  local tree
  if ((worktree)); then
    tree=$src
    log "packaging the working tree $src (uncommitted changes included)"
  else
    # A fixed place, and the build directory at the same relative path as build/pkg in the working tree, so that
    # ccache (base_dir) serves the second run and the working tree's Release builds alike.
    tree="$out/src"
    rm -rf "$tree"
    git clone -q --no-hardlinks "$src" "$tree" || return 1
    git -C "$tree" checkout -q --detach "$commit" || return 1
    log "packaging a clean clone of HEAD $commit in $tree"
  fi
  local build="$tree/build/pkg" launcher=()
  command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  local jobs=${RELAYDESK_JOBS:-2}
  # Debian's hardening flags (what dpkg-buildflags gives a package build): stack protector, fortified libc
  # calls, read-only relocations bound at start.
  local hardening_cxx="-fstack-protector-strong -D_FORTIFY_SOURCE=2" hardening_ld="-Wl,-z,relro -Wl,-z,now"
  log "configuring and building (Release, no tests or benchmarks, -j$jobs, nice -n 10); log: $out/build.log"
  {
    nice -n 10 cmake -S "$tree" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DRELAYDESK_BUILD_TESTS=OFF \
      -DRELAYDESK_BUILD_BENCH=OFF "${launcher[@]}" "-DCMAKE_CXX_FLAGS=$hardening_cxx" \
      "-DCMAKE_EXE_LINKER_FLAGS=$hardening_ld" &&
      nice -n 10 cmake --build "$build" -j"$jobs" &&
      (cd "$build" && nice -n 10 cpack -G DEB -B "$build/_cpack")
  } >"$out/build.log" 2>&1 || {
    tail -n 40 "$out/build.log"
    return 1
  }
  cp "$build"/_cpack/relaydesk_*.deb "$build"/_cpack/relaydesk-server_*.deb "$out/" || return 1
}

inspect_packages() {
  local f n
  debs=()
  for n in relaydesk relaydesk-server; do
    f=$(find "$out" -maxdepth 1 -name "${n}_*.deb" | sort | tail -n 1)
    [[ -n $f ]] || { log "no ${n}_*.deb"; return 1; }
    debs+=("$f")
    log "$(basename "$f"): $(du -h "$f" | cut -f1), installed size $(dpkg-deb -f "$f" Installed-Size) KiB"
    log "  Depends: $(dpkg-deb -f "$f" Depends)"
    dpkg-deb -c "$f" >"$out/$n.contents.txt" || return 1
  done
  # Stripped: no symbol table left in any ELF file of the packages.
  local x bad=0
  x=$(mktemp -d) || return 1
  for f in "${debs[@]}"; do
    dpkg-deb -x "$f" "$x" || return 1
  done
  while read -r f; do
    if [[ $(head -c 4 "$f" | od -An -c | tr -d ' ') == 177ELF ]]; then
      if readelf -S "$f" | grep -Eq '\.symtab|\.debug_'; then
        log "not stripped: ${f#"$x"}"
        bad=1
      fi
    fi
  done < <(find "$x" -type f)
  rm -rf "$x"
  ((bad == 0))
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
    root=$(mktemp -d /var/tmp/relaydesk-pkg.XXXXXX)
    chmod 755 "$root" # the root's /: the service and the console run as other users than root
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
  # No daemons start inside the root (there is no systemd in it anyway: the check runs the service itself).
  printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d" && chmod +x "$root/usr/sbin/policy-rc.d" || return 1
  mount -t proc proc "$root/proc" || return 1
  mounts+=("$root/proc")
  mkdir -p "$root/dev/pts" "$root/dev/shm" || return 1
  mount -t devpts -o newinstance,ptmxmode=0666 devpts "$root/dev/pts" || return 1
  mounts+=("$root/dev/pts")
  mount -t tmpfs -o mode=1777 shm "$root/dev/shm" || return 1
  mounts+=("$root/dev/shm")
  log "root has $(in_root "dpkg-query -W | wc -l") packages; mounted: ${mounts[*]}"
}

install_packages() {
  mkdir -p "$root/tmp/debs" || return 1
  cp "${debs[@]}" "$root/tmp/debs/" || return 1
  in_root "dpkg-query -W -f='\${Package}\n' | sort" >"$out/packages-before.txt" || return 1
  # Only Depends: a package that works only thanks to a Recommends has a Depends missing.
  in_root "apt-get update -q && apt-get install -y -q --no-install-recommends /tmp/debs/*.deb" \
    >"$out/install.log" 2>&1 || {
    tail -n 30 "$out/install.log"
    return 1
  }
  in_root "dpkg-query -W -f='\${Package}\n' | sort" >"$out/packages-after.txt" || return 1
  log "apt installed $(comm -13 "$out/packages-before.txt" "$out/packages-after.txt" | wc -l) packages (list: $out/packages-after.txt)"
  # shellcheck disable=SC2016 # expanded inside the root
  in_root '
    set -e
    fail() { echo "$*" >&2; exit 1; }
    for p in relaydesk relaydesk-server; do
      [ "$(dpkg-query -W -f="\${db:Status-Abbrev}" "$p")" = "ii " ] || fail "$p is not installed"
    done
    entry=$(getent passwd relaydesk) || fail "postinst made no relaydesk user"
    uid=$(echo "$entry" | cut -d: -f3)
    [ "$uid" -lt 1000 ] || fail "relaydesk is not a system user (uid $uid)"
    case $(echo "$entry" | cut -d: -f7) in */nologin | */false) ;; *) fail "relaydesk has a login shell: $entry" ;; esac
    getent group relaydesk >/dev/null || fail "no relaydesk group"
    [ "$(stat -c "%U:%G %a" /var/lib/relaydesk)" = "relaydesk:relaydesk 750" ] ||
      fail "/var/lib/relaydesk is $(stat -c "%U:%G %a" /var/lib/relaydesk), want relaydesk:relaydesk 750"
    dpkg-query -W -f="\${Conffiles}\n" relaydesk-server | grep -q "^ /etc/default/relaydesk-server " ||
      fail "/etc/default/relaydesk-server is not a conffile"
    echo "relaydesk user: $entry"
  '
}

# Shared by the checks below: HTTP/1.1 over bash's /dev/tcp (the root has no curl, and needs none).
write_http_lib() {
  cat >"$root/root/http.sh" <<'LIB'
# http METHOD PATH [BODY] [TOKEN]: the answer (status line, header, body) from 127.0.0.1:$port.
http() {
  LC_ALL=C timeout 20 bash -c '
    exec 3<>"/dev/tcp/127.0.0.1/$4" || exit 1
    printf "%s %s HTTP/1.1\r\nHost: 127.0.0.1:%s\r\nConnection: close\r\n" "$0" "$1" "$4" >&3
    [[ -n $3 ]] && printf "Authorization: Bearer %s\r\n" "$3" >&3
    if [[ -n $2 ]]; then
      printf "Content-Type: application/json\r\nContent-Length: %d\r\n\r\n%s" "${#2}" "$2" >&3
    else
      printf "\r\n" >&3
    fi
    cat <&3' "$1" "$2" "${3:-}" "${4:-}" "$port"
}
status_of() { head -n 1 <<<"$1" | cut -d" " -f2; }
# field NAME ANSWER: the first string or number value of "NAME" in a JSON answer
field() { grep -Eo "\"$1\": ?\"?[^\",}]*" <<<"$2" | head -n 1 | sed -E 's/^[^:]*: ?"?//'; }
LIB
}

# The service as systemd would run it: the values are read from the installed unit, not repeated here.
write_server_check() {
  cat >"$root/root/server-check.sh" <<'CHECK'
#!/bin/bash
# server-check.sh PORT: runs relaydesk-server as its unit says and talks to it. Inside the root, own netns.
set -euo pipefail
port=$1
unit=/lib/systemd/system/relaydesk-server.service
say() { echo "server-check: $*"; }
fail() { echo "server-check: FAILED: $*" >&2; [[ -f /tmp/server.err ]] && tail -n 20 /tmp/server.err >&2; exit 1; }
key() { sed -n "s/^$1=//p" "$unit" | tail -n 1; }
user=$(key User) group=$(key Group) state=$(key StateDirectory) mode=$(key StateDirectoryMode)
envfile=$(key EnvironmentFile) exec_start=$(key ExecStart)
[[ -n $user && -n $group && -n $state && -n $exec_start ]] || fail "the unit lacks User=, Group=, StateDirectory= or ExecStart="
say "unit: User=$user Group=$group StateDirectory=$state StateDirectoryMode=${mode:-0755} EnvironmentFile=$envfile"
say "unit: ExecStart=$exec_start"
[[ $exec_start == *"--listen 127.0.0.1:$port"* ]] || fail "the unit does not listen on 127.0.0.1:$port"
home=$(getent passwd "$user" | cut -d: -f6)

# StateDirectory=: systemd creates /var/lib/NAME owned by the unit's user with StateDirectoryMode.
install -d -o "$user" -g "$group" -m "${mode:-0755}" "/var/lib/$state"
# Run as the unit's user with the environment systemd gives a system service, then EnvironmentFile= (a leading
# "-": optional) and the ExecStart= line, whose $VAR words the shell splits as systemd does.
# as_unit [--exec] COMMAND: --exec replaces the calling (sub)shell, so that $! is the service itself.
as_unit() {
  local envf=${envfile#-} exec=()
  [[ $1 == --exec ]] && exec=(exec) && shift
  "${exec[@]}" setpriv --reuid="$user" --regid="$group" --init-groups --no-new-privs \
    env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin HOME="$home" USER="$user" LOGNAME="$user" \
    SHELL=/usr/sbin/nologin STATE_DIRECTORY="/var/lib/$state" ENVFILE="$envf" \
    /bin/sh -c 'if [ -n "$ENVFILE" ] && [ -r "$ENVFILE" ]; then set -a; . "$ENVFILE"; set +a; fi; unset ENVFILE; '"$1"
}
db=$(sed -n 's/.*--db \([^ ]*\).*/\1/p' <<<"$exec_start")
[[ $db == /var/lib/$state/* ]] || fail "--db $db is not in the state directory /var/lib/$state"

. /root/http.sh

# Options from the environment file reach the service: one set for this run, the file restored afterwards.
envf=${envfile#-}
if [[ -n $envf && -f $envf ]]; then
  cp -p "$envf" /tmp/envfile.orig
  echo 'RELAYDESK_SERVER_OPTS="--max-connections-per-ip 256 --threads 3"' >>"$envf"
fi
say "starting the service as $user"
as_unit --exec "exec $exec_start" >/tmp/server.out 2>/tmp/server.err &
pid=$!
for ((i = 0; i < 60; i++)); do
  grep -q "^listening on http://127.0.0.1:$port" /tmp/server.out 2>/dev/null && break
  kill -0 "$pid" 2>/dev/null || fail "the service exited (status $(wait "$pid"; echo $?)) before listening"
  sleep 0.5
done
grep -q "^listening on" /tmp/server.out || fail "no 'listening on' line after 30 s"
say "$(head -n 1 /tmp/server.out) (pid $pid, user $(getent passwd "$(awk '/^Uid:/ {print $2}' "/proc/$pid/status")" | cut -d: -f1))"

if [[ -f /tmp/envfile.orig ]]; then
  cmdline=$(tr '\0' ' ' <"/proc/$pid/cmdline")
  [[ $cmdline == *"--max-connections-per-ip 256 --threads 3"* ]] || fail "$envf did not reach the service: $cmdline"
  cp -p /tmp/envfile.orig "$envf"
  say "command line: $cmdline"
fi
answer=$(http GET /api/v1/health)
[[ $(status_of "$answer") == 200 ]] && grep -Eq '"status": ?"ok"' <<<"$answer" || fail "GET /api/v1/health: $answer"
say "GET /api/v1/health: $(tail -n 1 <<<"$answer")"

# The administration commands, as the unit's user, while the service runs (the documented way).
clientkey=$(as_unit "relaydesk-server --db $db add-client-key package-check") || fail "add-client-key"
[[ -n $clientkey ]] || fail "add-client-key printed no key"
printf '%s\n' 'package-check-pw-1' | as_unit "relaydesk-server --db $db add-user agent1 --role agent" >/dev/null ||
  fail "add-user"

now=$(date -u +%Y-%m-%dT%H:%M:%SZ)
# Every field given, as IM clients (and relaydesk-sim) send them.
report='{"client_report_id":"package-check-1","reported_at":"'$now'",
 "user":{"id":"u-1","display_name":"Package Check","locale":"en"},
 "device":{"platform":"android","os_version":"14","model":"Pixel 7","app_version":"8.4.1","network":"wifi",
           "carrier":"Example Mobile"},
 "message":{"client_message_id":"m-1","conversation_id":"c-1","recipient_id":"u-2","kind":"text","size_bytes":5,
            "sent_at":"'$now'","preview":"hello"},
 "failure":{"endpoint":"/v1/messages/send","http_status":503,"error_code":"SERVICE_UNAVAILABLE",
            "error_message":"upstream unavailable","region":"eu-west","attempts":3},
 "comment":"package check",
 "log":{"format":"text","encoding":"text","data":"12:00:01 send m-1 failed: HTTP 503 SERVICE_UNAVAILABLE\n"}}'
answer=$(http POST /api/v1/reports "$report" "$clientkey")
[[ $(status_of "$answer") == 202 ]] || fail "POST /api/v1/reports: $answer"
ticket=$(field ticket_id "$answer")
[[ $ticket =~ ^[0-9]+$ ]] || fail "no ticket_id in: $answer"
say "POST /api/v1/reports: $(tail -n 1 <<<"$answer")"
answer=$(http POST /api/v1/reports "$report" "$clientkey")
[[ $(status_of "$answer") == 202 ]] && grep -Eq '"duplicate": ?true' <<<"$answer" || fail "the same report again: $answer"
# Only the required fields (the optional ones become "" in the ticket, api.md).
minimal='{"client_report_id":"package-check-2","reported_at":"'$now'","user":{"id":"u-1","locale":"en"},
 "device":{"platform":"ios","os_version":"17","app_version":"8.4.1"},
 "message":{"client_message_id":"m-2","conversation_id":"c-1","recipient_id":"u-2","kind":"text","sent_at":"'$now'"},
 "failure":{"endpoint":"/v1/messages/send","http_status":0,"region":"eu-west","attempts":1}}'
answer=$(http POST /api/v1/reports "$minimal" "$clientkey")
[[ $(status_of "$answer") == 202 ]] || fail "POST /api/v1/reports with only the required fields: $answer"
say "POST /api/v1/reports with only the required fields: $(tail -n 1 <<<"$answer")"
answer=$(http POST /api/v1/reports "$report" "not-a-key")
[[ $(status_of "$answer") == 401 ]] || fail "a report with a wrong key: $answer"

# relaydesk-sim, from the same package, against the service.
sim=$(relaydesk-sim --server "http://127.0.0.1:$port" --client-key "$clientkey" --count 20 --rate 0 --seed 7 --quiet 2>&1) ||
  fail "relaydesk-sim: $sim"
say "relaydesk-sim: $(tail -n 1 <<<"$sim")"

answer=$(http POST /api/v1/auth/login '{"username":"agent1","password":"package-check-pw-1"}')
[[ $(status_of "$answer") == 200 ]] || fail "POST /api/v1/auth/login: $answer"
token=$(field token "$answer")
answer=$(http GET "/api/v1/tickets/$ticket" "" "$token")
[[ $(status_of "$answer") == 200 && $answer == *package-check-1* ]] || fail "GET /api/v1/tickets/$ticket: $answer"
answer=$(http GET "/api/v1/tickets?since=0&limit=500" "" "$token")
tickets=$(grep -o '"client_report_id"' <<<"$answer" | wc -l)
((tickets == 22)) || fail "GET /api/v1/tickets lists $tickets tickets, want 22 (our 2 and 20 from relaydesk-sim)"
say "GET /api/v1/tickets/$ticket: 200, cause $(field cause "$answer"); the feed lists $tickets tickets"

kill -TERM "$pid"
rc=0
wait "$pid" || rc=$?
((rc == 0)) || fail "exit status $rc after SIGTERM, want 0"
say "stopped by SIGTERM, exit status 0"
[[ $(stat -c '%U %a' "$db") == "$user 600" ]] || fail "$db is $(stat -c '%U %a' "$db"), want $user 600"
# ProtectSystem=strict with ReadWritePaths= the state directory: it must have written nowhere else.
stray=$(find / -xdev -user "$user" ! -path "/var/lib/$state" ! -path "/var/lib/$state/*" 2>/dev/null | head)
[[ -z $stray ]] || fail "the service wrote outside /var/lib/$state: $stray"
say "database $(ls -l "$db" | cut -d' ' -f1,3,4,5); nothing of $user outside /var/lib/$state"
grep -Ei 'critical|fatal' /tmp/server.err && fail "critical lines in the service's log"
! grep 'internal error' /tmp/server.err || fail "internal errors in the service's log"
say "the service logged $(wc -l </tmp/server.err) lines on stderr, no critical line, no internal error"
CHECK
  chmod +x "$root/root/server-check.sh"
}

run_server() {
  write_http_lib && write_server_check || return 1
  in_root_isolated "/root/server-check.sh $port" 2>&1 | tee "$out/server.log"
  return "${PIPESTATUS[0]}"
}

write_console_check() {
  cat >"$root/root/console-check.sh" <<'CHECK'
#!/bin/bash
# console-check.sh: relaydesk --version and a headless launch (offscreen) as a plain user. Own netns.
set -euo pipefail
say() { echo "console-check: $*"; }
fail() { echo "console-check: FAILED: $*" >&2; [[ -f /tmp/console.err ]] && tail -n 20 /tmp/console.err >&2; exit 1; }
id agent >/dev/null 2>&1 || useradd -m -s /bin/bash agent
# as_agent [--exec] COMMAND...: --exec replaces the calling (sub)shell, so that $! is the command itself.
as_agent() {
  local exec=()
  [[ $1 == --exec ]] && exec=(exec) && shift
  "${exec[@]}" setpriv --reuid=agent --regid=agent --init-groups env -i HOME=/home/agent USER=agent LOGNAME=agent \
    PATH=/usr/local/bin:/usr/bin:/bin LANG=C.UTF-8 XDG_RUNTIME_DIR=/tmp/agent-runtime "$@"
}
install -d -o agent -g agent -m 0700 /tmp/agent-runtime
want=$(dpkg-query -W -f='${Version}' relaydesk)
for b in relaydesk relaydesk-cli relaydesk-server relaydesk-sim; do
  v=$(as_agent "$b" --version) || fail "$b --version failed"
  [[ $v == *" $want" ]] || fail "$b --version says '$v', the package is $want"
done
say "relaydesk --version: $(as_agent relaydesk --version) (no display needed); cli, server and sim agree"

# The console with its embedded service and the simulator, on the offscreen platform plugin.
data=/home/agent/.local/share/Relaydesk/relaydesk
as_agent --exec env QT_QPA_PLATFORM=offscreen relaydesk --demo --demo-count 30 --demo-rate 30 --seed 7 \
  >/tmp/console.out 2>/tmp/console.err &
pid=$!
. /root/http.sh
t0=$SECONDS
until [[ -f $data/relaydesk.sqlite ]] && compgen -G "$data/cache/*.sqlite" >/dev/null; do
  kill -0 "$pid" 2>/dev/null || fail "the console exited (status $(wait "$pid"; echo $?)) before it made its files"
  ((SECONDS - t0 < 90)) || fail "no database and ticket cache in $data after 90 s"
  sleep 1
done
sleep 15 # the simulator's 30 reports at 30/s, and the console's sync
kill -0 "$pid" 2>/dev/null || fail "the console exited (status $(wait "$pid"; echo $?)) while running"
maps=$(awk '{print $6}' "/proc/$pid/maps" | sort -u)
for plugin in platforms/libqoffscreen.so sqldrivers/libqsqlite.so '(iconengines/libqsvgicon|imageformats/libqsvg).so'; do
  grep -Eq "/qt6/plugins/$plugin\$" <<<"$maps" || fail "the console did not load $plugin"
done
say "running after $((SECONDS - t0)) s; loaded: $(grep -o 'qt6/plugins/.*' <<<"$maps" | sed 's|qt6/plugins/||' | tr '\n' ' ')"
if grep -Ei 'could not (load|find)|cannot load|not loaded|failed to load' /tmp/console.err; then
  fail "the console's log reports a missing piece"
fi
kill -TERM "$pid"
wait "$pid" 2>/dev/null || true
# The xcb plugin a desktop uses is not loaded offscreen: its libraries must resolve all the same.
for p in /usr/lib/x86_64-linux-gnu/qt6/plugins/platforms/libqxcb.so /usr/lib/x86_64-linux-gnu/qt6/plugins/imageformats/libqsvg.so; do
  [[ -f $p ]] || fail "$p is not installed"
  ! ldd "$p" | grep 'not found' || fail "$p has unresolved libraries"
done
say "libqxcb.so and libqsvg.so resolve all their libraries"

# Count the tickets the embedded service took, with the service binary itself on the console's database.
db=$data/relaydesk.sqlite
printf '%s\n' 'package-check-pw-2' | as_agent relaydesk-server --db "$db" add-user checker --role agent >/dev/null ||
  fail "add-user on the console's embedded database"
as_agent --exec relaydesk-server --db "$db" --listen 127.0.0.1:0 >/tmp/embedded.out 2>/tmp/embedded.err &
spid=$!
for ((i = 0; i < 60; i++)); do
  grep -q '^listening on' /tmp/embedded.out 2>/dev/null && break
  sleep 0.5
done
port=$(sed -n 's/^listening on http:\/\/127.0.0.1:\([0-9]*\).*/\1/p' /tmp/embedded.out)
[[ -n $port ]] || fail "relaydesk-server did not open the console's database"
answer=$(http POST /api/v1/auth/login '{"username":"checker","password":"package-check-pw-2"}')
token=$(field token "$answer")
[[ -n $token ]] || fail "login on the console's database: $answer"
answer=$(http GET "/api/v1/tickets?since=0&limit=500" "" "$token")
tickets=$(grep -o '"client_report_id"' <<<"$answer" | wc -l)
kill -TERM "$spid"; wait "$spid" || true
((tickets >= 20)) || fail "the console's embedded service has $tickets tickets, want at least 20 of the 30 simulated"
say "the console's embedded service took $tickets tickets from its simulator"
CHECK
  chmod +x "$root/root/console-check.sh"
}

run_console() {
  write_console_check || return 1
  in_root_isolated /root/console-check.sh 2>&1 | tee "$out/console.log"
  return "${PIPESTATUS[0]}"
}

# Maintainer scripts: a reinstall (postinst with a previous version), remove (data and conffile stay), purge (gone).
remove_purge() {
  # shellcheck disable=SC2016 # expanded inside the root
  in_root '
    set -e
    fail() { echo "remove-purge: FAILED: $*" >&2; exit 1; }
    db=/var/lib/relaydesk/relaydesk.db
    [ -f $db ] || fail "no $db to begin with"
    apt-get install -y -q --reinstall /tmp/debs/relaydesk-server_*.deb >/tmp/reinstall.log 2>&1 ||
      { tail -n 20 /tmp/reinstall.log; fail "reinstall"; }
    [ -f $db ] || fail "the reinstall lost $db"
    echo "remove-purge: reinstalled, $db kept"
    apt-get remove -y -q relaydesk-server >/tmp/remove.log 2>&1 || { tail -n 20 /tmp/remove.log; fail "remove"; }
    [ ! -e /usr/bin/relaydesk-server ] || fail "remove left /usr/bin/relaydesk-server"
    [ -f $db ] || fail "remove deleted $db"
    [ -f /etc/default/relaydesk-server ] || fail "remove deleted the conffile"
    echo "remove-purge: removed; $db and /etc/default/relaydesk-server kept"
    apt-get purge -y -q relaydesk-server >/tmp/purge.log 2>&1 || { tail -n 20 /tmp/purge.log; fail "purge"; }
    [ ! -e /var/lib/relaydesk ] || fail "purge left /var/lib/relaydesk"
    [ ! -e /etc/default/relaydesk-server ] || fail "purge left /etc/default/relaydesk-server"
    echo "remove-purge: purged; /var/lib/relaydesk and the conffile gone (the relaydesk system user stays)"
    apt-get install -y -q /tmp/debs/relaydesk-server_*.deb >/tmp/install-again.log 2>&1 ||
      { tail -n 20 /tmp/install-again.log; fail "install after purge"; }
    [ "$(stat -c "%U %a" /var/lib/relaydesk)" = "relaydesk 750" ] || fail "no state directory after installing again"
    echo "remove-purge: installed again over the remaining user"
  '
}

lint() {
  in_root "apt-get install -y -q --no-install-recommends ${lint_tools[*]} >/tmp/lint-tools.log 2>&1" || {
    tail -n 20 "$root/tmp/lint-tools.log"
    return 1
  }
  log "installed inside the root only: ${lint_tools[*]} ($(in_root 'lintian --version'))"
  local rc=0
  # -I: info tags too, so the report shows everything; only errors fail the check.
  # As nobody: lintian advises against running as root.
  in_root "cd /tmp && setpriv --reuid=nobody --regid=nogroup --clear-groups env HOME=/tmp \
    lintian --fail-on error -I /tmp/debs/*.deb" >"$out/lintian.txt" 2>&1 || rc=$?
  log "lintian: $(grep -c '^E:' "$out/lintian.txt") errors, $(grep -c '^W:' "$out/lintian.txt") warnings," \
    "$(grep -c '^I:' "$out/lintian.txt") info tags (report: $out/lintian.txt)"
  sed 's/^/  /' "$out/lintian.txt"
  ((rc == 0)) || { log "lintian failed (status $rc)"; return 1; }
  local res
  res=$(in_root "appstreamcli validate --no-net --strict /usr/share/metainfo/org.relaydesk.Relaydesk.metainfo.xml 2>&1") ||
    { echo "$res"; log "appstreamcli validate failed"; return 1; }
  log "appstreamcli: $(tail -n 1 <<<"$res")"
  res=$(in_root "desktop-file-validate /usr/share/applications/org.relaydesk.Relaydesk.desktop 2>&1") || rc=$?
  if ((rc != 0)) || [[ -n $res ]]; then
    echo "$res"
    log "desktop-file-validate is not clean"
    return 1
  fi
  log "desktop-file-validate: clean"
  # systemd's own reading of the unit (keys, ExecStart's binary, the user); no systemd runs in the root.
  res=$(in_root "systemd-analyze verify /lib/systemd/system/relaydesk-server.service 2>&1") || rc=$?
  if ((rc != 0)) || [[ -n $res ]]; then
    echo "$res"
    log "systemd-analyze verify is not clean"
    return 1
  fi
  log "systemd-analyze verify relaydesk-server.service: clean"
}

commit=$(git -C "$src" rev-parse HEAD) # the commit checked, even if HEAD moves meanwhile
if [[ -z $debs_from ]] && ((!worktree)); then
  log "checking $commit of $src (committed work only; uncommitted changes are not seen)"
fi
phase host-tools host_tools
phase build build_packages
phase inspect inspect_packages
phase root make_root
phase install install_packages
phase server run_server
phase console run_console
phase remove remove_purge
phase lint lint
current_phase="cleanup"
