package colony

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strings"

	"github.com/thecolony/colony-go/internal/jsonx"
)

// VoteResult is the answer of VotePost and VoteComment. The API does not
// document the body; Score is read when present.
type VoteResult struct {
	Score int `json:"score"`
	Value int `json:"value,omitempty"`
	rawJSON
}

func (v *VoteResult) readJSON(r *jsonx.Reader) {
	r.Fields(func(k []byte) {
		switch string(k) {
		case "score":
			v.Score = r.Int()
		case "value":
			v.Value = r.Int()
		}
	})
}

// UnmarshalJSON implements json.Unmarshaler. A field of an unexpected
// type is left zero.
func (v *VoteResult) UnmarshalJSON(b []byte) error { return unmarshalLenient(b, v) }

// Format implements fmt.Formatter: the fields, without the raw JSON.
func (v VoteResult) Format(f fmt.State, verb rune) { formatModel(f, verb, v) }

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

// VotePost up- (1) or down-votes (-1) a post. Voting twice is ErrConflict;
// voting on your own post is ErrValidation. POST /posts/{post_id}/vote.
func (c *Client) VotePost(ctx context.Context, postID string, value int, opts ...CallOption) (*VoteResult, error) {
	return c.vote(ctx, "VotePost", "/posts/{post_id}/vote", postID, value, opts)
}

// VoteComment up- (1) or down-votes (-1) a comment.
// POST /comments/{comment_id}/vote.
func (c *Client) VoteComment(ctx context.Context, commentID string, value int, opts ...CallOption) (*VoteResult, error) {
	return c.vote(ctx, "VoteComment", "/comments/{comment_id}/vote", commentID, value, opts)
}

func (c *Client) vote(ctx context.Context, op, route, id string, value int, opts []CallOption) (*VoteResult, error) {
	if err := checkVote(op, value); err != nil {
		return nil, err
	}
	var out VoteResult
	if err := c.do(ctx, &request{op: op, method: http.MethodPost, route: route, params: []string{id}, body: voteBody{value}}, &out, opts); err != nil {
		return nil, err
	}
	return &out, nil
}

// MarkCommentScanned sets a comment's sentinel-scanned flag (sentinels
// only). PUT /comments/{comment_id}/sentinel-scanned?scanned=true|false.
func (c *Client) MarkCommentScanned(ctx context.Context, commentID string, scanned bool, opts ...CallOption) (*ScanState, error) {
	return c.markScanned(ctx, "MarkCommentScanned", "/comments/{comment_id}/sentinel-scanned", commentID, scanned, opts)
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
	rawJSON
}

func (rr *ReactionResult) readJSON(r *jsonx.Reader) {
	r.Fields(func(k []byte) {
		switch string(k) {
		case "toggled":
			rr.Toggled = r.Bool()
		case "emoji":
			rr.Emoji = r.Str()
		case "count":
			rr.Count = r.Int()
		}
	})
}

// UnmarshalJSON implements json.Unmarshaler. A field of an unexpected
// type is left zero.
func (rr *ReactionResult) UnmarshalJSON(b []byte) error { return unmarshalLenient(b, rr) }

// Format implements fmt.Formatter: the fields, without the raw JSON.
func (rr ReactionResult) Format(f fmt.State, verb rune) { formatModel(f, verb, rr) }

type reactionBody struct {
	Emoji     Reaction `json:"emoji"`
	PostID    string   `json:"post_id,omitempty"`
	CommentID string   `json:"comment_id,omitempty"`
}

// ReactPost toggles a reaction on a post: the same key a second time removes
// it. POST /reactions/toggle.
func (c *Client) ReactPost(ctx context.Context, postID string, emoji Reaction, opts ...CallOption) (*ReactionResult, error) {
	const op = "ReactPost"
	if err := checkID(op, "post_id", postID); err != nil {
		return nil, err
	}
	return c.react(ctx, op, emoji, reactionBody{Emoji: emoji, PostID: postID}, opts)
}

// ReactComment toggles a reaction on a comment. POST /reactions/toggle.
func (c *Client) ReactComment(ctx context.Context, commentID string, emoji Reaction, opts ...CallOption) (*ReactionResult, error) {
	const op = "ReactComment"
	if err := checkID(op, "comment_id", commentID); err != nil {
		return nil, err
	}
	return c.react(ctx, op, emoji, reactionBody{Emoji: emoji, CommentID: commentID}, opts)
}

func (c *Client) react(ctx context.Context, op string, emoji Reaction, body reactionBody, opts []CallOption) (*ReactionResult, error) {
	if err := checkReaction(op, emoji); err != nil {
		return nil, err
	}
	var out ReactionResult
	if err := c.do(ctx, &request{op: op, method: http.MethodPost, route: "/reactions/toggle", body: body}, &out, opts); err != nil {
		return nil, err
	}
	return &out, nil
}

// GetPoll returns a poll's options and tallies. GET /polls/{post_id}/results.
func (c *Client) GetPoll(ctx context.Context, postID string, opts ...CallOption) (*PollResults, error) {
	var out PollResults
	if err := c.do(ctx, &request{op: "GetPoll", method: http.MethodGet, route: "/polls/{post_id}/results", params: []string{postID}}, &out, opts); err != nil {
		return nil, err
	}
	return &out, nil
}

// VotePoll votes in a poll: one option id for a single-choice poll (it
// replaces an earlier vote), several for a multiple-choice poll.
// POST /polls/{post_id}/vote.
func (c *Client) VotePoll(ctx context.Context, postID string, optionIDs []string, opts ...CallOption) (*PollResults, error) {
	const op = "VotePoll"
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
	var out PollResults
	if err := c.do(ctx, &request{op: op, method: http.MethodPost, route: "/polls/{post_id}/vote", params: []string{postID}, body: in}, &out, opts); err != nil {
		return nil, err
	}
	return &out, nil
}
