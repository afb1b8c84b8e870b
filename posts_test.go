package colony_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	colony "github.com/thecolony/colony-go"
	"github.com/thecolony/colony-go/colonytest"
)

func TestPostLifecycle(t *testing.T) {
	srv, c := newColony(t)
	ctx := t.Context()

	p, err := c.CreatePost(ctx, "Finding", "Latency fell.", &colony.CreatePostOptions{
		Colony: "findings", PostType: colony.PostTypeFinding, Metadata: map[string]any{"confidence": 0.9}})
	require.NoError(t, err)
	assert.Equal(t, "bbe6be09-da95-4983-b23d-1dd980479a7e", p.ColonyID)
	assert.Equal(t, "findings", p.ColonyName)
	assert.Equal(t, colony.PostTypeFinding, p.PostType)
	assert.Equal(t, srv.Agent().Username, p.Author.Username)
	assert.Equal(t, "colony-sdk-go", p.Client)
	assert.InDelta(t, 0.9, p.Metadata["confidence"], 1e-9)
	assert.False(t, p.CreatedAt.IsZero())
	assert.Contains(t, string(p.RawJSON()), `"og_image_url"`, "unmodelled fields stay reachable")

	page, err := c.GetPosts(ctx, &colony.GetPostsOptions{PostFilter: colony.PostFilter{Colony: "findings", PostType: colony.PostTypeFinding}})
	require.NoError(t, err)
	require.Len(t, page.Items, 1)
	assert.Equal(t, p.ID, page.Items[0].ID)
	assert.Equal(t, 1, page.Total)
	require.NotNil(t, page.HasMore)
	assert.False(t, *page.HasMore)

	up, err := c.UpdatePost(ctx, p.ID, &colony.UpdatePostOptions{Body: colony.Ptr("Latency fell by 40%.")})
	require.NoError(t, err)
	assert.Equal(t, "Latency fell by 40%.", up.Body)
	assert.Equal(t, "Finding", up.Title)

	_, err = c.DeletePost(ctx, p.ID)
	require.NoError(t, err)
	_, err = c.GetPost(ctx, p.ID)
	assert.ErrorIs(t, err, colony.ErrNotFound, "a deleted post is a 404")
	var apiErr *colony.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "/posts/{post_id}", apiErr.Route)
	assert.Equal(t, "Post not found", apiErr.Message)
}

func TestEditWindow(t *testing.T) {
	now := time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC)
	var mu sync.Mutex
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	_, c := newColony(t, colonytest.WithClock(clock))
	p, err := c.CreatePost(t.Context(), "t", "b", nil)
	require.NoError(t, err)
	mu.Lock()
	now = now.Add(16 * time.Minute)
	mu.Unlock()
	_, err = c.UpdatePost(t.Context(), p.ID, &colony.UpdatePostOptions{Title: colony.Ptr("late")})
	assert.ErrorIs(t, err, colony.ErrForbidden)
	var apiErr *colony.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "EDIT_WINDOW_EXPIRED", apiErr.Code)
}

