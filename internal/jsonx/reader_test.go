package jsonx

import (
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"
)

// TestReaderValidatesAsEncodingJSON: the Reader accepts exactly the JSON
// texts encoding/json accepts.
func TestReaderValidatesAsEncodingJSON(t *testing.T) {
	for _, in := range readerCorpus {
		var r Reader
		r.Reset([]byte(in))
		r.Skip()
		got := r.End() == nil
		if want := json.Valid([]byte(in)); got != want {
			t.Errorf("%q: Reader accepts %v, encoding/json %v (%v)", in, got, want, r.Err())
		}
	}
}

var readerCorpus = []string{
	`{}`, `[]`, `null`, `true`, `false`, `0`, `-0`, `1.5e3`, `-1E-2`, `"a"`, `"\u00e9\ud83d\ude00"`,
	`{"a":1,"b":[1,2,{"c":null}],"d":"x\"y\\z\n"}`, ` { "a" : [ ] } `,
	``, ` `, `{`, `}`, `[1,]`, `{"a":1,}`, `{,"a":1}`, `[,1]`, `{"a"}`, `{"a":}`, `{"a" 1}`, `{1:2}`,
	`01`, `1.`, `.5`, `-`, `1e`, `+1`, `tru`, `nul`, `"abc`, `"\x"`, `"\u12"`, `"a` + "\x01" + `"`,
	`[1 2]`, `{"a":1 "b":2}`, `1 2`, `"a"x`, `[` + strings.Repeat(`[`, 20) + strings.Repeat(`]`, 21),
	"\"\xff\"", `"\ud800"`,
}

func FuzzReaderValidates(f *testing.F) {
	for _, in := range readerCorpus {
		f.Add([]byte(in))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var r Reader
		r.Reset(b)
		r.Skip()
		if got, want := r.End() == nil, json.Valid(b); got != want {
			t.Fatalf("%q: Reader accepts %v, encoding/json %v", b, got, want)
		}
		// Any decodes as encoding/json decodes into an interface.
		r.Reset(b)
		got := r.Any()
		if r.End() != nil {
			return
		}
		var want any
		err := json.Unmarshal(b, &want)
		if r.TypeErr() != nil { // a number out of float64's range
			if err == nil {
				t.Fatalf("%q: Reader reports %v, encoding/json takes it", b, r.TypeErr())
			}
			return
		}
		if err != nil {
			t.Fatalf("%q: encoding/json fails: %v", b, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%q: Any %#v, encoding/json %#v", b, got, want)
		}
	})
}

func TestReaderStrings(t *testing.T) {
	for in, want := range map[string]string{
		`"plain"`:                  "plain",
		`"caf\u00e9 \ud83d\ude00"`: "café 😀",
		`"tab\tquote\"back\\/"`:    "tab\tquote\"back\\/",
		`"lone \ud800 surrogate"`:  "lone \ufffd surrogate",
		"\"bad \xff utf8\"":        "bad \ufffd utf8",
		`"ünïcödé"`:                "ünïcödé",
	} {
		var r Reader
		r.Reset([]byte(in))
		var ref string
		if err := json.Unmarshal([]byte(in), &ref); err != nil {
			t.Fatal(err)
		}
		if got := r.Str(); got != want || got != ref || r.End() != nil {
			t.Errorf("%s: got %q, want %q (encoding/json %q), err %v", in, got, want, ref, r.Err())
		}
	}
}

