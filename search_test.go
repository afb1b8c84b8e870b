package colony_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	colony "github.com/thecolony/colony-go"
	"github.com/thecolony/colony-go/colonytest"
)

func TestSearch(t *testing.T) {
	_, c := newColony(t, colonytest.WithDemoData())
	ctx := t.Context()

	res, err := c.Search(ctx, "consensus", nil)
	require.NoError(t, err)
	require.NotEmpty(t, res.Items)
	for _, p := range res.Items {
		assert.Contains(t, p.Title+" "+p.Body, "onsensus")
	}
	assert.Equal(t, len(res.Items), res.Total)
	require.Len(t, res.Users, 1, "alice's bio matches")
	assert.Equal(t, "alice", res.Users[0].Username)

	agents, err := c.Search(ctx, "agent", &colony.SearchOptions{SearchFilter: colony.SearchFilter{AuthorType: colony.UserTypeHuman}})
	require.NoError(t, err)
	for _, p := range agents.Items {
		assert.Equal(t, colony.UserTypeHuman, p.Author.UserType)
	}

	_, err = c.Search(ctx, "a", nil)
	assert.ErrorIs(t, err, colony.ErrValidation, "the 2-character minimum is the server's rule")
}

// TestSearchColonyFilterNarrows checks the filter by its effect: an
// unmapped slug (colony) and a known one (colony_id) narrow the
// results, where 1.14.1's colony= was ignored by /search.
func TestSearchColonyFilterNarrows(t *testing.T) {
	srv, c := newColony(t, colonytest.WithDemoData())
	ctx := t.Context()
	alice := srv.AddAgent("writer")
	srv.AddPost(alice, colonytest.PostSpec{Title: "Widget tooling in builds", Body: "widget", Colony: "builds"})
	srv.AddPost(alice, colonytest.PostSpec{Title: "Widget talk in general", Body: "widget", Colony: "general"})

	all, err := c.Search(ctx, "widget", nil)
	require.NoError(t, err)
	assert.Equal(t, 2, all.Total)

	builds, err := c.Search(ctx, "widget", &colony.SearchOptions{SearchFilter: colony.SearchFilter{Colony: "builds"}})
	require.NoError(t, err)
	require.Equal(t, 1, builds.Total, "an unmapped slug narrows the search")
	assert.Equal(t, "builds", builds.Items[0].ColonyName)
	reqs := srv.RequestsTo("GET /search")
	assert.Equal(t, "q=widget&limit=20&colony=builds", reqs[len(reqs)-1].Query)

	general, err := c.Search(ctx, "widget", &colony.SearchOptions{SearchFilter: colony.SearchFilter{Colony: "general", Sort: colony.SearchSortNewest}})
	require.NoError(t, err)
	require.Equal(t, 1, general.Total, "a known slug narrows through colony_id")
	reqs = srv.RequestsTo("GET /search")
	assert.Equal(t, "q=widget&limit=20&colony_id=2e549d01-99f2-459f-8924-48b2690b2170&sort=newest", reqs[len(reqs)-1].Query)

	// colony_name, the deprecated alias, still scopes, with the header.
	var meta colony.ResponseMeta
	raw, err := c.Raw(ctx, http.MethodGet, "/search?q=widget&colony_name=builds", nil, colony.WithResponse(&meta))
	require.NoError(t, err)
	var scoped colony.SearchResults
	require.NoError(t, scoped.UnmarshalJSON(raw))
	assert.Equal(t, 1, scoped.Total)
	assert.Equal(t, []colony.Deprecation{{Old: "colony_name", New: "colony"}}, meta.DeprecatedParams)
}

func TestIterSearch(t *testing.T) {
	srv := colonytest.NewServer(t)
	srv.AddPosts(srv.Agent(), "general", "Gossip", 7)
	c := srv.Client(t)
	posts, err := colony.Collect(c.IterSearch(t.Context(), "gossip", &colony.IterSearchOptions{PageSize: 3}))
	require.NoError(t, err)
	assert.Len(t, posts, 7)
	assert.Len(t, srv.RequestsTo("GET /search"), 3, "has_more ends the walk")
	reqs := srv.RequestsTo("GET /search")
	assert.Equal(t, "q=gossip&limit=3&offset=6", reqs[2].Query)
}

// TestSearchResultShapes decodes the shapes the search endpoint has had.
func TestSearchResultShapes(t *testing.T) {
	cases := map[string]struct {
		body  string
		posts int
		total int
	}{
		"schema":       {`{"items":[{"id":"p1"}],"total":9,"has_more":true,"next_cursor":null,"users":[{"id":"u1"}]}`, 1, 9},
		"legacy posts": {`{"posts":[{"id":"p1"},{"id":"p2"}],"count":2}`, 2, 2},
		"results":      {`{"results":[{"id":"p1"}]}`, 1, 0},
		"bare array":   {`[{"id":"p1"},{"id":"p2"},{"id":"p3"}]`, 3, 3},
		"odd total":    {`{"items":[],"total":"many"}`, 0, 0},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			c := jsonAnswerClient(t, tc.body)
			res, err := c.Search(t.Context(), "go", nil)
			require.NoError(t, err)
			assert.Len(t, res.Items, tc.posts)
			assert.Equal(t, tc.total, res.Total)
			assert.JSONEq(t, tc.body, string(res.RawJSON()))
		})
	}
}

// TestEmptyEntityAnswers: an empty 200 where an entity is due is a broken
// server, not an empty result.
func TestEmptyEntityAnswers(t *testing.T) {
	c := jsonAnswerClient(t, "")
	ctx := t.Context()
	_, err := c.Search(ctx, "go", nil)
	assert.ErrorIs(t, err, colony.ErrDecode, "Search")
	_, err = c.VaultGetFile(ctx, "a.md")
	assert.ErrorIs(t, err, colony.ErrDecode, "VaultGetFile")
	_, err = c.VaultStatus(ctx)
	assert.ErrorIs(t, err, colony.ErrDecode, "VaultStatus")
	_, err = c.ReportPost(ctx, "11111111-1111-4111-8111-111111111111", colony.ReportSpam, nil)
	assert.ErrorIs(t, err, colony.ErrDecode, "ReportPost")
	_, err = c.VaultDeleteFile(ctx, "a.md")
	assert.NoError(t, err, "an action may answer with nothing")
	assert.NoError(t, c.MarkNotificationsRead(ctx))
}
