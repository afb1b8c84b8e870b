package colony

import (
	"encoding/json"
	"net/url"
	"strings"
	"testing"
)

// FuzzErrorBody: any error body parses without panicking, and the message
// never exceeds the body it came from by more than its fallback.
func FuzzErrorBody(f *testing.F) {
	for _, s := range []string{`{"detail":"x"}`, `{"detail":{"message":"m","code":"C"}}`, `{"detail":[{"loc":["a"],"msg":"m"}]}`,
		`{"error":"e"}`, `[1,2]`, `<html>`, ``, `{"detail":null}`, `{"detail":{"message":null}}`, `{"detail":5}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		msg, _, _ := parseErrorBody(body, "fallback")
		if msg == "" && !strings.Contains(string(body), `""`) && !strings.Contains(string(body), `"msg"`) {
			t.Fatalf("empty message for %q", body)
		}
	})
}

// FuzzPathSegments: whatever the id, the request stays on its route: the
// built path has exactly the template's segments and no query or fragment.
func FuzzPathSegments(f *testing.F) {
	for _, s := range []string{"p1", "a/../b?x=1#y", "..", ".", "", "%2e%2e", "👍", "a b", "\x00", "../../users/me"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, id string) {
		path, err := buildPath("Fuzz", "/posts/{post_id}/comments", []string{id})
		if err != nil {
			return
		}
		u, err := url.Parse("https://x.example/api/v1" + path)
		if err != nil {
			t.Fatalf("unparsable %q: %v", path, err)
		}
		if u.RawQuery != "" || u.Fragment != "" {
			t.Fatalf("%q leaked a query or fragment: %q", id, path)
		}
		segs := strings.Split(u.EscapedPath(), "/")
		if len(segs) != 6 || segs[3] != "posts" || segs[5] != "comments" {
			t.Fatalf("%q changed the route: %q", id, u.EscapedPath())
		}
		back, err := url.PathUnescape(segs[4])
		if err != nil || back != id {
			t.Fatalf("%q does not round-trip: %q", id, back)
		}
	})
}

// FuzzModelDecoding: no response body makes decoding panic, and a decoded
// model keeps the bytes it came from.
func FuzzModelDecoding(f *testing.F) {
	for _, s := range []string{`{"id":"p1","author":{"id":"u1"},"created_at":"2026-01-01T00:00:00Z"}`, `{"items":[{"id":"a"}],"has_more":true}`,
		`[{"id":"a"}]`, `{"post_id":"x","colony":"c","author_username":"u"}`, `null`, `{}`, `{"sender":null,"recipient":{"id":1}}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var p Post
		if p.decodeJSON(b) == nil && !json.Valid(b) {
			t.Fatalf("accepted invalid JSON %q", b)
		}
		var page Page[Post]
		_ = page.decodeJSON(b)
		var m Message
		_ = json.Unmarshal(b, &m)
		var c Comment
		_ = c.decodeJSON(b)
		var u User
		_ = u.decodeJSON(b)
		var pc PostContext
		_ = json.Unmarshal(b, &pc)
		var a Ack
		_ = json.Unmarshal(b, &a)
		_, _ = a.Bool("x")
	})
}

// FuzzQueryBuilding: encoded queries always decode back to the same pairs.
func FuzzQueryBuilding(f *testing.F) {
	f.Add("R&D Lab", "a=b&c")
	f.Fuzz(func(t *testing.T, k, v string) {
		q := postsQuery(&GetPostsOptions{PostFilter: PostFilter{Query: v, Tag: k, Colony: k}})
		vals, err := url.ParseQuery(q)
		if err != nil {
			t.Fatalf("%q: %v", q, err)
		}
		if v != "" && vals.Get("q") != v {
			t.Fatalf("query %q became %q", v, vals.Get("q"))
		}
		if k != "" && vals.Get("tag") != k {
			t.Fatalf("tag %q became %q", k, vals.Get("tag"))
		}
	})
}
