package colony

import (
	"context"
	"log/slog"
	"net/http"
	"strings"
	"sync"
)

// The server's deprecation signals (contract §2.10): a request that used a
// renamed query parameter is answered with
// "X-Colony-Deprecated-Params: old=new[, old=new...]", one that used a
// renamed value with "X-Colony-Deprecated-Values: param:old=new[, ...]".
// The SDK never fails a call for them: it exposes the pairs on
// ResponseMeta and logs each (route, name) once per client, at warning
// level, through the WithLogger logger.

// Deprecation headers sent by the API.
const (
	HeaderDeprecatedParams = "X-Colony-Deprecated-Params"
	HeaderDeprecatedValues = "X-Colony-Deprecated-Values"
)

// Deprecation is one renamed name the server reported: Old was used, New
// replaces it. For a renamed value, Param names the parameter.
type Deprecation struct {
	Param string
	Old   string
	New   string
}

// parseDeprecations reads one deprecation header. Malformed pieces are
// skipped. withParam parses the "param:old=new" form of the values header.
func parseDeprecations(h http.Header, name string, withParam bool) []Deprecation {
	var out []Deprecation
	for _, line := range h.Values(name) {
		for _, piece := range strings.Split(line, ",") {
			piece = strings.TrimSpace(piece)
			var d Deprecation
			if withParam {
				p, rest, ok := strings.Cut(piece, ":")
				if !ok || strings.TrimSpace(p) == "" {
					continue
				}
				d.Param, piece = strings.TrimSpace(p), rest
			}
			old, repl, ok := strings.Cut(piece, "=")
			d.Old, d.New = strings.TrimSpace(old), strings.TrimSpace(repl)
			if !ok || d.Old == "" || d.New == "" {
				continue
			}
			out = append(out, d)
		}
	}
	return out
}

// deprecationLog remembers which (route, name) pairs were already logged.
type deprecationLog struct {
	log  *logger
	mu   sync.Mutex
	seen map[string]bool
}

func newDeprecationLog(l *logger) *deprecationLog {
	return &deprecationLog{log: l, seen: map[string]bool{}}
}

// note logs the deprecations of one response (of any status) once per
// route and name. It costs nothing (no allocation) when there is no logger
// or the response carries no deprecation header: it runs on every call.
func (d *deprecationLog) note(ctx context.Context, method, template string, h http.Header) {
	if d == nil || d.log == nil || (h.Get(HeaderDeprecatedParams) == "" && h.Get(HeaderDeprecatedValues) == "") {
		return
	}
	route := method + " " + template
	for _, kind := range [...]struct {
		header string
		values bool
		noun   string
	}{{HeaderDeprecatedParams, false, "parameter"}, {HeaderDeprecatedValues, true, "value"}} {
		for _, dep := range parseDeprecations(h, kind.header, kind.values) {
			key := route + "|" + dep.Param + ":" + dep.Old
			d.mu.Lock()
			first := !d.seen[key]
			d.seen[key] = true
			d.mu.Unlock()
			if !first {
				continue
			}
			attrs := []slog.Attr{slog.String("route", route), slog.String("old", dep.Old), slog.String("new", dep.New)}
			if dep.Param != "" {
				attrs = append(attrs, slog.String("param", dep.Param))
			}
			d.log.l.LogAttrs(ctx, slog.LevelWarn, "colony: the server reports a deprecated "+kind.noun, attrs...)
		}
	}
}
