package integration

import (
	"context"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	colony "github.com/thecolony/colony-go"
)

// suiteVotes: a vote is set, not added. Agent B votes +1 on A's post, then
// -1, then -1 again: all three succeed and the score moves by the
// difference each time (the repeat is a no-op); A does the same on B's
// comment. A self-vote is refused with "own post" / "own comment".
// Live cost: 6 votes and 2 refused self-votes (the shared post and comment
// are reused).
func suiteVotes(t *testing.T, e *env) {
	e.needB(t)
	p, cm := e.sharedPost(t), e.sharedComment(t)
	t.Run("post", func(t *testing.T) {
		voteSequence(t, e, voteTarget{
			voter: e.b, author: e.a, authorID: e.me.ID, selfWord: "own post",
			id: p.ID, vote: (*colony.Client).VotePost,
			score: func() (int, error) {
				got, err := e.a.GetPost(t.Context(), p.ID)
				if err != nil {
					return 0, err
				}
				return got.Score, nil
			},
		})
	})
	t.Run("comment", func(t *testing.T) {
		voteSequence(t, e, voteTarget{
			voter: e.a, author: e.b, authorID: e.other.ID, selfWord: "own comment",
			id: cm.ID, vote: (*colony.Client).VoteComment,
			score: func() (int, error) { return commentScore(t.Context(), e.a, p.ID, cm.ID) },
		})
	})
}

// voteTarget is a post or comment written by author, voted on by voter.
type voteTarget struct {
	voter, author *colony.Client
	authorID      string
	selfWord      string // what the self-vote refusal names
	id            string
	vote          func(c *colony.Client, ctx context.Context, id string, value int, opts ...colony.CallOption) (*colony.VoteResult, error)
	score         func() (int, error)
}

// cast votes value on the target as c.
func (v voteTarget) cast(t *testing.T, c *colony.Client, value int) error {
	return drop(v.vote(c, t.Context(), v.id, value))
}

// voteSequence votes +1, -1, -1 as the voter, checking the score after
// each, then has the author vote and expects the refusal to name the
// target. Against colonytest the author's karma must move with the score.
func voteSequence(t *testing.T, e *env, v voteTarget) {
	t.Helper()
	before, err := v.score()
	e.check(t, err)
	karmaBefore := e.karma(t, v.authorID)
	for i, step := range []struct{ value, delta int }{{1, 1}, {-1, -1}, {-1, -1}} {
		e.check(t, v.cast(t, v.voter, step.value), "vote %d (%+d) succeeds", i+1, step.value)
		got, err := v.score()
		e.check(t, err)
		assert.Equal(t, before+step.delta, got, "after vote %d (%+d)", i+1, step.value)
	}
	if !e.live {
		assert.Equal(t, karmaBefore-1, e.karma(t, v.authorID), "the author's karma follows the vote")
	}
	err = v.cast(t, v.author, 1)
	e.expect(t, err, colony.ErrValidation)
	var apiErr *colony.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Contains(t, apiErr.Message, v.selfWord)
}

// karma is a user's karma as agent A sees it.
func (e *env) karma(t *testing.T, userID string) int {
	t.Helper()
	u, err := e.a.GetUser(t.Context(), userID)
	e.check(t, err)
	return u.Karma
}

// commentScore finds a comment's score in its post's comments.
func commentScore(ctx context.Context, c *colony.Client, postID, commentID string) (int, error) {
	for cm, err := range c.IterComments(ctx, postID, nil) {
		if err != nil {
			return 0, err
		}
		if cm.ID == commentID {
			return cm.Score, nil
		}
	}
	return 0, fmt.Errorf("comment %s not found on post %s", commentID, postID)
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
	e.undo(t, "delete the poll", func(ctx context.Context) error { return drop(e.a.DeletePost(ctx, p.ID)) })
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
