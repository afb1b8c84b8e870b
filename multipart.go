package colony

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"sync"
)

// Multipart plumbing: the multipart/form-data body of the upload endpoints,
// streamed from the caller's reader and replayable when the reader can seek.

// multipartBody is a multipart/form-data body with one part, "file",
// streamed from the caller's reader between a fixed prefix and suffix.
type multipartBody struct {
	boundary string
	prefix   []byte
	suffix   []byte
	length   int64 // whole body; -1 when the reader's length is unknown
	first    io.Reader
	rewind   func() (io.ReadCloser, error) // nil: not replayable
}

// newMultipartBody validates an upload and prepares its body, exactly as
// Python 1.14.1 lays it out (spec §1.14): boundary "----colonysdk" + 32 hex
// characters, the part headers below, and "--boundary--\r\n" at the end.
func newMultipartBody(op, filename string, r io.Reader, contentType string, allowed []string) (*multipartBody, error) {
	name := strings.NewReplacer("\r", "", "\n", "").Replace(filename)
	if strings.TrimSpace(name) == "" {
		return nil, invalidParams(op, "filename must not be empty")
	}
	if r == nil {
		return nil, invalidParams(op, "nil reader")
	}
	if !slices.Contains(allowed, contentType) {
		return nil, invalidParams(op, "content type %q is not accepted; use one of %v", contentType, allowed)
	}
	size := readerSize(r)
	if size == 0 {
		return nil, invalidParams(op, "the file is empty")
	}
	var rnd [16]byte
	_, _ = rand.Read(rnd[:])
	m := &multipartBody{boundary: "----colonysdk" + hex.EncodeToString(rnd[:]), first: r, length: -1}
	escaped := strings.ReplaceAll(strings.ReplaceAll(name, `\`, `\\`), `"`, `\"`)
	m.prefix = fmt.Appendf(nil, "--%s\r\nContent-Disposition: form-data; name=\"file\"; filename=\"%s\"\r\nContent-Type: %s\r\n\r\n",
		m.boundary, escaped, contentType)
	m.suffix = fmt.Appendf(nil, "\r\n--%s--\r\n", m.boundary)
	if size > 0 {
		m.length = int64(len(m.prefix)) + size + int64(len(m.suffix))
	}
	if s, ok := r.(io.ReadSeeker); ok {
		if start, err := s.Seek(0, io.SeekCurrent); err == nil {
			src := &rewindableSource{src: s, start: start}
			m.first = src.reader()
			m.rewind = func() (io.ReadCloser, error) {
				rd, err := src.rewound()
				if err != nil {
					return nil, err
				}
				return io.NopCloser(m.wrap(rd)), nil
			}
		}
	}
	return m, nil
}

func (m *multipartBody) wrap(file io.Reader) io.Reader {
	return io.MultiReader(bytes.NewReader(m.prefix), file, bytes.NewReader(m.suffix))
}

// rawBody is a request body that is not JSON: Client.send streams it as it
// is instead of encoding it.
type rawBody interface {
	// open returns the body of the first attempt, its length (-1 when
	// unknown) and its content type.
	open() (io.Reader, int64, string)
	// replay returns a fresh copy of the body for a retry or a 401 replay;
	// nil when the body can be sent only once.
	replay() func() (io.ReadCloser, error)
}

func (m *multipartBody) open() (io.Reader, int64, string) {
	return m.wrap(m.first), m.length, "multipart/form-data; boundary=" + m.boundary
}

func (m *multipartBody) replay() func() (io.ReadCloser, error) { return m.rewind }

// onceJSON is a JSON body sent exactly once: with no replay, the request is
// never retried nor replayed after a token refresh.
type onceJSON []byte

func (b onceJSON) open() (io.Reader, int64, string) {
	return bytes.NewReader(b), int64(len(b)), "application/json"
}

func (onceJSON) replay() func() (io.ReadCloser, error) { return nil }

// readerSize returns how many bytes r has left, or -1 when it cannot tell.
func readerSize(r io.Reader) int64 {
	switch v := r.(type) {
	case interface{ Len() int }:
		return int64(v.Len())
	case *os.File:
		fi, err := v.Stat()
		if err != nil || !fi.Mode().IsRegular() {
			return -1
		}
		pos, err := v.Seek(0, io.SeekCurrent)
		if err != nil {
			return -1
		}
		return max(fi.Size()-pos, 0)
	case interface{ Size() int64 }:
		if s, ok := r.(io.Seeker); ok {
			pos, err := s.Seek(0, io.SeekCurrent)
			if err != nil {
				return -1
			}
			return max(v.Size()-pos, 0)
		}
		return v.Size()
	}
	return -1
}

// errBodySuperseded ends a read of an upload body that a retry has
// replaced; net/http may still be draining the old attempt's body.
var errBodySuperseded = errors.New("colony: upload body replaced by a retry")

// rewindableSource shares one seekable reader between the attempts of an
// upload. Each rewind starts a new generation; reads of an older
// generation fail instead of racing the new one for the reader's offset.
type rewindableSource struct {
	mu    sync.Mutex
	src   io.ReadSeeker
	start int64
	gen   int
}

func (s *rewindableSource) reader() io.Reader {
	s.mu.Lock()
	defer s.mu.Unlock()
	return &generationReader{s: s, gen: s.gen}
}

func (s *rewindableSource) rewound() (io.Reader, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, err := s.src.Seek(s.start, io.SeekStart); err != nil {
		return nil, err
	}
	s.gen++
	return &generationReader{s: s, gen: s.gen}, nil
}

type generationReader struct {
	s   *rewindableSource
	gen int
}

func (g *generationReader) Read(p []byte) (int, error) {
	g.s.mu.Lock()
	defer g.s.mu.Unlock()
	if g.gen != g.s.gen {
		return 0, errBodySuperseded
	}
	return g.s.src.Read(p)
}
