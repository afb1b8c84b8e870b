// Package wire builds the pieces of a Colony API URL exactly as the Python
// reference SDK does: path segments percent-encoded with nothing left safe,
// and query strings in insertion order with quote_plus value encoding.
package wire

import (
	"errors"
	"net/url"
	"strconv"
	"strings"
)

// ErrBadSegment reports a path segment that would address another route
// whatever its encoding: empty, "." or "..".
var ErrBadSegment = errors.New("path segment must not be empty, \".\" or \"..\"")

const upperhex = "0123456789ABCDEF"

// unreserved reports whether b is one of RFC 3986's unreserved characters,
// the only bytes Python's quote(s, safe="") leaves as they are.
func unreserved(b byte) bool {
	return 'A' <= b && b <= 'Z' || 'a' <= b && b <= 'z' || '0' <= b && b <= '9' ||
		b == '-' || b == '_' || b == '.' || b == '~'
}

// Segment percent-encodes s for use as one path segment: every byte outside
// A-Z a-z 0-9 - _ . ~ becomes %XX (uppercase hex of its UTF-8 bytes), so a
// caller's "/", "?", "#" or space can never leave the segment. Empty, "." and
// ".." are refused: servers and proxies normalise them even when escaped.
func Segment(s string) (string, error) {
	if s == "" || s == "." || s == ".." {
		return "", ErrBadSegment
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if !unreserved(s[i]) {
			n++
		}
	}
	if n == 0 {
		return s, nil
	}
	var b strings.Builder
	b.Grow(len(s) + 2*n)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if unreserved(c) {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(upperhex[c>>4])
		b.WriteByte(upperhex[c&15])
	}
	return b.String(), nil
}

// Query is an ordered query-string builder. The zero value is empty and
// ready to use. Keys keep their insertion order (url.Values would sort them)
// and values are encoded like Python's quote_plus.
type Query struct {
	b strings.Builder
}

// Add appends key=value.
func (q *Query) Add(key, value string) {
	if q.b.Len() > 0 {
		q.b.WriteByte('&')
	}
	q.b.WriteString(url.QueryEscape(key))
	q.b.WriteByte('=')
	q.b.WriteString(url.QueryEscape(value))
}

// AddInt appends key=<decimal value>.
func (q *Query) AddInt(key string, v int) { q.Add(key, strconv.Itoa(v)) }

// AddBool appends key=true or key=false, the lowercase literals FastAPI reads.
func (q *Query) AddBool(key string, v bool) { q.Add(key, strconv.FormatBool(v)) }

// AddIf appends key=value only when value is not empty.
func (q *Query) AddIf(key, value string) {
	if value != "" {
		q.Add(key, value)
	}
}

// Encode returns the query string without a leading '?'.
func (q *Query) Encode() string { return q.b.String() }
