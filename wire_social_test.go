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
		_, err := env.client.GetUserReport(ctx, a.str("username"))
		return err
	})
	registerWire("get_user_by_username", func(ctx context.Context, env wireEnv, a wireArgs) error {
		_, err := env.client.GetUserByUsername(ctx, a.str("username"))
		return err
	})
	registerWire("follow_by_username", func(ctx context.Context, env wireEnv, a wireArgs) error {
		_, err := env.client.FollowByUsername(ctx, a.str("username"))
		return err
	})
	registerWire("unfollow_by_username", func(ctx context.Context, env wireEnv, a wireArgs) error {
		_, err := env.client.UnfollowByUsername(ctx, a.str("username"))
		return err
	})
	registerWire("get_presence", func(ctx context.Context, env wireEnv, a wireArgs) error {
		_, err := env.client.GetPresence(ctx, a.strs("user_ids"))
		return err
	})
	registerWire("get_my_status", func(ctx context.Context, env wireEnv, a wireArgs) error {
		_, err := env.client.GetMyStatus(ctx)
		return err
	})
	registerWire("set_my_status", func(ctx context.Context, env wireEnv, a wireArgs) error {
		_, err := env.client.SetMyStatus(ctx, &colony.StatusUpdate{PresenceStatus: a.strPtr("presence_status"), CustomStatusText: a.strPtr("custom_status_text")})
		return err
	})
	registerWire("get_cold_budget", func(ctx context.Context, env wireEnv, a wireArgs) error {
		_, err := env.client.GetColdBudget(ctx)
		return err
	})
	registerWire("list_cold_budget_peers", func(ctx context.Context, env wireEnv, a wireArgs) error {
		_, err := env.client.ListColdBudgetPeers(ctx, &colony.CursorOptions{Cursor: a.str("cursor"), PageSize: a.int("limit", 0)})
		return err
	})
	registerWire("set_inbox_mode", func(ctx context.Context, env wireEnv, a wireArgs) error {
		var opts *colony.SetInboxModeOptions
		if a.has("inbox_quiet_min_karma") {
			opts = &colony.SetInboxModeOptions{QuietMinKarma: colony.Ptr(a.int("inbox_quiet_min_karma", 0))}
		}
		_, err := env.client.SetInboxMode(ctx, colony.InboxMode(a.str("inbox_mode")), opts)
		return err
	})
	registerWire("upload_profile_avatar", func(ctx context.Context, env wireEnv, a wireArgs) error {
		_, err := env.client.UploadProfileAvatar(ctx, a.str("filename"), bytes.NewReader(a.bytes("file_bytes")), a.str("content_type"))
		return err
	})
	registerWire("delete_profile_avatar", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return env.client.DeleteProfileAvatar(ctx)
	})
	registerWire("get_followers", func(ctx context.Context, env wireEnv, a wireArgs) error {
		_, err := env.client.GetFollowers(ctx, a.str("user_id"), followListOptions(a))
		return err
	})
	registerWire("get_following", func(ctx context.Context, env wireEnv, a wireArgs) error {
		_, err := env.client.GetFollowing(ctx, a.str("user_id"), followListOptions(a))
		return err
	})
	registerWire("get_relationship", func(ctx context.Context, env wireEnv, a wireArgs) error {
		_, err := env.client.GetRelationship(ctx, a.str("user_id"))
		return err
	})
	registerWire("get_relationship_by_username", func(ctx context.Context, env wireEnv, a wireArgs) error {
		_, err := env.client.GetRelationshipByUsername(ctx, a.str("username"))
		return err
	})
	registerWire("get_my_following", func(ctx context.Context, env wireEnv, a wireArgs) error {
		_, err := env.client.GetMyFollowing(ctx, followListOptions(a))
		return err
	})
	registerWire("get_my_followers", func(ctx context.Context, env wireEnv, a wireArgs) error {
		_, err := env.client.GetMyFollowers(ctx, followListOptions(a))
		return err
	})
	registerWire("iter_my_following", func(ctx context.Context, env wireEnv, a wireArgs) error {
		_, err := colony.Collect(env.client.IterMyFollowing(ctx, &colony.IterFollowsOptions{MaxResults: a.int("max_results", 0)}))
		return err
	})
	registerWire("iter_my_followers", func(ctx context.Context, env wireEnv, a wireArgs) error {
		_, err := colony.Collect(env.client.IterMyFollowers(ctx, &colony.IterFollowsOptions{MaxResults: a.int("max_results", 0)}))
		return err
	})
	registerWire("follow_tag", func(ctx context.Context, env wireEnv, a wireArgs) error {
		_, err := env.client.FollowTag(ctx, a.str("tag"))
		return err
	})
	registerWire("unfollow_tag", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return env.client.UnfollowTag(ctx, a.str("tag"))
	})
	registerWire("get_followed_tags", func(ctx context.Context, env wireEnv, a wireArgs) error {
		_, err := env.client.GetFollowedTags(ctx)
		return err
	})
	registerWire("bookmark_post", func(ctx context.Context, env wireEnv, a wireArgs) error {
		_, err := env.client.BookmarkPost(ctx, a.str("post_id"))
		return err
	})
	registerWire("unbookmark_post", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return env.client.UnbookmarkPost(ctx, a.str("post_id"))
	})
	registerWire("list_bookmarks", func(ctx context.Context, env wireEnv, a wireArgs) error {
		_, err := env.client.ListBookmarks(ctx, &colony.ListBookmarksOptions{PageSize: a.int("limit", 0), Offset: a.int("offset", 0)})
		return err
	})
	registerWire("watch_post", func(ctx context.Context, env wireEnv, a wireArgs) error {
		_, err := env.client.WatchPost(ctx, a.str("post_id"))
		return err
	})
	registerWire("unwatch_post", func(ctx context.Context, env wireEnv, a wireArgs) error {
		_, err := env.client.UnwatchPost(ctx, a.str("post_id"))
		return err
	})
	registerWire("list_collections", func(ctx context.Context, env wireEnv, a wireArgs) error {
		_, err := env.client.ListCollections(ctx, &colony.ListCollectionsOptions{CollectionFilter: colony.CollectionFilter{User: a.str("user_id")},
			PageSize: a.int("limit", 0), Offset: a.int("offset", 0)})
		return err
	})
	registerWire("get_collection", func(ctx context.Context, env wireEnv, a wireArgs) error {
		_, err := env.client.GetCollection(ctx, a.str("collection_id"))
		return err
	})
	registerWire("create_collection", func(ctx context.Context, env wireEnv, a wireArgs) error {
		_, err := env.client.CreateCollection(ctx, a.str("title"), &colony.CreateCollectionOptions{Description: a.strPtr("description"), Private: !a.boolean("is_public", true)})
		return err
	})
	registerWire("update_collection", func(ctx context.Context, env wireEnv, a wireArgs) error {
		_, err := env.client.UpdateCollection(ctx, a.str("collection_id"), &colony.UpdateCollectionOptions{Title: a.strPtr("title"), Description: a.strPtr("description"), IsPublic: a.boolPtr("is_public")})
		return err
	})
	registerWire("delete_collection", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return env.client.DeleteCollection(ctx, a.str("collection_id"))
	})
	registerWire("add_to_collection", func(ctx context.Context, env wireEnv, a wireArgs) error {
		_, err := env.client.AddToCollection(ctx, a.str("collection_id"), a.str("post_id"), &colony.AddToCollectionOptions{Note: a.strPtr("note")})
		return err
	})
	registerWire("remove_from_collection", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return env.client.RemoveFromCollection(ctx, a.str("collection_id"), a.str("post_id"))
	})
	registerWire("list_claims", func(ctx context.Context, env wireEnv, a wireArgs) error {
		_, err := env.client.ListClaims(ctx)
		return err
	})
	registerWire("get_claim", func(ctx context.Context, env wireEnv, a wireArgs) error {
		_, err := env.client.GetClaim(ctx, a.str("claim_id"))
		return err
	})
	registerWire("confirm_claim", func(ctx context.Context, env wireEnv, a wireArgs) error {
		_, err := env.client.ConfirmClaim(ctx, a.str("claim_id"))
		return err
	})
	registerWire("reject_claim", func(ctx context.Context, env wireEnv, a wireArgs) error {
		_, err := env.client.RejectClaim(ctx, a.str("claim_id"))
		return err
	})
}

func followListOptions(a wireArgs) *colony.FollowListOptions {
	return &colony.FollowListOptions{PageSize: a.int("limit", 0), Offset: a.int("offset", 0)}
}
