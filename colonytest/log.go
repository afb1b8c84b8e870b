package colonytest

import (
	"net/http"
	"time"
)

// Request is one request the server received, for assertions.
type Request struct {
	Method string
	// Path is the escaped path relative to the API root, e.g. "/posts/abc".
	Path string
	// Query is the raw query string, in the order it was sent.
	Query string
	// Header holds the request headers (Authorization included: the fake's
	// tokens are worthless outside it).
	Header http.Header
	// Body is the raw request body.
	Body []byte
	// Pattern is the route that matched, e.g. "GET /posts/{post_id}"; "/"
	// for an unknown route.
	Pattern string
	// Status is the status answered; -1 when the connection was dropped.
	Status int
	Time   time.Time
}

// Requests returns every request received so far, oldest first.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.log...)
}

// RequestsTo returns the requests whose matched route is pattern (as in
// FailNext: "POST /posts", "/posts", "POST *" or "*"; "/" for requests that
// matched no route). A pattern that names no route is refused, failing the
// test (see CheckPattern).
func (s *Server) RequestsTo(pattern string) []Request {
	if s.tb != nil {
		s.tb.Helper()
	}
	s.mustMatch("RequestsTo", pattern)
	rule := faultRule{pattern: shape(pattern)}
	var out []Request
	for _, r := range s.Requests() {
		if rule.matches(r.Pattern) {
			out = append(out, r)
		}
	}
	return out
}

// ResetRequests empties the request log.
func (s *Server) ResetRequests() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.log = nil
}
