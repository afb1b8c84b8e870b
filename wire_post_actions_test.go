package colony_test

import (
	"context"
	"fmt"

	colony "github.com/thecolony/colony-go"
)

// callOpts turns Python's idempotency_key= into the call option.
func (a wireArgs) callOpts() []colony.CallOption {
	if k := a.str("idempotency_key"); k != "" {
		return []colony.CallOption{colony.WithIdempotencyKey(k)}
	}
	return nil
}

// errNoGoForm is an adapter's refusal of a Python call that has no Go
// form (a keyword argument together with its deprecated alias): Go exposes
// only the new name, so the conflict cannot be expressed.
var errNoGoForm = fmt.Errorf("%w: the Python call has no Go form", colony.ErrInvalidParams)

// postFilter reads GetPosts' filters: query= (search= its deprecated
// alias), author=, sentinel_scanned=, member_colonies=.
func (a wireArgs) postFilter() (colony.PostFilter, error) {
	query := a.str("query")
	if s := a.str("search"); s != "" {
		if query != "" && query != s {
			return colony.PostFilter{}, errNoGoForm
		}
		query = s
	}
	return colony.PostFilter{Colony: a.str("colony"), Sort: colony.PostSort(a.str("sort")), PostType: colony.PostType(a.str("post_type")),
		Tag: a.str("tag"), Query: query, Author: a.str("author"), SentinelScanned: a.boolPtr("sentinel_scanned"),
		MemberColonies: a.boolPtr("member_colonies")}, nil
}

// Wire adapters for the post extensions (§5.4) and comment extensions
// (§5.5).
func init() {
	registerWire("set_post_tags", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.SetPostTags(ctx, a.str("post_id"), a.strs("tags")))
	})
	registerWire("crosspost", func(ctx context.Context, env wireEnv, a wireArgs) error {
		col := a.str("colony")
		if col == "" {
			col = a.str("colony_id") // 1.34's name of the argument
		}
		return drop(env.client.Crosspost(ctx, a.str("post_id"), col, &colony.CrosspostOptions{Title: a.str("title")}))
	})
	registerMethod("pin_post", (*colony.Client).PinPost, "post_id")
	registerMethod("close_post", (*colony.Client).ClosePost, "post_id")
	registerMethod("reopen_post", (*colony.Client).ReopenPost, "post_id")
	registerMethod("set_post_language", (*colony.Client).SetPostLanguage, "post_id", "language")
	registerMethod("answer_post_cognition", (*colony.Client).AnswerPostCognition, "post_id", "token", "answer")
	registerMethod("move_post_out_of_colony", (*colony.Client).MovePostOutOfColony, "post_id", "colony")
	registerMethod("answer_cognition", (*colony.Client).AnswerCognition, "comment_id", "token", "answer")
	registerWire("get_user_comments", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.GetUserComments(ctx, a.userRef(), &colony.UserCommentsOptions{PageSize: a.int("limit", 0), Offset: a.int("offset", 0)}))
	})
	registerWire("iter_user_comments", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(colony.Collect(env.client.IterUserComments(ctx, a.userRef(), &colony.IterOptions{MaxResults: a.int("max_results", 0)})))
	})
}

// userRef reads username= / user_id=; both or neither give a UserRef the
// call refuses, as Python does.
func (a wireArgs) userRef() colony.UserRef {
	switch {
	case a.has("username") && !a.has("user_id"):
		return colony.ByUsername(a.str("username"))
	case a.has("user_id") && !a.has("username"):
		return colony.ByID(a.str("user_id"))
	}
	return colony.UserRef{}
}
