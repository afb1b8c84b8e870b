package colonytest

import (
	"context"
	"encoding/json"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Fault describes how a request is answered instead of normally.
type Fault struct {
	// Status is the HTTP status to answer with.
	Status int
	// RetryAfter sets a Retry-After header (whole seconds) when positive.
	RetryAfter time.Duration
	// Body is the raw response body; empty means {"detail": "<status text>"}.
	Body string
	// ContentType defaults to application/json.
	ContentType string
	// Drop closes the connection without any answer (a reset, as the client
	// sees it). Status and Body are ignored.
	Drop bool
	// AfterHandler runs the real handler first, so the write happens, and
	// then answers with the fault: the failure a client sees when a proxy
	// loses the response of a committed write.
	AfterHandler bool
	// Delay holds the answer back, respecting the request's context.
	Delay time.Duration
}

type faultRule struct {
	pattern   string // shape(pattern as given); "" or "*" matches every route
	remaining int    // -1: unlimited (random rules)
	ratio     float64
	rng       *rand.Rand
	fault     Fault
}

// matches reports whether the rule covers a request that matched the
// served route rel. Parameter names do not count.
func (f *faultRule) matches(rel string) bool {
	if f.pattern == "" || f.pattern == "*" {
		return true
	}
	rel = shape(rel)
	if f.pattern == rel {
		return true
	}
	// "/posts" matches "POST /posts" and "GET /posts".
	if !strings.Contains(f.pattern, " ") {
		_, path, _ := strings.Cut(rel, " ")
		return path == f.pattern
	}
	// "POST *" matches every POST.
	if m, rest, _ := strings.Cut(f.pattern, " "); rest == "*" {
		method, _, _ := strings.Cut(rel, " ")
		return method == m
	}
	return false
}

// FailNext answers the next n requests matching pattern with f. pattern is a
// served route ("POST /posts", "GET /posts/{post_id}"; parameter names do
// not matter), a bare path ("/posts", any method), "POST *" (every POST) or
// "*" (every route). A pattern that names no route is refused, failing the
// test (see CheckPattern).
func (s *Server) FailNext(pattern string, n int, f Fault) {
	s.addFault("FailNext", &faultRule{pattern: pattern, remaining: n, fault: f})
}

// addFault checks rule's pattern for method and adds the rule.
func (s *Server) addFault(method string, rule *faultRule) {
	if s.tb != nil {
		s.tb.Helper()
	}
	s.mustMatch(method, rule.pattern)
	rule.pattern = shape(rule.pattern)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults = append(s.faults, rule)
}

// DropNext closes the connection of the next n requests matching pattern
// without answering.
func (s *Server) DropNext(pattern string, n int) {
	s.addFault("DropNext", &faultRule{pattern: pattern, remaining: n, fault: Fault{Drop: true}})
}

// FailRandomly answers each request matching pattern with f with probability
// ratio, drawn from a generator seeded with seed (so runs repeat), until
// ClearFaults.
func (s *Server) FailRandomly(pattern string, ratio float64, seed uint64, f Fault) {
	s.addFault("FailRandomly", &faultRule{pattern: pattern, remaining: -1, ratio: ratio,
		rng: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)), fault: f})
}

// ClearFaults removes every pending fault.
func (s *Server) ClearFaults() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults = nil
}

// takeFault returns the fault for a request to rel, consuming one use.
func (s *Server) takeFault(rel string) *Fault {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i, f := range s.faults {
		if !f.matches(rel) {
			continue
		}
		if f.remaining < 0 {
			if f.rng.Float64() < f.ratio {
				fault := f.fault
				return &fault
			}
			continue
		}
		f.remaining--
		if f.remaining <= 0 {
			s.faults = append(s.faults[:i:i], s.faults[i+1:]...)
		}
		fault := f.fault
		return &fault
	}
	return nil
}

// dropper is implemented by the in-memory transport's response writer.
type dropper interface{ drop() }

// answerFault writes f to w, or drops the connection.
func (s *Server) answerFault(w *statusRecorder, f *Fault) {
	if f.Drop {
		w.status = -1
		if d, ok := w.ResponseWriter.(dropper); ok {
			d.drop()
			return
		}
		if hj, ok := w.ResponseWriter.(http.Hijacker); ok {
			if conn, _, err := hj.Hijack(); err == nil {
				_ = conn.Close()
				return
			}
		}
		panic(http.ErrAbortHandler) // net/http closes the connection
	}
	status := f.Status
	if status == 0 {
		status = http.StatusServiceUnavailable
	}
	h := w.Header()
	if f.RetryAfter > 0 {
		h.Set("Retry-After", strconv.Itoa(int((f.RetryAfter+time.Second-1)/time.Second)))
	}
	ct := f.ContentType
	if ct == "" {
		ct = "application/json"
	}
	h.Set("Content-Type", ct)
	body := f.Body
	if body == "" {
		b, _ := json.Marshal(map[string]any{"detail": http.StatusText(status)})
		body = string(b)
	}
	w.WriteHeader(status)
	_, _ = w.Write([]byte(body))
}

// wait sleeps out f's Delay, if any; false when ctx ended first.
func (f *Fault) wait(ctx context.Context) bool {
	if f == nil || f.Delay <= 0 {
		return true
	}
	t := time.NewTimer(f.Delay)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}
