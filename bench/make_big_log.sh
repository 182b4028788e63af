#!/usr/bin/env bash
# Generates a big Android logcat (threadtime) file for the log engine benchmark: the Loghub Android_2k lines
# repeated with advancing timestamps and varied pids/tids, until SIZE_MB MiB. Never committed: the default
# output is under bench/out/ (git-ignored).
# Usage: bench/make_big_log.sh [SIZE_MB=1024] [OUT=bench/out/big_logcat_${SIZE_MB}m.log]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
size_mb="${1:-1024}"
out="${2:-$here/out/big_logcat_${size_mb}m.log}"
sample="${LOGHUB_ANDROID:-$here/../../shared/data/loghub/Android/Android_2k.log}"
[[ -r "$sample" ]] || { echo "make_big_log.sh: cannot read $sample" >&2; exit 2; }
mkdir -p "$(dirname "$out")"

awk -v limit="$((size_mb * 1024 * 1024))" 'BEGIN { n = 0 }
    { sub(/\r$/, "")
      if (match($0, /^[0-9][0-9]-[0-9][0-9] [0-9:.]+ +[0-9]+ +[0-9]+ /)) {
          split(substr($0, 1, RLENGTH), f, / +/)
          pid[n] = f[3] + 0; tid[n] = f[4] + 0; rest[n] = substr($0, RLENGTH + 1)
      } else { pid[n] = -1; rest[n] = $0 }
      n++ }
    END {
        srand(7); t = 0; bytes = 0; day = 1; month = 3
        for (rep = 0; bytes < limit; rep++) {
            shift = (rep * 37) % 9000
            for (i = 0; i < n && bytes < limit; i++) {
                t += int(rand() * 40)
                if (t >= 86400000) { t -= 86400000; day++; if (day > 28) { day = 1; month = month % 12 + 1 } }
                if (pid[i] < 0) line = rest[i]
                else line = sprintf("%02d-%02d %02d:%02d:%02d.%03d %5d %5d %s", month, day, int(t / 3600000),
                                    int(t / 60000) % 60, int(t / 1000) % 60, t % 1000, pid[i] + shift,
                                    tid[i] + shift, rest[i])
                print line
                bytes += length(line) + 1
            }
        }
    }' "$sample" > "$out.tmp"
mv "$out.tmp" "$out"
echo "$out: $(wc -c < "$out") bytes, $(wc -l < "$out") lines"
