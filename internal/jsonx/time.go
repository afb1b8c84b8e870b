// Package jsonx holds lenient JSON helpers for decoding Colony API payloads.
package jsonx

import (
	"bytes"
	"encoding/json"
	"time"
)

// Time decodes a timestamp leniently. The API sends RFC 3339 with and without
// fractional seconds, and occasionally without a zone (taken as UTC). null,
// "" and anything unparsable decode to the zero time instead of failing the
// whole response: the raw JSON of the enclosing model still holds the text.
type Time struct{ time.Time }

var layouts = [...]string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05.999999999",
	"2006-01-02 15:04:05.999999999Z07:00",
	"2006-01-02 15:04:05.999999999",
	"2006-01-02",
}

// UnmarshalJSON implements json.Unmarshaler.
func (t *Time) UnmarshalJSON(b []byte) error {
	t.Time = time.Time{}
	if len(b) < 2 || b[0] != '"' {
		return nil // null, numbers, objects: leave zero
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return nil
	}
	t.Time = ParseTime(s)
	return nil
}

// ParseTime parses s with the layouts the API is known to use, returning the
// zero time when none matches.
func ParseTime(s string) time.Time {
	for _, l := range layouts {
		if v, err := time.Parse(l, s); err == nil {
			return v
		}
	}
	return time.Time{}
}

// TimePtr is Time for nullable timestamps: null or unparsable gives nil.
type TimePtr struct{ P *time.Time }

// UnmarshalJSON implements json.Unmarshaler.
func (t *TimePtr) UnmarshalJSON(b []byte) error {
	var v Time
	_ = v.UnmarshalJSON(b)
	if v.IsZero() {
		t.P = nil
		return nil
	}
	tt := v.Time
	t.P = &tt
	return nil
}

// IsNull reports whether b is the JSON literal null (ignoring white space).
func IsNull(b []byte) bool { return bytes.Equal(bytes.TrimSpace(b), []byte("null")) }

// Clone returns a copy of b, so a model does not pin a whole response buffer.
func Clone(b []byte) json.RawMessage {
	if b == nil {
		return nil
	}
	return append(json.RawMessage(nil), b...)
}
