package jsonx

import (
	"strings"
	"testing"
	"time"
)

func TestTimeParsing(t *testing.T) {
	utc := func(y, mo, d, h, mi, s, ns int) time.Time {
		return time.Date(y, time.Month(mo), d, h, mi, s, ns, time.UTC)
	}
	cases := map[string]time.Time{
		`"2026-09-07T20:16:26.099410Z"`:      utc(2026, 9, 7, 20, 16, 26, 99410000),
		`"2026-05-23T19:25:33Z"`:             utc(2026, 5, 23, 19, 25, 33, 0),
		`"2026-05-23T19:25:33"`:              utc(2026, 5, 23, 19, 25, 33, 0),
		`"2026-08-02T09:40:57.474525+00:00"`: utc(2026, 8, 2, 9, 40, 57, 474525000),
		`"2026-08-02T11:40:57+02:00"`:        utc(2026, 8, 2, 9, 40, 57, 0),
		`"2026-08-02T05:10:57-04:30"`:        utc(2026, 8, 2, 9, 40, 57, 0),
		`"2026-08-02 09:40:57"`:              utc(2026, 8, 2, 9, 40, 57, 0),
		`"2026-08-02"`:                       utc(2026, 8, 2, 0, 0, 0, 0),
		`"2026-08-02T09:40:57.1234567891Z"`:  utc(2026, 8, 2, 9, 40, 57, 123456789),
		`"2026-08-02T09:40:57\u002e5Z"`:      utc(2026, 8, 2, 9, 40, 57, 500000000),
		`null`:                               {},
		`""`:                                 {},
		`"yesterday"`:                        {},
		`"2026-02-30T00:00:00Z"`:             {},
		`"2026-13-01T00:00:00Z"`:             {},
		`"2026-01-01T25:00:00Z"`:             {},
		`"2026-01-01T00:00:00.Z"`:            {},
		`"2026-01-01T00:00:00+2"`:            {},
		`12345`:                              {},
		`{"a":1}`:                            {},
	}
	for in, want := range cases {
		var got Time
		if err := got.UnmarshalJSON([]byte(in)); err != nil {
			t.Errorf("%s: error %v", in, err)
		}
		if !got.Equal(want) || got.IsZero() != want.IsZero() {
			t.Errorf("%s: got %v, want %v", in, got.Time, want)
		}
	}
	var p TimePtr
	_ = p.UnmarshalJSON([]byte(`null`))
	if p.P != nil {
		t.Error("null gives nil")
	}
	_ = p.UnmarshalJSON([]byte(`"2026-05-23T19:25:33Z"`))
	if p.P == nil || p.P.Year() != 2026 {
		t.Errorf("got %v", p.P)
	}
}

func TestTimeParsingDoesNotAllocate(t *testing.T) {
	b := []byte(`"2026-09-07T20:16:26.099410Z"`)
	var v Time
	if n := testing.AllocsPerRun(100, func() { _ = v.UnmarshalJSON(b) }); n != 0 {
		t.Errorf("%v allocations, want 0", n)
	}
}

func FuzzTime(f *testing.F) {
	for _, s := range []string{`"2026-09-07T20:16:26.099410Z"`, `"2026-08-02T11:40:57+02:00"`, `null`, `"x"`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var v Time
		if err := v.UnmarshalJSON(b); err != nil {
			t.Fatal("never an error")
		}
		if !v.IsZero() && v.Location() != time.UTC {
			t.Fatalf("not UTC: %v", v.Time)
		}
	})
}

// FuzzParseFastAgreesWithLayouts: what the fast path accepts, the layouts
// read as the same instant (the fast path is only a shortcut).
func FuzzParseFastAgreesWithLayouts(f *testing.F) {
	for _, s := range []string{"2026-09-07T20:16:26.099410Z", "2026-08-02T11:40:57+02:00", "2026-02-30T00:00:00", "2026-01-01 00:00:00.5-01:30"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		fast, ok := parseFast([]byte(s))
		if !ok {
			return
		}
		upper := strings.ToUpper(s) // RFC 3339 lets "t" and "z" be lower case; time.Parse does not
		for _, l := range layouts {
			if v, err := time.Parse(l, upper); err == nil {
				if !v.Equal(fast) {
					t.Fatalf("%q: fast %v, layout %q %v", s, fast, l, v)
				}
				return
			}
		}
		if sec := s[17:19]; sec != "60" { // time.Parse refuses a leap second the fast path normalises
			t.Fatalf("%q: the fast path accepts what no layout does (%v)", s, fast)
		}
	})
}
