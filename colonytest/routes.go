package colonytest

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
)

// Route patterns: the strings FailNext, DropNext, FailRandomly, RequestsTo,
// Handle and AddRoute take, checked against the routes the server serves.

// Routes returns every route the server serves, as "METHOD /path" relative
// to Prefix with the parameter names it uses ("GET /posts/{post_id}"),
// sorted. Routes added with AddRoute are included.
func (s *Server) Routes() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]string, 0, len(s.patterns))
	for p := range s.patterns {
		out = append(out, p)
	}
	slices.Sort(out)
	return out
}

// Serves reports which served route answers a request to pattern
// ("METHOD /path/{param}", relative to Prefix, e.g. an SDK endpoint's
// route), with every parameter filled in: "GET /messages/{id}/reads" is
// served by MessageGetRoute. ok is false when only the not-found fallback
// would answer. Unlike CheckPattern, the route's shape need not match.
func (s *Server) Serves(pattern string) (route string, ok bool) {
	if exactForm(pattern) != nil {
		return "", false
	}
	method, path, _ := strings.Cut(pattern, " ")
	var b strings.Builder
	for seg := range strings.SplitSeq(path, "/") {
		if b.Len() > 0 || seg != "" {
			b.WriteByte('/')
		}
		if strings.HasPrefix(seg, "{") && strings.HasSuffix(seg, "}") {
			seg = "colonytest-param"
		}
		b.WriteString(seg)
	}
	req, err := http.NewRequest(method, "http://"+memoryHost+Prefix+b.String(), nil)
	if err != nil {
		return "", false
	}
	_, matched := s.mux.Handler(req)
	rel := strings.TrimSpace(strings.Replace(matched, Prefix, "", 1))
	rel = unalias(rel, strings.TrimPrefix(req.URL.EscapedPath(), Prefix))
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.patterns[rel] {
		return "", false
	}
	return rel, true
}

// shape is a route pattern with its parameter names erased, so that
// "GET /posts/{id}" and "GET /posts/{post_id}" compare equal.
func shape(pattern string) string {
	if !strings.Contains(pattern, "{") {
		return pattern
	}
	var b strings.Builder
	for {
		open := strings.IndexByte(pattern, '{')
		end := -1
		if open >= 0 {
			end = strings.IndexByte(pattern[open+1:], '}')
		}
		if end < 0 {
			b.WriteString(pattern)
			return b.String()
		}
		name := pattern[open+1 : open+1+end]
		b.WriteString(pattern[:open])
		if strings.HasSuffix(name, "...") {
			b.WriteString("{...}")
		} else {
			b.WriteString("{}")
		}
		pattern = pattern[open+1+end+1:]
	}
}

// addPattern records a served route. Call with s.mu held.
func (s *Server) addPattern(pattern string) {
	s.patterns[pattern] = true
	s.shapes[shape(pattern)] = pattern
}

// CheckPattern reports whether pattern names at least one route the server
// serves, in any of the forms FailNext takes: "METHOD /path" (parameter
// names do not matter), a bare "/path" (any method), "METHOD *", "*", or
// "/" (requests that matched no route, as Request.Pattern records them).
// The error reads
//
//	colonytest: no route matches "POST /posts/{id}/commentz"; close matches: "POST /posts/{post_id}/comments", ...
//
// The pattern-taking methods fail the test with that text when the server
// was made by NewServer, and panic with it after Start.
func (s *Server) CheckPattern(pattern string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, err := s.resolveLocked(pattern, false)
	return err
}

// resolveLocked checks pattern and returns the registered route it names
// (only for the "METHOD /path" form). exact refuses the wildcard forms.
func (s *Server) resolveLocked(pattern string, exact bool) (string, error) {
	method, path, hasMethod := strings.Cut(pattern, " ")
	if !exact {
		switch {
		case pattern == "" || pattern == "*" || pattern == "/":
			return "", nil
		case !hasMethod:
			for p := range s.patterns {
				if _, pp, _ := strings.Cut(p, " "); shape(pp) == shape(pattern) {
					return "", nil
				}
			}
			return "", s.noMatch(pattern)
		case path == "*":
			for p := range s.patterns {
				if strings.HasPrefix(p, method+" ") {
					return "", nil
				}
			}
			return "", s.noMatch(pattern)
		}
	}
	if err := exactForm(pattern); err != nil {
		return "", err
	}
	if p, ok := s.shapes[shape(pattern)]; ok {
		return p, nil
	}
	return "", s.noMatch(pattern)
}

