// Command benchratio reads `go test -bench` output and prints, for every
// benchmark with "baseline" and "client" sub-benchmarks, the client's time,
// allocations and bytes as ratios to the baseline. Runs are paired in the
// order they appear (run the pair interleaved, e.g. with -count), each
// pair's ratio is computed on its own, and the median across pairs is
// reported, so machine noise between runs cancels out.
//
//	go test -run '^$' -bench . -benchmem -count 10 . | go run ./internal/benchratio
package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

var (
	line   = regexp.MustCompile(`^(Benchmark\S+?)/(baseline|client)(?:-\d+)?\s+\d+\s+(.*)$`)
	paired = regexp.MustCompile(`^(BenchmarkPaired\S+?)(?:-\d+)?\s+\d+\s+(.*)$`)
)

type sample struct{ ns, bytes, allocs float64 }

func parse(fields string) (sample, map[string]float64) {
	var s sample
	extra := map[string]float64{}
	f := strings.Fields(fields)
	for i := 0; i+1 < len(f); i += 2 {
		v, err := strconv.ParseFloat(f[i], 64)
		if err != nil {
			continue
		}
		switch f[i+1] {
		case "ns/op":
			s.ns = v
		case "B/op":
			s.bytes = v
		case "allocs/op":
			s.allocs = v
		default:
			extra[f[i+1]] = v
		}
	}
	return s, extra
}

func median(v []float64) float64 {
	if len(v) == 0 {
		return 0
	}
	slices.Sort(v)
	if len(v)%2 == 1 {
		return v[len(v)/2]
	}
	return (v[len(v)/2-1] + v[len(v)/2]) / 2
}

func main() {
	if err := run(os.Stdin, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "benchratio:", err)
		os.Exit(1)
	}
}

// group is one benchmark's samples: baseline and client, and their extra
// metrics.
type group struct {
	base, client []sample
	extras       map[string][]float64
}

// results are the parsed benchmark lines, in the order first seen.
type results struct {
	groups    map[string]*group
	order     []string
	pairs     map[string][]float64
	pairOrder []string
}

func run(in io.Reader, out io.Writer) error {
	res, err := read(in)
	if err != nil {
		return err
	}
	res.printGroups(out)
	res.printPairs(out)
	return nil
}

// read parses `go test -bench` output.
func read(in io.Reader) (*results, error) {
	res := &results{groups: map[string]*group{}, pairs: map[string][]float64{}}
	sc := bufio.NewScanner(in)
	for sc.Scan() {
		if m := paired.FindStringSubmatch(sc.Text()); m != nil {
			if _, extra := parse(m[2]); extra["x-baseline"] > 0 {
				if res.pairs[m[1]] == nil {
					res.pairOrder = append(res.pairOrder, m[1])
				}
				res.pairs[m[1]] = append(res.pairs[m[1]], extra["x-baseline"])
			}
			continue
		}
		m := line.FindStringSubmatch(sc.Text())
		if m == nil {
			continue
		}
		g := res.groups[m[1]]
		if g == nil {
			g = &group{extras: map[string][]float64{}}
			res.groups[m[1]] = g
			res.order = append(res.order, m[1])
		}
		s, extra := parse(m[3])
		if m[2] == "baseline" {
			g.base = append(g.base, s)
		} else {
			g.client = append(g.client, s)
		}
		for k, v := range extra {
			g.extras[m[2]+" "+k] = append(g.extras[m[2]+" "+k], v)
		}
	}
	return res, sc.Err()
}

// printGroups prints each client/baseline pair's median ratios.
func (res *results) printGroups(out io.Writer) {
	fmt.Fprintf(out, "%-38s %6s %12s %12s %10s %10s %s\n", "benchmark", "pairs", "time ratio", "client ns/op", "allocs Δ", "B/op ratio", "extra")
	for _, name := range res.order {
		g := res.groups[name]
		n := min(len(g.base), len(g.client))
		if n == 0 {
			continue
		}
		var ratio, dAllocs, bRatio, clientNs []float64
		for i := range n {
			ratio = append(ratio, g.client[i].ns/g.base[i].ns)
			dAllocs = append(dAllocs, g.client[i].allocs-g.base[i].allocs)
			bRatio = append(bRatio, g.client[i].bytes/g.base[i].bytes)
			clientNs = append(clientNs, g.client[i].ns)
		}
		var extras []string
		for k, v := range g.extras {
			extras = append(extras, fmt.Sprintf("%s=%g", k, median(v)))
		}
		slices.Sort(extras)
		fmt.Fprintf(out, "%-38s %6d %11.2fx %12.0f %+10.0f %9.2fx %s\n", name, n, median(ratio), median(clientNs), median(dAllocs), median(bRatio), strings.Join(extras, " "))
	}
}

// printPairs prints the paired (call by call) ratios.
func (res *results) printPairs(out io.Writer) {
	if len(res.pairOrder) == 0 {
		return
	}
	fmt.Fprintf(out, "\n%-38s %6s %12s %s\n", "paired (call by call)", "runs", "time ratio", "all runs")
	for _, name := range res.pairOrder {
		v := res.pairs[name]
		all := make([]string, len(v))
		for i, x := range v {
			all[i] = fmt.Sprintf("%.3f", x)
		}
		fmt.Fprintf(out, "%-38s %6d %11.3fx %s\n", name, len(v), median(slices.Clone(v)), strings.Join(all, " "))
	}
}
