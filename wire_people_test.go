package colony_test

import (
	"context"
	"errors"

	colony "github.com/thecolony/colony-go"
)

// Wire adapters for search, users, safety, notifications, vault, webhooks,
// the batch helpers and registration.
func init() {
	registerWire("search", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.Search(ctx, a.str("query"), &colony.SearchOptions{SearchFilter: colony.SearchFilter{PostType: colony.PostType(a.str("post_type")), Colony: a.str("colony"), AuthorType: colony.UserType(a.str("author_type")), Sort: colony.SearchSort(a.str("sort")), MemberColonies: a.boolPtr("member_colonies")}, PageSize: a.int("limit", 0), Offset: a.int("offset", 0)}))
	})
	registerMethod("get_me", (*colony.Client).GetMe)
	registerMethod("get_user", (*colony.Client).GetUser, "user_id")
	registerWire("update_profile", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.UpdateProfile(ctx, &colony.UpdateProfileOptions{
			DisplayName: a.strPtr("display_name"), Bio: a.strPtr("bio"), Capabilities: a.obj("capabilities"),
			LightningAddress: a.strPtr("lightning_address"), NostrPubkey: a.strPtr("nostr_pubkey"), EVMAddress: a.strPtr("evm_address"),
			SocialLinks: a.obj("social_links"), CurrentModel: a.strPtr("current_model"), Harness: a.strPtr("harness")}))
	})
	registerWire("directory", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.Directory(ctx, &colony.DirectoryOptions{DirectoryFilter: colony.DirectoryFilter{Query: a.str("query"), UserType: colony.UserType(a.str("user_type")), Sort: colony.DirectorySort(a.str("sort"))}, PageSize: a.int("limit", 0), Offset: a.int("offset", 0)}))
	})
	registerMethod("follow", (*colony.Client).Follow, "user_id")
	registerMethod("unfollow", (*colony.Client).Unfollow, "user_id")
	registerMethod("block_user", (*colony.Client).BlockUser, "user_id")
	registerMethod("unblock_user", (*colony.Client).UnblockUser, "user_id")
	registerMethod("list_blocked", (*colony.Client).ListBlocked)
	wireDivergent["report_user"] = "POST /reports has no user target (always 422 live); ReportUser fails locally and points to BlockUser"
	registerWire("report_user", func(ctx context.Context, env wireEnv, a wireArgs) error {
		_, err := env.client.ReportUser(ctx, a.str("user_id"), colony.ReportReason(a.str("reason")), nil)
		if env.c != nil && len(env.c.Requests) == 0 {
			return err // a refusal case: the local error itself
		}
		return expectInvalidParams(err)
	})
	wireDivergent["report_message"] = "POST /reports has no message target (always 422 live); ReportMessage fails locally and points to MarkConversationSpam"
	registerWire("report_message", func(ctx context.Context, env wireEnv, a wireArgs) error {
		_, err := env.client.ReportMessage(ctx, a.str("message_id"), colony.ReportReason(a.str("reason")), nil)
		if env.c != nil && len(env.c.Requests) == 0 {
			return err // a refusal case: the local error itself
		}
		return expectInvalidParams(err)
	})
	registerWire("report_post", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.ReportPost(ctx, a.str("post_id"), colony.ReportReason(a.str("reason")), a.reportOpts()))
	})
	registerWire("report_comment", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.ReportComment(ctx, a.str("comment_id"), colony.ReportReason(a.str("reason")), a.reportOpts()))
	})
	registerWire("get_notifications", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.GetNotifications(ctx, &colony.GetNotificationsOptions{UnreadOnly: a.boolean("unread_only", false), PageSize: a.int("limit", 0), Offset: a.int("offset", 0)}))
	})
	registerMethod("get_notification_count", (*colony.Client).GetNotificationCount)
	registerMethod("mark_notifications_read", (*colony.Client).MarkNotificationsRead)
	registerMethod("mark_notification_read", (*colony.Client).MarkNotificationRead, "notification_id")
	registerMethod("vault_status", (*colony.Client).VaultStatus)
	registerMethod("vault_list_files", (*colony.Client).VaultListFiles)
	registerMethod("vault_get_file", (*colony.Client).VaultGetFile, "filename")
	registerMethod("vault_upload_file", (*colony.Client).VaultUploadFile, "filename", "content")
	registerMethod("vault_delete_file", (*colony.Client).VaultDeleteFile, "filename")
	registerMethod("can_write_vault", (*colony.Client).CanWriteVault)
	registerWire("create_webhook", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.CreateWebhook(ctx, a.str("url"), wireEvents(a.strs("events")), a.str("secret"), a.callOpts()...))
	})
	registerMethod("get_webhooks", (*colony.Client).GetWebhooks)
	registerWire("update_webhook", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.UpdateWebhook(ctx, a.str("webhook_id"), &colony.UpdateWebhookOptions{
			URL: a.strPtr("url"), Secret: a.strPtr("secret"), Events: wireEvents(a.strs("events")), IsActive: a.boolPtr("is_active")}))
	})
	registerMethod("delete_webhook", (*colony.Client).DeleteWebhook, "webhook_id")
	wireUnordered["get_posts_by_ids"] = true
	registerWire("get_posts_by_ids", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.GetPostsByIDs(ctx, a.strs("post_ids")))
	})
	wireUnordered["get_users_by_ids"] = true
	registerWire("get_users_by_ids", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.GetUsersByIDs(ctx, a.strs("user_ids")))
	})
	registerWire("register", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(colony.Register(ctx, a.str("username"), a.str("display_name"), a.str("bio"),
			&colony.RegisterOptions{Capabilities: a.obj("capabilities"), BaseURL: env.baseURL}))
	})
}

// expectInvalidParams turns the intended local failure of a divergent call
// into success, and anything else into a failure.
func expectInvalidParams(err error) error {
	if errors.Is(err, colony.ErrInvalidParams) {
		return nil
	}
	if err == nil {
		return errors.New("expected a local ErrInvalidParams failure, got success")
	}
	return err
}

func wireEvents(names []string) []colony.WebhookEvent {
	if names == nil {
		return nil
	}
	out := make([]colony.WebhookEvent, len(names))
	for i, n := range names {
		out[i] = colony.WebhookEvent(n)
	}
	return out
}

// isWireUUID reports a canonical hyphenated UUID, as the SDK's colony
// filter tests it.
func isWireUUID(s string) bool {
	if len(s) != 36 {
		return false
	}
	for i, c := range s {
		switch {
		case i == 8 || i == 13 || i == 18 || i == 23:
			if c != '-' {
				return false
			}
		case !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'):
			return false
		}
	}
	return true
}

// reportOpts reads report_post/report_comment's description= and
// custom_reason=.
func (a wireArgs) reportOpts() *colony.ReportOptions {
	return &colony.ReportOptions{Description: a.str("description"), CustomReason: a.str("custom_reason")}
}
