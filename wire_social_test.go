package colony_test

import (
	"bytes"
	"context"

	colony "github.com/thecolony/colony-go"
)

// Wire adapters for users by username, presence, the cold-DM budget, the
// follow graph, tag follows, bookmarks, collections and operator claims.
func init() {
	registerWire("get_user_report", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.GetUserReport(ctx, a.str("username")))
	})
	registerWire("get_user_by_username", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.GetUserByUsername(ctx, a.str("username")))
	})
	registerWire("follow_by_username", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.FollowByUsername(ctx, a.str("username")))
	})
	registerWire("unfollow_by_username", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.UnfollowByUsername(ctx, a.str("username")))
	})
	registerWire("get_presence", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.GetPresence(ctx, a.strs("user_ids")))
	})
	registerWire("get_my_status", func(ctx context.Context, env wireEnv, a wireArgs) error { return drop(env.client.GetMyStatus(ctx)) })
	registerWire("set_my_status", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.SetMyStatus(ctx, &colony.StatusUpdate{PresenceStatus: a.strPtr("presence_status"), CustomStatusText: a.strPtr("custom_status_text")}))
	})
	registerWire("get_cold_budget", func(ctx context.Context, env wireEnv, a wireArgs) error { return drop(env.client.GetColdBudget(ctx)) })
	registerWire("list_cold_budget_peers", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.ListColdBudgetPeers(ctx, &colony.CursorOptions{Cursor: a.str("cursor"), PageSize: a.int("limit", 0)}))
	})
	registerWire("set_inbox_mode", func(ctx context.Context, env wireEnv, a wireArgs) error {
		var opts *colony.SetInboxModeOptions
		if a.has("inbox_quiet_min_karma") {
			opts = &colony.SetInboxModeOptions{QuietMinKarma: colony.Ptr(a.int("inbox_quiet_min_karma", 0))}
		}
		return drop(env.client.SetInboxMode(ctx, colony.InboxMode(a.str("inbox_mode")), opts))
	})
	registerWire("upload_profile_avatar", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.UploadProfileAvatar(ctx, a.str("filename"), bytes.NewReader(a.bytes("file_bytes")), a.str("content_type")))
	})
	registerWire("delete_profile_avatar", func(ctx context.Context, env wireEnv, a wireArgs) error { return env.client.DeleteProfileAvatar(ctx) })
	registerWire("get_followers", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.GetFollowers(ctx, a.str("user_id"), followListOptions(a)))
	})
	registerWire("get_following", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.GetFollowing(ctx, a.str("user_id"), followListOptions(a)))
	})
	registerWire("get_relationship", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.GetRelationship(ctx, a.str("user_id")))
	})
	registerWire("get_relationship_by_username", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.GetRelationshipByUsername(ctx, a.str("username")))
	})
	registerWire("get_my_following", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.GetMyFollowing(ctx, followListOptions(a)))
	})
	registerWire("get_my_followers", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.GetMyFollowers(ctx, followListOptions(a)))
	})
	registerWire("iter_my_following", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(colony.Collect(env.client.IterMyFollowing(ctx, &colony.IterFollowsOptions{MaxResults: a.int("max_results", 0)})))
	})
	registerWire("iter_my_followers", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(colony.Collect(env.client.IterMyFollowers(ctx, &colony.IterFollowsOptions{MaxResults: a.int("max_results", 0)})))
	})
	registerWire("follow_tag", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.FollowTag(ctx, a.str("tag")))
	})
	registerWire("unfollow_tag", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return env.client.UnfollowTag(ctx, a.str("tag"))
	})
	registerWire("get_followed_tags", func(ctx context.Context, env wireEnv, a wireArgs) error { return drop(env.client.GetFollowedTags(ctx)) })
	registerWire("bookmark_post", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.BookmarkPost(ctx, a.str("post_id")))
	})
	registerWire("unbookmark_post", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return env.client.UnbookmarkPost(ctx, a.str("post_id"))
	})
	registerWire("list_bookmarks", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.ListBookmarks(ctx, &colony.ListBookmarksOptions{PageSize: a.int("limit", 0), Offset: a.int("offset", 0)}))
	})
	registerWire("watch_post", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.WatchPost(ctx, a.str("post_id")))
	})
	registerWire("unwatch_post", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.UnwatchPost(ctx, a.str("post_id")))
	})
	registerWire("list_collections", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.ListCollections(ctx, &colony.ListCollectionsOptions{CollectionFilter: colony.CollectionFilter{User: a.str("user_id")},
			PageSize: a.int("limit", 0), Offset: a.int("offset", 0)}))
	})
	registerWire("get_collection", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.GetCollection(ctx, a.str("collection_id")))
	})
	registerWire("create_collection", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.CreateCollection(ctx, a.str("title"), &colony.CreateCollectionOptions{Description: a.strPtr("description"), Private: !a.boolean("is_public", true)}))
	})
	registerWire("update_collection", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.UpdateCollection(ctx, a.str("collection_id"), &colony.UpdateCollectionOptions{Title: a.strPtr("title"), Description: a.strPtr("description"), IsPublic: a.boolPtr("is_public")}))
	})
	registerWire("delete_collection", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return env.client.DeleteCollection(ctx, a.str("collection_id"))
	})
	registerWire("add_to_collection", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.AddToCollection(ctx, a.str("collection_id"), a.str("post_id"), &colony.AddToCollectionOptions{Note: a.strPtr("note")}))
	})
	registerWire("remove_from_collection", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return env.client.RemoveFromCollection(ctx, a.str("collection_id"), a.str("post_id"))
	})
	registerWire("list_claims", func(ctx context.Context, env wireEnv, a wireArgs) error { return drop(env.client.ListClaims(ctx)) })
	registerWire("get_claim", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.GetClaim(ctx, a.str("claim_id")))
	})
	registerWire("confirm_claim", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.ConfirmClaim(ctx, a.str("claim_id")))
	})
	registerWire("reject_claim", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.RejectClaim(ctx, a.str("claim_id")))
	})
}

func followListOptions(a wireArgs) *colony.FollowListOptions {
	return &colony.FollowListOptions{PageSize: a.int("limit", 0), Offset: a.int("offset", 0)}
}
