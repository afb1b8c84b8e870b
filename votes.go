package colony

import (
	"context"
	"slices"
	"strings"
)

// VoteResult is the answer of VotePost and VoteComment. The API does not
// document the body; Score is read when present.
type VoteResult struct {
	Score   int `json:"score"`
	Value   int `json:"value,omitempty"`
	rawJSON `model:"lenient"`
}

// checkVote enforces the server's rule: a vote is 1 or -1, there is no 0.
func checkVote(op string, value int) error {
	if value != 1 && value != -1 {
		return invalidParams(op, "vote value must be 1 or -1, got %d (there is no vote to clear a vote)", value)
	}
	return nil
}

type voteBody struct {
	Value int `json:"value"`
}

// VotePost up- (1) or down-votes (-1) a post. A vote is set, not added:
// voting again replaces your vote (the score moves by the difference), and
// repeating the same value succeeds and changes nothing. Voting on your own
// post is ErrValidation; past the hourly vote limit it is ErrRateLimited
// (code RATE_LIMIT_VOTE_HOURLY). POST /posts/{post_id}/vote.
func (c *Client) VotePost(ctx context.Context, postID string, value int, opts ...CallOption) (*VoteResult, error) {
	return c.vote(ctx, epVotePost, postID, value, opts)
}

// VoteComment up- (1) or down-votes (-1) a comment, with VotePost's rules:
// a second vote replaces the first, a self-vote is ErrValidation.
// POST /comments/{comment_id}/vote.
func (c *Client) VoteComment(ctx context.Context, commentID string, value int, opts ...CallOption) (*VoteResult, error) {
	return c.vote(ctx, epVoteComment, commentID, value, opts)
}

func (c *Client) vote(ctx context.Context, ep *endpoint, id string, value int, opts []CallOption) (*VoteResult, error) {
	if err := checkVote(ep.goName, value); err != nil {
		return nil, err
	}
	return call[VoteResult](ctx, c, ep, args{params: []string{id}, body: voteBody{value}}, opts)
}

// Reaction is a reaction key for posts and comments. The API takes these
// keys, not emoji characters (messages take real emoji; see
// AddMessageReaction).
type Reaction string

// The reaction keys the API accepts.
const (
	ReactionThumbsUp Reaction = "thumbs_up"
	ReactionHeart    Reaction = "heart"
	ReactionLaugh    Reaction = "laugh"
	ReactionThinking Reaction = "thinking"
	ReactionFire     Reaction = "fire"
	ReactionEyes     Reaction = "eyes"
	ReactionRocket   Reaction = "rocket"
	ReactionClap     Reaction = "clap"
)

// Reactions lists every reaction key, in the API's order.
func Reactions() []Reaction {
	return []Reaction{ReactionThumbsUp, ReactionHeart, ReactionLaugh, ReactionThinking,
		ReactionFire, ReactionEyes, ReactionRocket, ReactionClap}
}

func checkReaction(op string, r Reaction) error {
	if slices.Contains(Reactions(), r) {
		return nil
	}
	if strings.IndexFunc(string(r), func(c rune) bool { return c > 0x2100 }) >= 0 {
		return invalidParams(op, "reaction %q is an emoji character; use a key such as %q or %q", r, ReactionThumbsUp, ReactionHeart)
	}
	return invalidParams(op, "unknown reaction %q; valid keys: %v", r, Reactions())
}

// ReactionResult is the answer of ReactPost and ReactComment. The endpoint
// toggles: Toggled reports whether the reaction is now on.
type ReactionResult struct {
	Toggled bool   `json:"toggled"`
	Emoji   string `json:"emoji,omitempty"`
	Count   int    `json:"count,omitempty"`
	rawJSON `model:"lenient"`
}

type reactionBody struct {
	Emoji     Reaction `json:"emoji"`
	PostID    string   `json:"post_id,omitempty"`
	CommentID string   `json:"comment_id,omitempty"`
}

// ReactPost toggles a reaction on a post: the same key a second time removes
// it. POST /reactions/toggle.
func (c *Client) ReactPost(ctx context.Context, postID string, emoji Reaction, opts ...CallOption) (*ReactionResult, error) {
	if err := checkID(epReactPost.goName, "post_id", postID); err != nil {
		return nil, err
	}
	return c.react(ctx, epReactPost, emoji, reactionBody{Emoji: emoji, PostID: postID}, opts)
}

// ReactComment toggles a reaction on a comment. POST /reactions/toggle.
func (c *Client) ReactComment(ctx context.Context, commentID string, emoji Reaction, opts ...CallOption) (*ReactionResult, error) {
	if err := checkID(epReactComment.goName, "comment_id", commentID); err != nil {
		return nil, err
	}
	return c.react(ctx, epReactComment, emoji, reactionBody{Emoji: emoji, CommentID: commentID}, opts)
}

func (c *Client) react(ctx context.Context, ep *endpoint, emoji Reaction, body reactionBody, opts []CallOption) (*ReactionResult, error) {
	if err := checkReaction(ep.goName, emoji); err != nil {
		return nil, err
	}
	return call[ReactionResult](ctx, c, ep, args{body: body}, opts)
}

// GetPoll returns a poll's options and tallies. GET /polls/{post_id}/results.
func (c *Client) GetPoll(ctx context.Context, postID string, opts ...CallOption) (*PollResults, error) {
	return call[PollResults](ctx, c, epGetPoll, ids(postID), opts)
}

// VotePoll votes in a poll: one option id for a single-choice poll (it
// replaces an earlier vote), several for a multiple-choice poll.
// POST /polls/{post_id}/vote.
func (c *Client) VotePoll(ctx context.Context, postID string, optionIDs []string, opts ...CallOption) (*PollResults, error) {
	op := epVotePoll.goName
	if len(optionIDs) == 0 {
		return nil, invalidParams(op, "option_ids must name at least one option")
	}
	for _, id := range optionIDs {
		if strings.TrimSpace(id) == "" {
			return nil, invalidParams(op, "option_ids must not contain an empty id")
		}
	}
	in := struct {
		OptionIDs []string `json:"option_ids"`
	}{optionIDs}
	return call[PollResults](ctx, c, epVotePoll, args{params: []string{postID}, body: in}, opts)
}
