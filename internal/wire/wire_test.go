package wire

import (
	"errors"
	"net/url"
	"testing"
)

func TestSegment(t *testing.T) {
	cases := map[string]string{
		"11111111-1111-4111-8111-111111111111": "11111111-1111-4111-8111-111111111111",
		"colonist-one":                         "colonist-one",
		"notes.md":                             "notes.md",
		"logs/day.md":                          "logs%2Fday.md",
		"👍":                                    "%F0%9F%91%8D",
		"a b":                                  "a%20b",
		"a/../b?x=1#y":                         "a%2F..%2Fb%3Fx%3D1%23y",
		"R&D+$@:=;,":                           "R%26D%2B%24%40%3A%3D%3B%2C",
		"~_.-":                                 "~_.-",
		"%2e%2e":                               "%252e%252e",
	}
	for in, want := range cases {
		got, err := Segment(in)
		if err != nil || got != want {
			t.Errorf("Segment(%q) = %q, %v; want %q", in, got, err, want)
		}
		if back, err := url.PathUnescape(got); err != nil || back != in {
			t.Errorf("Segment(%q) does not round-trip: %q %v", in, back, err)
		}
	}
	for _, bad := range []string{"", ".", ".."} {
		if _, err := Segment(bad); !errors.Is(err, ErrBadSegment) {
			t.Errorf("Segment(%q) error = %v, want ErrBadSegment", bad, err)
		}
	}
}

func TestQueryKeepsOrderAndQuotesPlus(t *testing.T) {
	var q Query
	q.Add("title", "R&D Lab")
	q.Add("members", "alice")
	q.Add("members", "bob")
	q.AddInt("limit", 50)
	q.AddBool("show", false)
	q.AddIf("empty", "")
	q.Add("q", "AI agents~ü")
	want := "title=R%26D+Lab&members=alice&members=bob&limit=50&show=false&q=AI+agents~%C3%BC"
	if got := q.Encode(); got != want {
		t.Errorf("Encode() = %q, want %q", got, want)
	}
	var empty Query
	if empty.Encode() != "" {
		t.Error("an empty query encodes to nothing")
	}
}