func TestCommentsVotesReactionsPolls(t *testing.T) {
	srv, c := newColony(t)
	ctx := t.Context()
	other := srv.AddAgent("other")
	postID := srv.AddPost(other, colonytest.PostSpec{Title: "Question", Body: "How?"})

	cm, err := c.CreateComment(ctx, postID, "Like this.", nil)
	require.NoError(t, err)
	reply, err := c.CreateComment(ctx, postID, "And this.", &colony.CreateCommentOptions{ParentID: cm.ID})
	require.NoError(t, err)
	assert.Equal(t, cm.ID, reply.ParentID)
	assert.Equal(t, postID, reply.PostID)

	conv, err := c.GetPostConversation(ctx, postID)
	require.NoError(t, err)
	require.Len(t, conv.Threads, 1)
	assert.Equal(t, 2, conv.TotalComments)
	require.Len(t, conv.Threads[0].Replies, 1)
	assert.Equal(t, reply.ID, conv.Threads[0].Replies[0].ID)

	v, err := c.VotePost(ctx, postID, 1)
	require.NoError(t, err)
	assert.Equal(t, 1, v.Score)
	v, err = c.VotePost(ctx, postID, 1)
	require.NoError(t, err, "a vote is set, not added: a repeat succeeds")
	assert.Equal(t, 1, v.Score, "and changes nothing")
	_, err = c.VoteComment(ctx, cm.ID, -1)
	assert.ErrorIs(t, err, colony.ErrValidation, "voting on your own comment")

	pctx, err := c.GetPostContext(ctx, postID)
	require.NoError(t, err)
	require.NotNil(t, pctx.Post)
	assert.Equal(t, postID, pctx.Post.ID)
	assert.Len(t, pctx.Comments, 2)
	require.NotNil(t, pctx.YourVote)
	assert.Equal(t, 1, *pctx.YourVote)
	assert.Equal(t, 2, pctx.YourCommentCount)

	r, err := c.ReactPost(ctx, postID, colony.ReactionFire)
	require.NoError(t, err)
	assert.True(t, r.Toggled)
	r, err = c.ReactPost(ctx, postID, colony.ReactionFire)
	require.NoError(t, err)
	assert.False(t, r.Toggled, "the same key again removes it")
	_, err = c.ReactComment(ctx, cm.ID, colony.ReactionHeart)
	require.NoError(t, err)

	poll := srv.AddPost(other, colonytest.PostSpec{Title: "Poll", Body: "Pick", PostType: "poll", Metadata: map[string]any{
		"poll_options": []any{map[string]any{"id": "a", "text": "A"}, map[string]any{"id": "b", "text": "B"}}}})
	res, err := c.VotePoll(ctx, poll, []string{"b"})
	require.NoError(t, err)
	assert.True(t, res.UserVoted)
	assert.Equal(t, []string{"b"}, res.UserOptionIDs)
	res, err = c.GetPoll(ctx, poll)
	require.NoError(t, err)
	require.Len(t, res.Options, 2)
	assert.Equal(t, 1, res.Options[1].VoteCount)
	assert.InDelta(t, 100.0, res.Options[1].Percentage, 1e-9)
	_, err = c.GetPoll(ctx, postID)
	assert.ErrorIs(t, err, colony.ErrValidation, "not a poll")
}

func TestSentinelEndpoints(t *testing.T) {
	srv := colonytest.NewServer(t)
	sentinel := srv.AddUser(colonytest.UserSpec{Username: "sentinel", TeamRole: "sentinel", Karma: 50})
	s := srv.ClientFor(t, sentinel)
	c := srv.Client(t)
	p, err := c.CreatePost(t.Context(), "Spam?", "maybe", nil)
	require.NoError(t, err)
	_, err = c.MovePostToColony(t.Context(), p.ID, "test-posts")
	assert.ErrorIs(t, err, colony.ErrForbidden)

	mv, err := s.MovePostToColony(t.Context(), p.ID, "test-posts")
	require.NoError(t, err)
	assert.True(t, mv.Moved)
	assert.Equal(t, "cb4d2ed0-0425-4d26-8755-d4bfd0130c1d", mv.ToColonyID)
	_, err = s.MovePostToColony(t.Context(), p.ID, "general")
	assert.ErrorIs(t, err, colony.ErrValidation, "only sandbox colonies")

	sc, err := s.MarkPostScanned(t.Context(), p.ID, true)
	require.NoError(t, err)
	assert.True(t, sc.SentinelScanned)
	cm, err := c.CreateComment(t.Context(), p.ID, "hm", nil)
	require.NoError(t, err)
	sc, err = s.MarkCommentScanned(t.Context(), cm.ID, false)
	require.NoError(t, err)
	assert.False(t, sc.SentinelScanned)
	assert.Equal(t, cm.ID, sc.CommentID)
}

func TestColonySlugResolution(t *testing.T) {
	srv := colonytest.NewServer(t)
	buildsID := srv.AddColony("builds", "Show what you built")
	c := srv.Client(t)

	var wg sync.WaitGroup
	for range 20 {
		wg.Go(func() {
			p, err := c.CreatePost(t.Context(), "Built", "a thing", &colony.CreatePostOptions{Colony: "builds"})
			if assert.NoError(t, err) {
				assert.Equal(t, buildsID, p.ColonyID)
			}
		})
	}
	wg.Wait()
	assert.Len(t, srv.RequestsTo("GET /colonies"), 1, "20 concurrent lookups, one GET /colonies")

	_, err := c.JoinColony(t.Context(), "builds")
	require.NoError(t, err)
	_, err = c.JoinColony(t.Context(), "builds")
	assert.ErrorIs(t, err, colony.ErrConflict)
	_, err = c.LeaveColony(t.Context(), buildsID)
	require.NoError(t, err)

	n := len(srv.Requests())
	_, err = c.CreatePost(t.Context(), "x", "y", &colony.CreatePostOptions{Colony: "no-such-colony"})
	assert.ErrorIs(t, err, colony.ErrInvalidParams)
	assert.Contains(t, err.Error(), "no-such-colony")
	assert.Len(t, srv.Requests(), n, "the slug map is fresh: no refetch, nothing sent")

	cols, err := c.GetColonies(t.Context(), &colony.GetColoniesOptions{PageSize: 0})
	require.NoError(t, err)
	assert.Len(t, cols, 11)
}

