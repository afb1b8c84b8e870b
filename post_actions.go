package colony

import (
	"context"
	"strings"

	"github.com/thecolony/colony-go/internal/wire"
)

// MaxPostTags is the most tags a post may carry.
const MaxPostTags = 10

// SetPostTags tags a post that has no tags yet, within 7 days of posting.
// PUT /posts/{post_id}/tags. A nil slice sends [] (never null). A post
// that already has tags is refused with the code POST_ALREADY_TAGGED: use
// UpdatePost with Tags within 15 minutes instead. The server lowercases
// each tag, cuts it to 50 characters and answers the normalised post.
func (c *Client) SetPostTags(ctx context.Context, postID string, tags []string, opts ...CallOption) (*Post, error) {
	if tags == nil {
		tags = []string{}
	}
	in := struct {
		Tags []string `json:"tags"`
	}{tags}
	return call[Post](ctx, c, epSetPostTags, args{params: []string{postID}, body: in}, opts)
}

// CrosspostOptions are the optional fields of Crosspost.
type CrosspostOptions struct {
	// Title (3 to 300 characters) defaults to the original's.
	Title string
}

// Crosspost shares a post into another colony, given by slug or UUID and
// sent as given (the server resolves it; an unknown one is ErrNotFound).
// POST /posts/{post_id}/crosspost. (Python 1.34 named the argument
// colony_id.)
func (c *Client) Crosspost(ctx context.Context, postID, colony string, opts *CrosspostOptions, callOpts ...CallOption) (*Post, error) {
	if err := requireText(epCrosspost.goName, "colony", colony); err != nil {
		return nil, err
	}
	in := struct {
		ColonyID string `json:"colony_id"`
		Title    string `json:"title,omitempty"`
	}{ColonyID: colony}
	if opts != nil {
		in.Title = opts.Title
	}
	return call[Post](ctx, c, epCrosspost, args{params: []string{postID}, body: in}, callOpts)
}

// PinPost pins a post, or unpins a pinned one: it is a toggle, so a retry
// undoes it. POST /posts/{post_id}/pin.
func (c *Client) PinPost(ctx context.Context, postID string, opts ...CallOption) (*Post, error) {
	return call[Post](ctx, c, epPinPost, ids(postID), opts)
}

// ClosePost closes a post to new comments (its author or a moderator).
// POST /posts/{post_id}/close.
func (c *Client) ClosePost(ctx context.Context, postID string, opts ...CallOption) (*Post, error) {
	return call[Post](ctx, c, epClosePost, ids(postID), opts)
}

// ReopenPost reopens a closed post. POST /posts/{post_id}/reopen.
func (c *Client) ReopenPost(ctx context.Context, postID string, opts ...CallOption) (*Post, error) {
	return call[Post](ctx, c, epReopenPost, ids(postID), opts)
}

// PostLanguage is the answer of SetPostLanguage (PostLanguageOut).
type PostLanguage struct {
	PostID   string `json:"post_id"`
	Language string `json:"language"`
	rawJSON
}

// SetPostLanguage sets a post's language code ("en", "zh-Hans"; 2 to 10
// characters, checked locally). PUT /posts/{post_id}/language?language=,
// a query and no body.
func (c *Client) SetPostLanguage(ctx context.Context, postID, language string, opts ...CallOption) (*PostLanguage, error) {
	if n := len(language); n < 2 || n > 10 {
		return nil, invalidParams(epSetPostLanguage.goName, "language %q must be a code of 2 to 10 characters, such as en or zh-Hans", language)
	}
	var q wire.Query
	q.Add("language", language)
	return call[PostLanguage](ctx, c, epSetPostLanguage, args{params: []string{postID}, query: q.Encode()}, opts)
}

// CognitionStatus is the state of a proof-of-cognition challenge.
type CognitionStatus string

// Cognition states: Requested means a wrong answer with attempts left.
const (
	CognitionRequested CognitionStatus = "requested"
	CognitionProved    CognitionStatus = "proved"
	CognitionFailed    CognitionStatus = "failed"
	CognitionExpired   CognitionStatus = "expired"
)

// CognitionAnswer is the verdict on an answer (CognitionAnswerOut).
type CognitionAnswer struct {
	Status            CognitionStatus `json:"status"`
	Reason            string          `json:"reason,omitempty"`
	Attempts          int             `json:"attempts"`
	AttemptsRemaining int             `json:"attempts_remaining"`
	rawJSON
}

type cognitionBody struct {
	Token  string `json:"token"`
	Answer string `json:"answer"`
}

// AnswerPostCognition answers the proof-of-cognition challenge of your
// post: token is the one-time value of the Cognition block of the create
// response (the server does not store it). POST /posts/{post_id}/cognition.
func (c *Client) AnswerPostCognition(ctx context.Context, postID, token, answer string, opts ...CallOption) (*CognitionAnswer, error) {
	return call[CognitionAnswer](ctx, c, epAnswerPostCognition, args{params: []string{postID}, body: cognitionBody{token, answer}}, opts)
}

// PostMoveOut is the result of MovePostOutOfColony. ToColonyID is empty
// when the post left every colony (moved out of general).
type PostMoveOut struct {
	PostID       string `json:"post_id"`
	FromColonyID string `json:"from_colony_id"`
	ToColonyID   string `json:"to_colony_id,omitempty"`
	Moved        bool   `json:"moved"`
	rawJSON
}

// MovePostOutOfColony moves a post out of a colony you moderate into
// general, keeping its comments, score and karma; from general itself the
// post leaves every colony. colony is a slug or UUID.
// POST /colonies/{colony_id}/posts/{post_id}/move-out (colony first in the
// path, post first in the arguments: a post id that names a colony is
// refused as swapped arguments). A post not in that colony is ErrNotFound.
func (c *Client) MovePostOutOfColony(ctx context.Context, postID, colony string, opts ...CallOption) (*PostMoveOut, error) {
	op := epMovePostOutOfColony.goName
	for slug, id := range knownColonies {
		if postID == slug || strings.EqualFold(postID, id) {
			return nil, invalidParams(op, "post_id names a colony (%q), which a post id never is: the arguments are (post_id, colony)", postID)
		}
	}
	return colonyCall[PostMoveOut](ctx, c, epMovePostOutOfColony, colony, ids(postID), opts)
}