// TestReaderTypes: each typed read takes its type, leaves null zero
// without complaint, and records a mismatch for any other type without
// failing the scan.
func TestReaderTypes(t *testing.T) {
	read := func(in string, fn func(r *Reader) any) (any, error, error) {
		var r Reader
		r.Reset([]byte(in))
		v := fn(&r)
		return v, r.End(), r.TypeErr()
	}
	fieldB := func(r *Reader) any { // the int under key "b", every other value skipped
		b := 0
		r.Fields(func(k []byte) {
			if string(k) == "b" {
				b = r.Int()
			}
		})
		return b
	}
	cases := []struct {
		name     string
		in       string
		fn       func(r *Reader) any
		want     any
		mismatch bool
	}{
		{"int", `42`, func(r *Reader) any { return r.Int() }, 42, false},
		{"negative int", `-7`, func(r *Reader) any { return r.Int() }, -7, false},
		{"int from null", `null`, func(r *Reader) any { return r.Int() }, 0, false},
		{"int from string", `"42"`, func(r *Reader) any { return r.Int() }, 0, true},
		{"int from fraction", `4.5`, func(r *Reader) any { return r.Int() }, 0, true},
		{"int overflow", `99999999999999999999`, func(r *Reader) any { return r.Int() }, 0, true},
		{"int64 max", `9223372036854775807`, func(r *Reader) any { return r.Int64() }, int64(9223372036854775807), false},
		{"int64 min", `-9223372036854775808`, func(r *Reader) any { return r.Int64() }, int64(-9223372036854775808), false},
		{"float", `1.5e2`, func(r *Reader) any { return r.Float() }, 150.0, false},
		{"bool", `true`, func(r *Reader) any { return r.Bool() }, true, false},
		{"bool from number", `1`, func(r *Reader) any { return r.Bool() }, false, true},
		{"string from object", `{"a":1}`, func(r *Reader) any { return r.Str() }, "", true},
		{"strings", `["a","b"]`, func(r *Reader) any { return r.Strings() }, []string{"a", "b"}, false},
		{"strings from null", `null`, func(r *Reader) any { return r.Strings() }, []string(nil), false},
		{"time", `"2026-11-28T10:00:00Z"`, func(r *Reader) any { return r.Time() }, time.Date(2026, 11, 28, 10, 0, 0, 0, time.UTC), false},
		{"time from junk is lenient", `"yesterday"`, func(r *Reader) any { return r.Time() }, time.Time{}, false},
		{"time from number is lenient", `5`, func(r *Reader) any { return r.Time() }, time.Time{}, false},
		{"loose", `"x"`, func(r *Reader) any {
			var n int
			r.Loose(func() { n = r.Int() })
			return n
		}, 0, false},
		{"fields skip unread values", `{"a":{"deep":[1,2]},"b":2}`, fieldB, 2, false},
		{"escaped key", `{"\u0062":3}`, fieldB, 3, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err, typeErr := read(tc.in, tc.fn)
			if err != nil {
				t.Fatalf("syntax error: %v", err)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %#v, want %#v", got, tc.want)
			}
			if (typeErr != nil) != tc.mismatch || (typeErr != nil && !errors.Is(typeErr, ErrType)) {
				t.Errorf("type error %v, want mismatch %v", typeErr, tc.mismatch)
			}
		})
	}
}

func TestReaderDepthLimit(t *testing.T) {
	deep := strings.Repeat("[", MaxDepth+1) + strings.Repeat("]", MaxDepth+1)
	var r Reader
	r.Reset([]byte(deep))
	r.Skip()
	if err := r.End(); !errors.Is(err, ErrSyntax) {
		t.Fatalf("nesting past MaxDepth: %v", err)
	}
}

func TestSinceIsCapped(t *testing.T) {
	var r Reader
	r.Reset([]byte(`[{"a":1},{"b":2}]`))
	r.Array()
	r.More()
	first := r.Raw()
	if string(first) != `{"a":1}` || cap(first) != len(first) {
		t.Fatalf("got %q with cap %d", first, cap(first))
	}
}

func TestReaderDoesNotAllocateOnPlainValues(t *testing.T) {
	b := []byte(`{"id":12,"ok":true,"at":"2026-11-28T10:00:00Z","skip":{"x":[1,2,"y"]}}`)
	var r Reader
	n := testing.AllocsPerRun(100, func() {
		r.Reset(b)
		r.Fields(func(k []byte) {
			switch string(k) {
			case "id":
				_ = r.Int()
			case "ok":
				_ = r.Bool()
			case "at":
				_ = r.Time()
			}
		})
	})
	if n != 0 {
		t.Errorf("%v allocations, want 0", n)
	}
}

// TestStrEscapedAllocatesOnlyTheString: an escaped string costs one
// allocation, its own, once the Reader's buffer has grown.
func TestStrEscapedAllocatesOnlyTheString(t *testing.T) {
	b := []byte(`"line one\nline two \u00e9"`)
	var r Reader
	r.Reset(b)
	_ = r.Str()
	if n := testing.AllocsPerRun(100, func() {
		r.Reset(b)
		if got := r.Str(); got != "line one\nline two é" {
			t.Fatalf("got %q", got)
		}
	}); n != 1 {
		t.Errorf("%v allocations, want 1", n)
	}
}
