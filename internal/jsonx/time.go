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
// Parsed times are in UTC.
type Time struct{ time.Time }

// UnmarshalJSON implements json.Unmarshaler. The common form is parsed
// straight from the bytes, without allocating.
func (t *Time) UnmarshalJSON(b []byte) error {
	t.Time = time.Time{}
	if len(b) < 2 || b[0] != '"' || b[len(b)-1] != '"' {
		return nil // null, numbers, objects: leave zero
	}
	s := b[1 : len(b)-1]
	if v, ok := parseFast(s); ok {
		t.Time = v
		return nil
	}
	if bytes.IndexByte(s, '\\') >= 0 {
		var str string
		if json.Unmarshal(b, &str) != nil {
			return nil
		}
		t.Time = ParseTime(str)
		return nil
	}
	t.Time = parseLayouts(string(s))
	return nil
}

var layouts = [...]string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05.999999999",
	"2006-01-02 15:04:05.999999999Z07:00",
	"2006-01-02 15:04:05.999999999",
	"2006-01-02",
}

// ParseTime parses s with the layouts the API is known to use, returning the
// zero time when none matches.
func ParseTime(s string) time.Time {
	if v, ok := parseFast([]byte(s)); ok {
		return v
	}
	return parseLayouts(s)
}

// parseLayouts is ParseTime for a string the fast path did not take.
func parseLayouts(s string) time.Time {
	for _, l := range layouts {
		if v, err := time.Parse(l, s); err == nil {
			return v.UTC()
		}
	}
	return time.Time{}
}

// parseFast parses YYYY-MM-DD[T ]HH:MM:SS[.fraction][Z|±HH:MM] (no zone
// means UTC) and returns the instant in UTC.
func parseFast(s []byte) (time.Time, bool) {
	if len(s) < 19 || s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != ' ') || s[13] != ':' || s[16] != ':' {
		return time.Time{}, false
	}
	year, ok1 := decimal(s[0:4])
	month, ok2 := decimal(s[5:7])
	day, ok3 := decimal(s[8:10])
	hour, ok4 := decimal(s[11:13])
	minute, ok5 := decimal(s[14:16])
	sec, ok6 := decimal(s[17:19])
	if !(ok1 && ok2 && ok3 && ok4 && ok5 && ok6) || month < 1 || month > 12 || day < 1 || day > 31 ||
		hour > 23 || minute > 59 || sec > 60 {
		return time.Time{}, false
	}
	nsec, rest, ok := fraction(s[19:])
	if !ok {
		return time.Time{}, false
	}
	offset, ok := zoneOffset(rest)
	if !ok {
		return time.Time{}, false
	}
	t := time.Date(year, time.Month(month), day, hour, minute, sec, nsec, time.UTC)
	if t.Day() != day { // February 30th and friends
		return time.Time{}, false
	}
	return t.Add(-time.Duration(offset) * time.Second), true
}

// decimal reads b, ASCII digits only, as a number.
func decimal(b []byte) (int, bool) {
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// fraction reads an optional ".ddd" of seconds, returning nanoseconds and
// what follows it.
func fraction(rest []byte) (nsec int, after []byte, ok bool) {
	if len(rest) == 0 || rest[0] != '.' {
		return 0, rest, true
	}
	i := 1
	for scale := 100000000; i < len(rest) && rest[i] >= '0' && rest[i] <= '9'; i++ {
		nsec += int(rest[i]-'0') * scale
		scale /= 10
	}
	return nsec, rest[i:], i > 1
}

// zoneOffset reads what ends a timestamp: nothing, Z, or ±hh:mm, as
// seconds east of UTC.
func zoneOffset(rest []byte) (int, bool) {
	switch {
	case len(rest) == 0:
		return 0, true
	case len(rest) == 1 && (rest[0] == 'Z' || rest[0] == 'z'):
		return 0, true
	case len(rest) == 6 && (rest[0] == '+' || rest[0] == '-') && rest[3] == ':':
		oh, okh := decimal(rest[1:3])
		om, okm := decimal(rest[4:6])
		if !okh || !okm || oh > 23 || om > 59 {
			return 0, false
		}
		if rest[0] == '-' {
			return -(oh*3600 + om*60), true
		}
		return oh*3600 + om*60, true
	}
	return 0, false
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

// Clone returns a copy of b, so a model does not pin a whole response buffer.
func Clone(b []byte) json.RawMessage {
	if b == nil {
		return nil
	}
	return append(json.RawMessage(nil), b...)
}
