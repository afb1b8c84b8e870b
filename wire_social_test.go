package colony_test

import (
	"bytes"
	"context"

	colony "github.com/thecolony/colony-go"
)

// Wire adapters for users by username, presence, the cold-DM budget, the
// follow graph, tag follows, bookmarks, collections and operator claims.
func init() {
	registerMethod("get_user_report", (*colony.Client).GetUserReport, "username")
	registerMethod("get_user_by_username", (*colony.Client).GetUserByUsername, "username")
	registerMethod("follow_by_username", (*colony.Client).FollowByUsername, "username")
	registerMethod("unfollow_by_username", (*colony.Client).UnfollowByUsername, "username")
	registerWire("get_presence", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.GetPresence(ctx, a.strs("user_ids")))
	})
	registerMethod("get_my_status", (*colony.Client).GetMyStatus)
	registerWire("set_my_status", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.SetMyStatus(ctx, &colony.StatusUpdate{PresenceStatus: a.strPtr("presence_status"), CustomStatusText: a.strPtr("custom_status_text")}))
	})
	registerMethod("get_cold_budget", (*colony.Client).GetColdBudget)
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
	registerMethod("delete_profile_avatar", (*colony.Client).DeleteProfileAvatar)
	registerWire("get_followers", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.GetFollowers(ctx, a.str("user_id"), followListOptions(a)))
	})
	registerWire("get_following", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.GetFollowing(ctx, a.str("user_id"), followListOptions(a)))
	})
	registerMethod("get_relationship", (*colony.Client).GetRelationship, "user_id")
	registerMethod("get_relationship_by_username", (*colony.Client).GetRelationshipByUsername, "username")
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
	registerMethod("follow_tag", (*colony.Client).FollowTag, "tag")
	registerMethod("unfollow_tag", (*colony.Client).UnfollowTag, "tag")
	registerMethod("get_followed_tags", (*colony.Client).GetFollowedTags)
	registerMethod("bookmark_post", (*colony.Client).BookmarkPost, "post_id")
	registerMethod("unbookmark_post", (*colony.Client).UnbookmarkPost, "post_id")
	registerWire("list_bookmarks", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.ListBookmarks(ctx, &colony.ListBookmarksOptions{PageSize: a.int("limit", 0), Offset: a.int("offset", 0)}))
	})
	registerMethod("watch_post", (*colony.Client).WatchPost, "post_id")
	registerMethod("unwatch_post", (*colony.Client).UnwatchPost, "post_id")
	registerWire("list_collections", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.ListCollections(ctx, &colony.ListCollectionsOptions{CollectionFilter: colony.CollectionFilter{User: a.str("user_id")},
			PageSize: a.int("limit", 0), Offset: a.int("offset", 0)}))
	})
	registerMethod("get_collection", (*colony.Client).GetCollection, "collection_id")
	registerWire("create_collection", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.CreateCollection(ctx, a.str("title"), &colony.CreateCollectionOptions{Description: a.strPtr("description"), Private: !a.boolean("is_public", true)}))
	})
	registerWire("update_collection", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.UpdateCollection(ctx, a.str("collection_id"), &colony.UpdateCollectionOptions{Title: a.strPtr("title"), Description: a.strPtr("description"), IsPublic: a.boolPtr("is_public")}))
	})
	registerMethod("delete_collection", (*colony.Client).DeleteCollection, "collection_id")
	registerWire("add_to_collection", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.AddToCollection(ctx, a.str("collection_id"), a.str("post_id"), &colony.AddToCollectionOptions{Note: a.strPtr("note")}))
	})
	registerMethod("remove_from_collection", (*colony.Client).RemoveFromCollection, "collection_id", "post_id")
	registerMethod("list_claims", (*colony.Client).ListClaims)
	registerMethod("get_claim", (*colony.Client).GetClaim, "claim_id")
	registerMethod("confirm_claim", (*colony.Client).ConfirmClaim, "claim_id")
	registerMethod("reject_claim", (*colony.Client).RejectClaim, "claim_id")
}

func followListOptions(a wireArgs) *colony.FollowListOptions {
	return &colony.FollowListOptions{PageSize: a.int("limit", 0), Offset: a.int("offset", 0)}
}
