package colonytest

import (
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	colony "github.com/thecolony/colony-go"
)

func TestHandleOverridesAndAddsRoutes(t *testing.T) {
	srv := NewServer(t)
	c := srv.Client(t)
	srv.Handle("GET /posts/{post_id}", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"id":"` + r.PathValue("post_id") + `","title":"overridden"}`))
	}))
	p, err := c.GetPost(t.Context(), "any-id")
	require.NoError(t, err)
	assert.Equal(t, "overridden", p.Title)
	assert.Equal(t, "any-id", p.ID)

	srv.AddRoute("GET /brand-new", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write([]byte(`{"ok":true}`))
	}))
	raw, err := c.Raw(t.Context(), http.MethodGet, "/brand-new", nil)
	require.NoError(t, err)
	assert.JSONEq(t, `{"ok":true}`, string(raw))
}

// TestPatternsThatNameNoRouteAreRefused: every pattern-taking method fails
// the test with the close matches when the pattern names no route, and
// accepts a served route whatever its parameter names.
func TestPatternsThatNameNoRouteAreRefused(t *testing.T) {
	ok := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {})
	cases := []struct {
		name string
		call func(s *Server)
		want string // "" means accepted
	}{
		{"FailNext with other param names", func(s *Server) { s.FailNext("POST /posts/{id}/comments", 1, Fault{}) }, ""},
		{"FailNext typo", func(s *Server) { s.FailNext("POST /posts/{id}/commentz", 1, Fault{}) },
			`colonytest: FailNext: no route matches "POST /posts/{id}/commentz"; close matches: "POST /posts/{post_id}/comments"`},
		{"FailNext wrong method", func(s *Server) { s.FailNext("PATCH /posts/{post_id}", 1, Fault{}) },
			`close matches: "PUT /posts/{post_id}"`},
		{"DropNext bare path", func(s *Server) { s.DropNext("/postz", 1) }, `DropNext: no route matches "/postz"; close matches: "GET /posts"`},
		{"FailRandomly unknown method", func(s *Server) { s.FailRandomly("FETCH *", 0.5, 1, Fault{}) }, `FailRandomly: no route matches "FETCH *"`},
		{"FailNext every route", func(s *Server) { s.FailNext("*", 1, Fault{}) }, ""},
		{"FailNext every PATCH", func(s *Server) { s.FailNext("PATCH *", 1, Fault{}) }, ""},
		{"RequestsTo unknown routes", func(s *Server) { s.RequestsTo("/") }, ""},
		{"RequestsTo far from everything", func(s *Server) { s.RequestsTo("GET /zzzzzzzzzzzzzzzzzzzzzzzz") },
			`RequestsTo: no route matches "GET /zzzzzzzzzzzzzzzzzzzzzzzz"; no close matches`},
		{"Handle unknown", func(s *Server) { s.Handle("GET /post/{id}", ok) }, `Handle: no route matches "GET /post/{id}"; close matches: "GET /posts/{post_id}"`},
		{"Handle wildcard", func(s *Server) { s.Handle("GET *", ok) }, `Handle: route pattern "GET *" is not "METHOD /path"`},
		{"AddRoute served", func(s *Server) { s.AddRoute("GET /posts/{id}", ok) }, `AddRoute: "GET /posts/{id}" is already served as "GET /posts/{post_id}"; use Handle`},
		{"AddRoute ambiguous", func(s *Server) { s.AddRoute("GET /{x}/me", ok) }, `AddRoute: cannot add "GET /{x}/me"`},
		{"AddRoute new", func(s *Server) { s.AddRoute("GET /brand-new", ok) }, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := fatalOf(t, tc.call)
			if tc.want == "" {
				assert.Empty(t, got)
			} else {
				assert.Contains(t, got, tc.want)
			}
		})
	}
}

// TestPatternRefusalOutsideTests: a server from Start panics with the text a
// test would see, and CheckPattern returns it as an error.
func TestPatternRefusalOutsideTests(t *testing.T) {
	s, err := Start(WithoutNetwork())
	require.NoError(t, err)
	defer s.Close()
	err = s.CheckPattern("POST /posts/{id}/commentz")
	require.Error(t, err)
	want := err.Error()
	assert.True(t, strings.HasPrefix(want, `colonytest: no route matches "POST /posts/{id}/commentz"; close matches: "POST /posts/{post_id}/comments", `), want)
	assert.NoError(t, s.CheckPattern("POST /posts/{id}/comments"))
	assert.PanicsWithValue(t, strings.Replace(want, "colonytest: ", "colonytest: FailNext: ", 1), func() {
		s.FailNext("POST /posts/{id}/commentz", 1, Fault{})
	})
}

// TestParamNamesDoNotMatter: a fault and a log query written with other
// parameter names hit the served route; a Handle override reads its own
// names.
func TestParamNamesDoNotMatter(t *testing.T) {
	srv := NewServer(t)
	c := srv.Client(t, noRetry())
	p, err := c.CreatePost(t.Context(), "t", "b", nil)
	require.NoError(t, err)
	srv.FailNext("POST /posts/{id}/comments", 1, Fault{Status: 418})
	_, err = c.CreateComment(t.Context(), p.ID, "hi", nil)
	var apiErr *colony.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, 418, apiErr.StatusCode)
	assert.Len(t, srv.RequestsTo("POST /posts/{pid}/comments"), 1)

	srv.Handle("GET /posts/{pid}", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, map[string]any{"id": r.PathValue("pid"), "title": "mine"})
	}))
	got, err := c.GetPost(t.Context(), p.ID)
	require.NoError(t, err)
	assert.Equal(t, p.ID, got.ID)
	assert.Len(t, srv.RequestsTo("GET /posts/{post_id}"), 1)
}

// TestRoutesListsEveryServedRoute: sorted, relative to Prefix, with the
// server's parameter names, and AddRoute's routes included.
func TestRoutesListsEveryServedRoute(t *testing.T) {
	srv := NewServer(t)
	routes := srv.Routes()
	assert.True(t, slices.IsSorted(routes))
	for _, want := range []string{"GET /posts", "POST /posts/{post_id}/vote", "POST /comments/{comment_id}/vote",
		"POST /auth/token", "GET /messages/conversations", "PUT /vault/files/{filename...}", "GET /webhooks"} {
		assert.Contains(t, routes, want)
	}
	for _, r := range routes {
		assert.NoError(t, srv.CheckPattern(r), r)
		assert.NotContains(t, r, Prefix)
	}
	srv.AddRoute("GET /brand-new", http.NotFoundHandler())
	assert.Contains(t, srv.Routes(), "GET /brand-new")
	assert.Len(t, srv.Routes(), len(routes)+1)
}

// TestServesMapsEndpointsToRoutes: an SDK route template reaches the route
// that serves it, even a shared one; an unserved one reaches nothing.
func TestServesMapsEndpointsToRoutes(t *testing.T) {
	s := NewServer(t)
	cases := []struct {
		pattern, route string
	}{
		{"GET /posts/{id}", "GET /posts/{post_id}"},
		{"GET /posts", "GET /posts"},
		{"GET /messages/{message_id}/reads", MessageGetRoute},
		{"POST /messages/send/{username}", "POST /messages/send/{username}"},
		{"PUT /vault/files/{filename}", "PUT /vault/files/{filename...}"},
		{"GET /comments/{comment_id}/history", ""},
		{"PATCH /posts/{post_id}", ""},
		{"not a pattern", ""},
	}
	for _, tc := range cases {
		route, ok := s.Serves(tc.pattern)
		assert.Equal(t, tc.route, route, tc.pattern)
		assert.Equal(t, tc.route != "", ok, tc.pattern)
	}
}
