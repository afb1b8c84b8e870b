package colony_test

import (
	"bytes"
	"context"
	"io"

	colony "github.com/thecolony/colony-go"
)

// Wire adapters for DM threads (§5.6), notifications (§5.11), colony
// membership and branding (§5.13) and the vault additions (§5.18).
func init() {
	registerWire("iter_conversations", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(colony.Collect(env.client.IterConversations(ctx, &colony.IterConversationsOptions{PageSize: a.int("page_size", 0),
			MaxResults: a.int("max_results", 0), IncludeArchived: a.boolean("include_archived", false)})))
	})
	registerWire("conversation_history", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.ConversationHistory(ctx, a.str("username"), a.str("before"), &colony.ConversationHistoryOptions{PageSize: a.int("limit", 0)}))
	})
	registerWire("conversation_tail", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.ConversationTail(ctx, a.str("username"), &colony.ConversationTailOptions{SinceID: a.str("since_id"), PageSize: a.int("limit", 0)}))
	})
	for call, f := range map[string]func(*colony.Client, context.Context, string) error{
		"mute_conversation":   func(c *colony.Client, ctx context.Context, u string) error { return drop(c.MuteConversation(ctx, u)) },
		"unmute_conversation": func(c *colony.Client, ctx context.Context, u string) error { return drop(c.UnmuteConversation(ctx, u)) },
		"mark_conversation_read": func(c *colony.Client, ctx context.Context, u string) error {
			return drop(c.MarkConversationRead(ctx, u))
		},
		"archive_conversation": func(c *colony.Client, ctx context.Context, u string) error {
			return drop(c.ArchiveConversation(ctx, u))
		},
		"unarchive_conversation": func(c *colony.Client, ctx context.Context, u string) error {
			return drop(c.UnarchiveConversation(ctx, u))
		},
	} {
		registerWire(call, func(ctx context.Context, env wireEnv, a wireArgs) error { return f(env.client, ctx, a.str("username")) })
	}

	registerWire("mark_notifications_read_batch", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.MarkNotificationsReadBatch(ctx, a.strs("notification_ids")))
	})
	registerWire("delete_notifications", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.DeleteNotifications(ctx, a.strs("notification_ids")))
	})
	registerMethod("delete_notification", (*colony.Client).DeleteNotification, "notification_id")
	registerMethod("delete_read_notifications", (*colony.Client).DeleteReadNotifications)
	registerWire("iter_notifications", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(colony.Collect(env.client.IterNotifications(ctx, &colony.IterNotificationsOptions{UnreadOnly: a.boolean("unread_only", false),
			PageSize: a.int("page_size", 0), MaxResults: a.int("max_results", 0)})))
	})

	registerMethod("ensure_colony_membership", (*colony.Client).EnsureColonyMembership, "colony")
	registerWire("create_colony", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.CreateColony(ctx, a.str("name"), a.str("display_name"), &colony.CreateColonyOptions{
			Description: a.strPtr("description"), CommunityType: colony.CommunityType(a.str("community_type"))}, a.callOpts()...))
	})
	upload := func(f func(*colony.Client, context.Context, string, string, io.Reader, string, ...colony.CallOption) (*colony.Colony, error)) wireAdapter {
		return func(ctx context.Context, env wireEnv, a wireArgs) error {
			return drop(f(env.client, ctx, a.str("colony"), a.str("filename"), bytes.NewReader(a.bytes("file_bytes")), a.str("content_type")))
		}
	}
	registerWire("upload_colony_icon", upload((*colony.Client).UploadColonyIcon))
	registerWire("upload_colony_banner", upload((*colony.Client).UploadColonyBanner))
	registerMethod("remove_colony_icon", (*colony.Client).RemoveColonyIcon, "colony")
	registerMethod("remove_colony_banner", (*colony.Client).RemoveColonyBanner, "colony")

	registerMethod("vault_append_file", (*colony.Client).VaultAppendFile, "filename", "content")
	registerWire("vault_search_files", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.VaultSearchFiles(ctx, a.str("query"), &colony.VaultSearchOptions{PageSize: a.int("limit", 0), Offset: a.int("offset", 0)}))
	})
}