// exactForm checks that pattern is "METHOD /path".
func exactForm(pattern string) error {
	method, path, _ := strings.Cut(pattern, " ")
	if method == "" || method != strings.ToUpper(method) || !strings.HasPrefix(path, "/") || strings.Contains(path, " ") {
		return fmt.Errorf("colonytest: route pattern %q is not \"METHOD /path\"", pattern)
	}
	return nil
}

// noMatch builds the error for a pattern that names no route, listing the
// routes closest to it.
func (s *Server) noMatch(pattern string) error {
	want := shape(pattern)
	bare := !strings.Contains(pattern, " ")
	type cand struct {
		route string
		dist  int
	}
	var cands []cand
	for p := range s.patterns {
		have := shape(p)
		if bare {
			_, have, _ = strings.Cut(have, " ")
		}
		if d := editDistance(want, have); d <= max(4, len(want)/3) {
			cands = append(cands, cand{p, d})
		}
	}
	slices.SortFunc(cands, func(a, b cand) int {
		if a.dist != b.dist {
			return a.dist - b.dist
		}
		return strings.Compare(a.route, b.route)
	})
	if len(cands) == 0 {
		return fmt.Errorf("colonytest: no route matches %q; no close matches (Server.Routes lists every route)", pattern)
	}
	var names []string
	for _, c := range cands[:min(len(cands), 5)] {
		names = append(names, fmt.Sprintf("%q", c.route))
	}
	return fmt.Errorf("colonytest: no route matches %q; close matches: %s", pattern, strings.Join(names, ", "))
}

// editDistance is the Levenshtein distance between a and b, in bytes.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// refuse reports a bad pattern: through the test's Fatalf when the server
// was made by NewServer, as a panic otherwise. Call without s.mu held.
func (s *Server) refuse(method string, err error) {
	msg := method + ": " + strings.TrimPrefix(err.Error(), "colonytest: ")
	if s.tb != nil {
		s.tb.Helper()
		s.tb.Fatalf("colonytest: %s", msg)
		return
	}
	panic("colonytest: " + msg)
}

// mustMatch checks a pattern for method, refusing it when it names no route.
func (s *Server) mustMatch(method, pattern string) {
	if err := s.CheckPattern(pattern); err != nil {
		s.refuse(method, err)
	}
}

// Handle overrides a route the server serves: pattern is "METHOD /path"
// relative to the API root, e.g. "GET /posts/{post_id}"; its parameter
// names are the ones h reads with r.PathValue, and need not match the
// server's. The handler sees the request as sent, after fault injection and
// logging. A pattern that names no route is refused (see CheckPattern): use
// AddRoute for a route the server does not have.
func (s *Server) Handle(pattern string, h http.Handler) {
	if s.tb != nil {
		s.tb.Helper()
	}
	s.mu.Lock()
	route, err := s.resolveLocked(pattern, true)
	if err == nil {
		s.overrides[route] = overrideMux(pattern, h)
	}
	s.mu.Unlock()
	if err != nil {
		s.refuse("Handle", err)
	}
}

// AddRoute serves a route the server does not have (an endpoint newer than
// the fake, say): pattern is "METHOD /path" relative to the API root. It
// then counts as served: FailNext, RequestsTo and Routes see it. A pattern
// the server already serves, or one Go's ServeMux finds ambiguous beside
// the served routes, is refused as Handle refuses.
func (s *Server) AddRoute(pattern string, h http.Handler) {
	if s.tb != nil {
		s.tb.Helper()
	}
	if err := s.addRoute(pattern, h); err != nil {
		s.refuse("AddRoute", err)
	}
}

func (s *Server) addRoute(pattern string, h http.Handler) (err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := exactForm(pattern); err != nil {
		return err
	}
	if route, ok := s.shapes[shape(pattern)]; ok {
		return fmt.Errorf("colonytest: %q is already served as %q; use Handle", pattern, route)
	}
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("colonytest: cannot add %q: %v", pattern, p)
		}
	}()
	method, path, _ := strings.Cut(pattern, " ")
	// Matched by the main mux, answered by the override.
	s.mux.HandleFunc(method+" "+Prefix+path, func(http.ResponseWriter, *http.Request) {})
	s.addPattern(pattern)
	s.overrides[pattern] = overrideMux(pattern, h)
	return nil
}

// overrideMux serves h under pattern, so h's r.PathValue uses the names
// pattern gives.
func overrideMux(pattern string, h http.Handler) *http.ServeMux {
	method, path, _ := strings.Cut(pattern, " ")
	m := http.NewServeMux()
	m.Handle(method+" "+Prefix+path, h)
	return m
}
