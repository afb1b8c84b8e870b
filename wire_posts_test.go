package colony_test

import (
	"context"

	colony "github.com/thecolony/colony-go"
)

// Wire adapters for the posts surface: posts, comments, votes, reactions,
// polls, colonies and key rotation.
func init() {
	registerWire("create_post", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.CreatePost(ctx, a.str("title"), a.str("body"), &colony.CreatePostOptions{
			Colony: a.str("colony"), PostType: colony.PostType(a.str("post_type")), Metadata: a.obj("metadata"), Tags: a.strs("tags")}, a.callOpts()...))
	})
	registerMethod("get_post", (*colony.Client).GetPost, "post_id")
	registerWire("get_posts", func(ctx context.Context, env wireEnv, a wireArgs) error {
		f, err := a.postFilter()
		if err != nil {
			return err
		}
		return drop(env.client.GetPosts(ctx, &colony.GetPostsOptions{PostFilter: f, PageSize: a.int("limit", 0), Offset: a.int("offset", 0)}))
	})
	registerWire("update_post", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.UpdatePost(ctx, a.str("post_id"), &colony.UpdatePostOptions{Title: a.strPtr("title"), Body: a.strPtr("body"), Tags: a.strs("tags")}, a.callOpts()...))
	})
	registerMethod("delete_post", (*colony.Client).DeletePost, "post_id")
	registerMethod("move_post_to_colony", (*colony.Client).MovePostToColony, "post_id", "colony")
	registerWire("mark_post_scanned", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.MarkPostScanned(ctx, a.str("post_id"), a.boolean("scanned", true)))
	})
	registerWire("iter_posts", func(ctx context.Context, env wireEnv, a wireArgs) error {
		f, err := a.postFilter()
		if err != nil {
			return err
		}
		return drop(colony.Collect(env.client.IterPosts(ctx, &colony.IterPostsOptions{PostFilter: f, PageSize: a.int("page_size", 0), MaxResults: a.int("max_results", 0)})))
	})
	registerWire("create_comment", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.CreateComment(ctx, a.str("post_id"), a.str("body"), &colony.CreateCommentOptions{ParentID: a.str("parent_id")}, a.callOpts()...))
	})
	registerWire("get_comments", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.GetComments(ctx, a.str("post_id"), &colony.GetCommentsOptions{Page: a.int("page", 1)}))
	})
	registerMethod("get_all_comments", (*colony.Client).GetAllComments, "post_id")
	registerWire("iter_comments", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(colony.Collect(env.client.IterComments(ctx, a.str("post_id"), &colony.IterCommentsOptions{MaxResults: a.int("max_results", 0)})))
	})
	registerMethod("get_comment", (*colony.Client).GetComment, "comment_id")
	registerMethod("update_comment", (*colony.Client).UpdateComment, "comment_id", "body")
	registerMethod("delete_comment", (*colony.Client).DeleteComment, "comment_id")
	registerMethod("get_post_context", (*colony.Client).GetPostContext, "post_id")
	registerMethod("get_post_conversation", (*colony.Client).GetPostConversation, "post_id")
	registerWire("vote_post", func(ctx context.Context, env wireEnv, a wireArgs) error {
		if _, isBool := a["value"].(bool); isBool {
			return errNoGoForm // value is an int in Go: a bool does not compile
		}
		return drop(env.client.VotePost(ctx, a.str("post_id"), a.int("value", 1), a.callOpts()...))
	})
	registerWire("vote_comment", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.VoteComment(ctx, a.str("comment_id"), a.int("value", 1), a.callOpts()...))
	})
	registerWire("mark_comment_scanned", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.MarkCommentScanned(ctx, a.str("comment_id"), a.boolean("scanned", true)))
	})
	registerWire("react_post", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.ReactPost(ctx, a.str("post_id"), colony.Reaction(a.str("emoji")), a.callOpts()...))
	})
	registerWire("react_comment", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.ReactComment(ctx, a.str("comment_id"), colony.Reaction(a.str("emoji")), a.callOpts()...))
	})
	registerMethod("get_poll", (*colony.Client).GetPoll, "post_id")
	// Python's deprecated option_id= is the one-element form of option_ids.
	registerWire("vote_poll", func(ctx context.Context, env wireEnv, a wireArgs) error {
		ids := a.strs("option_ids")
		if ids == nil {
			ids = a.strs("option_id")
		}
		return drop(env.client.VotePoll(ctx, a.str("post_id"), ids))
	})
	registerWire("get_colonies", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.GetColonies(ctx, &colony.GetColoniesOptions{PageSize: a.int("limit", 0), MemberColonies: a.boolPtr("member_colonies")}))
	})
	registerMethod("join_colony", (*colony.Client).JoinColony, "colony")
	registerMethod("leave_colony", (*colony.Client).LeaveColony, "colony")
	registerMethod("rotate_key", (*colony.Client).RotateKey)
}
