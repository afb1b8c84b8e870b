package colonytest

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"strings"
	"sync"
)

// errConnectionReset is what the in-memory transport returns for a dropped
// connection.
var errConnectionReset = errors.New("colonytest: connection reset by peer")

// Transport returns an http.RoundTripper that serves requests for the
// server's host in memory, with no socket: usable inside testing/synctest
// bubbles. Requests for any other host fail.
func (s *Server) Transport() http.RoundTripper { return memTransport{s} }

type memTransport struct{ s *Server }

func (t memTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if !strings.HasPrefix(t.s.url, req.URL.Scheme+"://"+req.URL.Host+"/") {
		if req.Body != nil {
			_ = req.Body.Close()
		}
		return nil, errors.New("colonytest: in-memory transport cannot reach " + req.URL.Host)
	}
	var body []byte
	if req.Body != nil {
		var err error
		body, err = io.ReadAll(req.Body)
		_ = req.Body.Close()
		if err != nil {
			return nil, err
		}
	}
	r := req.Clone(req.Context())
	r.Body = io.NopCloser(bytes.NewReader(body))
	r.ContentLength = int64(len(body))
	r.RequestURI = req.URL.RequestURI()
	r.RemoteAddr = "memory:0"
	if r.Host == "" {
		r.Host = req.URL.Host
	}
	w := &memWriter{header: http.Header{}}
	t.s.handle(w, r)
	if w.dropped {
		return nil, errConnectionReset
	}
	if err := req.Context().Err(); err != nil {
		return nil, err
	}
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return &http.Response{
		Status:        http.StatusText(w.status),
		StatusCode:    w.status,
		Proto:         "HTTP/1.1",
		ProtoMajor:    1,
		ProtoMinor:    1,
		Header:        w.header,
		Body:          io.NopCloser(bytes.NewReader(w.body.Bytes())),
		ContentLength: int64(w.body.Len()),
		Request:       req,
	}, nil
}

// memWriter collects a response in memory.
type memWriter struct {
	mu      sync.Mutex
	header  http.Header
	status  int
	body    bytes.Buffer
	dropped bool
}

func (w *memWriter) Header() http.Header { return w.header }

func (w *memWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
}

func (w *memWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.body.Write(p)
}

func (w *memWriter) drop() { w.dropped = true }
