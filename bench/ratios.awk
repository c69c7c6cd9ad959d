# Ratios of each Socket Lab row of a bench-peers results.tsv against the jetty and nginx-w1 rows,
# beside the goals of docs/benchmarks.md. Run with awk -F'\t'.
# Columns: peer path rps_ka p50_ka p99_ka cpu_ka err_ka rps_cl p50_cl p99_cl err_cl rss_mb wrk_cpu rest_cpu
NR == 1 { next }
$3 == "-" { next }
{ rows[$1] = $0; order[++n] = $1 }
function ratio(a, b) { return (b + 0 > 0) ? sprintf("%.2f", a / b) : "-" }
function mark(ok) { return ok ? "met" : "NOT met" }
END {
  split(rows["jetty"], j, "\t"); split(rows["nginx-w1"], g, "\t")
  printf "%-20s %10s %10s %12s %10s %12s %8s  (log: on within 10%% of off)\n", "Socket Lab row", "ka/jetty", "ka/nginx", "p99/nginx", "cl/jetty", "RSS/jetty", "errors"
  for (i = 1; i <= n; i++) {
    name = order[i]
    if (name !~ /^socketlab/) continue
    split(rows[name], s, "\t")
    line = sprintf("%-20s %10s %10s %12s %10s %12s %8s", name, ratio(s[3], j[3]), ratio(s[3], g[3]), ratio(s[5], g[5]), ratio(s[8], j[8]), ratio(s[12], j[12]), s[7] + s[11])
    goals = sprintf("ka>=jetty %s, ka>=nginx %s, p99<=1.5 nginx %s, cl>=jetty %s, RSS<=half jetty %s",
      mark(s[3] >= j[3]), mark(s[3] >= g[3]), mark(s[5] <= 1.5 * g[5]), mark(s[8] >= j[8]), mark(s[12] <= j[12] / 2))
    if (name ~ /-log$/) {
      base = substr(name, 1, length(name) - 4)
      if (base in rows) { split(rows[base], b, "\t"); line = line sprintf("  on/off %s (%s)", ratio(s[3], b[3]), mark(s[3] >= 0.9 * b[3])) }
    }
    print line
    print "    " goals
  }
}