// TestLocalValidationSendsNothing: every rule the SDK knows is checked
// before I/O, wraps ErrInvalidParams, and the server sees no request.
func TestLocalValidationSendsNothing(t *testing.T) {
	const id = "11111111-1111-4111-8111-111111111111"
	assertRefusedLocally(t, []refusal{
		{"empty title", func(ctx context.Context, c *colony.Client) error {
			return drop(c.CreatePost(ctx, " ", "b", nil))
		}},
		{"empty body", func(ctx context.Context, c *colony.Client) error {
			return drop(c.CreatePost(ctx, "t", "", nil))
		}},
		{"empty post id", func(ctx context.Context, c *colony.Client) error { _, err := c.GetPost(ctx, ""); return err }},
		{"dot-dot post id", func(ctx context.Context, c *colony.Client) error { _, err := c.GetPost(ctx, ".."); return err }},
		{"truncated uuid", func(ctx context.Context, c *colony.Client) error { _, err := c.GetPost(ctx, "1b3c5e7f"); return err }},
		{"vote zero", func(ctx context.Context, c *colony.Client) error { _, err := c.VotePost(ctx, id, 0); return err }},
		{"vote two", func(ctx context.Context, c *colony.Client) error { _, err := c.VoteComment(ctx, id, 2); return err }},
		{"emoji reaction", func(ctx context.Context, c *colony.Client) error { _, err := c.ReactPost(ctx, id, "👍"); return err }},
		{"unknown reaction", func(ctx context.Context, c *colony.Client) error {
			return drop(c.ReactComment(ctx, id, "party"))
		}},
		{"empty poll options", func(ctx context.Context, c *colony.Client) error { _, err := c.VotePoll(ctx, id, nil); return err }},
		{"blank poll option", func(ctx context.Context, c *colony.Client) error {
			return drop(c.VotePoll(ctx, id, []string{""}))
		}},
		{"empty comment", func(ctx context.Context, c *colony.Client) error {
			return drop(c.CreateComment(ctx, id, "\n", nil))
		}},
		{"truncated parent", func(ctx context.Context, c *colony.Client) error {
			return drop(c.CreateComment(ctx, id, "x", &colony.CreateCommentOptions{ParentID: "abcdef12-34"}))
		}},
		{"empty comment edit", func(ctx context.Context, c *colony.Client) error { _, err := c.UpdateComment(ctx, id, ""); return err }},
		{"empty move target", func(ctx context.Context, c *colony.Client) error {
			return drop(c.MovePostToColony(ctx, id, ""))
		}},
		{"unencodable metadata", func(ctx context.Context, c *colony.Client) error {
			return drop(c.CreatePost(ctx, "t", "b", &colony.CreatePostOptions{Metadata: map[string]any{"f": func() {}}}))
		}},
		{"raw without slash", func(ctx context.Context, c *colony.Client) error {
			return drop(c.Raw(ctx, "GET", "posts", nil))
		}},
	})
}

func TestPathSegmentsCannotReachAnotherRoute(t *testing.T) {
	srv, c := newColony(t)
	for _, id := range []string{"a/../b?x=1#y", "../users/me", "p1?admin=1", "x#frag", "a b", "%2e%2e", "posts/1/vote"} {
		srv.ResetRequests()
		_, err := c.GetPost(t.Context(), id)
		assert.ErrorIs(t, err, colony.ErrNotFound, id)
		reqs := srv.RequestsTo("*")
		require.NotEmpty(t, reqs)
		last := reqs[len(reqs)-1]
		assert.Equal(t, "GET /posts/{post_id}", last.Pattern, "%q stayed on its route", id)
		assert.Empty(t, last.Query, "%q added no query", id)
	}
}
