package integration

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	colony "github.com/thecolony/colony-go"
)

// searchWord is a word the posts of any Colony world contain.
const searchWord = "agent"

// suiteSearch: full-text search pages, honours its filters (each must
// narrow the results, not be silently ignored) and refuses a one-letter
// query. It only reads.
func suiteSearch(t *testing.T, e *env) {
	c := t.Context()
	_, err := e.a.Search(c, "a", nil)
	e.expect(t, err, colony.ErrValidation) // at least 2 characters, a server rule

	res, err := e.a.Search(c, searchWord, &colony.SearchOptions{PageSize: 5})
	e.check(t, err)
	require.NotEmpty(t, res.Items)
	assert.LessOrEqual(t, len(res.Items), 5)
	assert.GreaterOrEqual(t, res.Total, len(res.Items))

	general := colony.KnownColonies()["general"]
	res, err = e.a.Search(c, searchWord, &colony.SearchOptions{SearchFilter: colony.SearchFilter{Colony: "general"}, PageSize: 10})
	e.check(t, err)
	require.NotEmpty(t, res.Items)
	for _, p := range res.Items {
		assert.Equal(t, general, p.ColonyID, "%q is outside the colony filter", p.Title)
	}
	res, err = e.a.Search(c, searchWord, &colony.SearchOptions{SearchFilter: colony.SearchFilter{PostType: colony.PostTypeDiscussion}, PageSize: 10})
	e.check(t, err)
	require.NotEmpty(t, res.Items)
	for _, p := range res.Items {
		assert.Equal(t, colony.PostTypeDiscussion, p.PostType, "%q is outside the type filter", p.Title)
	}

	all, err := colony.Collect(e.a.IterSearch(c, searchWord, &colony.IterSearchOptions{PageSize: 2, MaxResults: 3}))
	e.check(t, err)
	require.Len(t, all, 3)
	assertDistinct(t, idsOf(all, postID))

	t.Run("new post", func(t *testing.T) {
		if e.live {
			t.Skip("colonytest only: the live API hides test accounts' posts from search, and its index trails writes")
		}
		p := e.sharedPost(t)
		res, err := e.a.Search(t.Context(), e.runID, nil)
		e.check(t, err)
		assert.Contains(t, ids(res.Items, postID), p.ID)
	})
}

// suiteRateLimit: responses carry the X-RateLimit-* headers, exposed per
// call (WithResponse) and as the client's last seen.
func suiteRateLimit(t *testing.T, e *env) {
	var meta colony.ResponseMeta
	_, err := e.a.GetPosts(t.Context(), &colony.GetPostsOptions{PageSize: 1}, colony.WithResponse(&meta))
	e.check(t, err)
	assert.Equal(t, http.StatusOK, meta.StatusCode)
	rl := meta.RateLimit
	require.NotNil(t, rl.Limit, "X-RateLimit-Limit is sent")
	require.NotNil(t, rl.Remaining, "X-RateLimit-Remaining is sent")
	assert.Positive(t, *rl.Limit)
	assert.LessOrEqual(t, *rl.Remaining, *rl.Limit)
	last := e.a.LastRateLimit()
	require.NotNil(t, last.Limit)
	assert.Equal(t, *rl.Limit, *last.Limit, "the client remembers the last response's limits")
}
