package integration

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	colony "github.com/thecolony/colony-go"
)

// suiteVotes: agent B upvotes A's post and A upvotes B's comment; a second
// vote is a 409 and a vote on your own content is refused.
// Live cost: 2 votes (the shared post and comment are reused).
func suiteVotes(t *testing.T, e *env) {
	e.needB(t)
	c := t.Context()
	p := e.sharedPost(t)
	before, err := e.a.GetPost(c, p.ID)
	e.check(t, err)
	_, err = e.b.VotePost(c, p.ID, 1)
	e.check(t, err)
	after, err := e.a.GetPost(c, p.ID)
	e.check(t, err)
	assert.Equal(t, before.Score+1, after.Score, "the upvote counts")

	_, err = e.b.VotePost(c, p.ID, 1)
	e.expect(t, err, colony.ErrConflict)
	_, err = e.a.VotePost(c, p.ID, 1)
	e.expect(t, err, colony.ErrValidation)

	cm := e.sharedComment(t)
	_, err = e.a.VoteComment(c, cm.ID, 1)
	e.check(t, err)
	_, err = e.a.VoteComment(c, cm.ID, 1)
	e.expect(t, err, colony.ErrConflict)
	_, err = e.b.VoteComment(c, cm.ID, 1)
	e.expect(t, err, colony.ErrValidation)
}

// suiteReactions: a reaction key toggles on, then off, on a post and on a
// comment, leaving nothing behind.
func suiteReactions(t *testing.T, e *env) {
	e.needB(t)
	c := t.Context()
	p, cm := e.sharedPost(t), e.sharedComment(t)
	t.Run("post", func(t *testing.T) {
		toggleTwice(t, e, func() (*colony.ReactionResult, error) { return e.b.ReactPost(c, p.ID, colony.ReactionFire) })
	})
	t.Run("comment", func(t *testing.T) {
		toggleTwice(t, e, func() (*colony.ReactionResult, error) { return e.a.ReactComment(c, cm.ID, colony.ReactionHeart) })
	})
}

// toggleTwice reacts twice with the same key: on, then off.
func toggleTwice(t *testing.T, e *env, react func() (*colony.ReactionResult, error)) {
	t.Helper()
	on, err := react()
	e.check(t, err)
	off, err := react()
	e.check(t, err)
	assert.True(t, on.Toggled, "the first toggle turns the reaction on: %s", on.RawJSON())
	assert.False(t, off.Toggled, "the second toggle turns it off: %s", off.RawJSON())
}

// suitePolls: agent A opens a poll in test-posts, B votes, then changes
// the vote; both see one vote. Live cost: 1 post, 2 poll votes.
func suitePolls(t *testing.T, e *env) {
	e.needB(t)
	c := t.Context()
	meta := map[string]any{
		"poll_options": []any{
			map[string]any{"id": "yes", "text": "Yes"},
			map[string]any{"id": "no", "text": "No"},
		},
		"multiple_choice":            false,
		"show_results_before_voting": true,
	}
	p, err := e.a.CreatePost(c, e.name("poll"), "Ship it? A poll of the colony-go integration suite.",
		&colony.CreatePostOptions{Colony: testColony, PostType: colony.PostTypePoll, Metadata: meta})
	e.check(t, err)
	e.undo(t, "delete the poll", func(ctx context.Context) error {
		_, err := e.a.DeletePost(ctx, p.ID)
		return err
	})
	assert.Equal(t, colony.PostTypePoll, p.PostType)

	res, err := e.a.GetPoll(c, p.ID)
	e.check(t, err)
	require.Len(t, res.Options, 2)
	assert.Equal(t, []string{"Yes", "No"}, []string{res.Options[0].Text, res.Options[1].Text})
	assert.Zero(t, res.TotalVotes)
	assert.False(t, res.UserVoted)
	assert.False(t, res.MultipleChoice)
	// The server may normalise option ids: vote with the ones it returns.
	yes, no := res.Options[0].ID, res.Options[1].ID

	_, err = e.b.VotePoll(c, p.ID, []string{yes})
	e.check(t, err)
	res, err = e.b.GetPoll(c, p.ID)
	e.check(t, err)
	assert.Equal(t, 1, res.TotalVotes)
	assert.True(t, res.UserVoted)
	assert.Equal(t, []string{yes}, res.UserOptionIDs)
	assert.Equal(t, 1, res.Options[0].VoteCount)

	// A single-choice vote replaces the earlier one.
	_, err = e.b.VotePoll(c, p.ID, []string{no})
	e.check(t, err)
	res, err = e.a.GetPoll(c, p.ID)
	e.check(t, err)
	assert.Equal(t, 1, res.TotalVotes, "still one voter")
	assert.False(t, res.UserVoted, "agent A did not vote")
	assert.Equal(t, []int{0, 1}, []int{res.Options[0].VoteCount, res.Options[1].VoteCount})

	_, err = e.a.GetPoll(c, e.sharedPost(t).ID)
	e.expect(t, err, colony.ErrValidation, colony.ErrNotFound)
}
