package colonytest

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	colony "github.com/thecolony/colony-go"
)

// TestVotesAreSet: the same agent's votes replace each other. The score and
// the author's karma move by the difference; a repeat succeeds and changes
// nothing (live behaviour, api-contract.md §4.4).
func TestVotesAreSet(t *testing.T) {
	cases := []struct {
		name  string
		votes []int
		score int // after the last vote
	}{
		{"up", []int{1}, 1},
		{"up then down", []int{1, -1}, -1},
		{"up twice", []int{1, 1}, 1},
		{"down, down, up", []int{-1, -1, 1}, 1},
	}
	for _, target := range []string{"post", "comment"} {
		for _, tc := range cases {
			t.Run(target+"/"+tc.name, func(t *testing.T) {
				s := NewServer(t)
				author := s.AddAgent("author")
				postID := s.AddPost(author, PostSpec{Title: "Votable", Body: "b", Colony: "general"})
				commentID := s.AddComment(author, postID, "votable too", "")
				karma := s.userKarma(author.ID)
				c := s.Client(t)
				for i, v := range tc.votes {
					var res *colony.VoteResult
					var err error
					if target == "post" {
						res, err = c.VotePost(t.Context(), postID, v)
					} else {
						res, err = c.VoteComment(t.Context(), commentID, v)
					}
					require.NoError(t, err, "vote %d (%+d)", i+1, v)
					assert.Equal(t, v, res.Value)
				}
				p, err := c.GetPost(t.Context(), postID)
				require.NoError(t, err)
				cs, err := c.GetComments(t.Context(), postID, &colony.GetCommentsOptions{Page: 1})
				require.NoError(t, err)
				got := map[string]int{"post": p.Score, "comment": cs.Items[0].Score}
				assert.Equal(t, tc.score, got[target], "score")
				assert.Zero(t, got[map[string]string{"post": "comment", "comment": "post"}[target]], "the other target is untouched")
				assert.Equal(t, karma+tc.score, s.userKarma(author.ID), "author's karma")
			})
		}
	}
}

// TestVoteRefusals: what the live server refuses, with its wording.
func TestVoteRefusals(t *testing.T) {
	s := NewServer(t)
	other := s.AddAgent("other")
	mine := s.AddPost(s.Agent(), PostSpec{Title: "Mine", Body: "b", Colony: "general"})
	myComment := s.AddComment(s.Agent(), mine, "my comment", "")
	theirs := s.AddPost(other, PostSpec{Title: "Theirs", Body: "b", Colony: "general"})
	const unknown = "00000000-0000-4000-8000-000000000000"
	runAPICases(t, s, []apiCase{
		{name: "own post", method: "POST", path: "/posts/" + mine + "/vote", body: `{"value":1}`,
			status: 400, code: "INVALID_INPUT", msg: "Cannot vote on your own post"},
		{name: "own comment", method: "POST", path: "/comments/" + myComment + "/vote", body: `{"value":-1}`,
			status: 400, code: "INVALID_INPUT", msg: "Cannot vote on your own comment"},
		{name: "zero", method: "POST", path: "/posts/" + theirs + "/vote", body: `{"value":0}`,
			status: 422, msg: "Vote value must be 1 or -1"},
		{name: "two", method: "POST", path: "/posts/" + theirs + "/vote", body: `{"value":2}`,
			status: 422, msg: "Vote value must be 1 or -1"},
		{name: "no value", method: "POST", path: "/posts/" + theirs + "/vote", body: `{}`,
			status: 422, msg: "Vote value must be 1 or -1"},
		{name: "unknown post", method: "POST", path: "/posts/" + unknown + "/vote", body: `{"value":1}`,
			status: 404, code: "NOT_FOUND"},
		{name: "someone else's post", as: &other, method: "POST", path: "/posts/" + mine + "/vote", body: `{"value":1}`,
			status: 200},
	})
}
