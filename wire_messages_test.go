package colony_test

import (
	"bytes"
	"cmp"
	"context"

	colony "github.com/thecolony/colony-go"
)

// idemOpts passes the case's idempotency_key, when it has one.
func idemOpts(a wireArgs) []colony.CallOption {
	if k := a.str("idempotency_key"); k != "" {
		return []colony.CallOption{colony.WithIdempotencyKey(k)}
	}
	return nil
}

// pageOpts reads Python's limit/offset keyword arguments; absent ones keep
// the Go defaults (50 and 0), which are Python's too.
func pageOpts(a wireArgs) *colony.MessagePageOptions {
	return &colony.MessagePageOptions{PageSize: a.int("limit", 0), Offset: a.int("offset", 0)}
}

// Wire adapters for the messaging surface: direct messages, groups,
// per-message operations, attachments and avatars.
func init() {
	registerWire("send_message", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.SendMessage(ctx, a.str("username"), a.str("body"), idemOpts(a)...))
	})
	registerMethod("get_conversation", (*colony.Client).GetConversation, "username")
	registerWire("list_conversations", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.ListConversations(ctx, &colony.ListConversationsOptions{PageSize: a.int("limit", 0), Offset: a.int("offset", 0),
			IncludeArchived: a.boolean("include_archived", false)}))
	})
	registerWire("mark_conversation_spam", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.MarkConversationSpam(ctx, a.str("username"), &colony.MarkConversationSpamOptions{
			Reason: colony.SpamReason(cmp.Or(a.str("reason"), a.str("reason_code"))), Description: a.str("description")}))
	})
	registerMethod("unmark_conversation_spam", (*colony.Client).UnmarkConversationSpam, "username")
	registerMethod("get_unread_count", (*colony.Client).GetUnreadCount)

	registerWire("create_group_conversation", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.CreateGroupConversation(ctx, a.str("title"), a.strs("members")))
	})
	registerMethod("list_group_templates", (*colony.Client).ListGroupTemplates)
	registerWire("create_group_from_template", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.CreateGroupFromTemplate(ctx, a.str("template"), a.strs("members"),
			&colony.CreateGroupFromTemplateOptions{TitleOverride: a.str("title_override")}))
	})
	registerWire("get_group_conversation", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.GetGroupConversation(ctx, a.str("conv_id"), pageOpts(a)))
	})
	registerWire("update_group_conversation", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.UpdateGroupConversation(ctx, a.str("conv_id"), &colony.UpdateGroupConversationOptions{
			Title: a.strPtr("title"), Description: a.strPtr("description")}))
	})
	registerWire("send_group_message", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.SendGroupMessage(ctx, a.str("conv_id"), a.str("body"),
			&colony.SendGroupMessageOptions{ReplyToMessageID: a.str("reply_to_message_id")}, idemOpts(a)...))
	})
	registerMethod("list_group_members", (*colony.Client).ListGroupMembers, "conv_id")
	registerMethod("add_group_member", (*colony.Client).AddGroupMember, "conv_id", "username")
	registerMethod("remove_group_member", (*colony.Client).RemoveGroupMember, "conv_id", "user_id")
	registerWire("set_group_admin", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.SetGroupAdmin(ctx, a.str("conv_id"), a.str("user_id"), a.boolean("is_admin", false)))
	})
	registerMethod("transfer_group_creator", (*colony.Client).TransferGroupCreator, "conv_id", "new_creator_username")
	registerWire("respond_to_group_invite", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.RespondToGroupInvite(ctx, a.str("conv_id"), a.boolean("accept", false)))
	})
	registerMethod("mark_group_all_read", (*colony.Client).MarkGroupAllRead, "conv_id")
	registerWire("mute_group_conversation", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.MuteGroupConversation(ctx, a.str("conv_id"), colony.MuteDuration(cmp.Or(a.str("duration"), a.str("until")))))
	})
	registerMethod("unmute_group_conversation", (*colony.Client).UnmuteGroupConversation, "conv_id")
	registerWire("snooze_group_conversation", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.SnoozeGroupConversation(ctx, a.str("conv_id"), colony.SnoozeDuration(a.str("duration"))))
	})
	registerMethod("unsnooze_group_conversation", (*colony.Client).UnsnoozeGroupConversation, "conv_id")
	registerWire("set_group_read_receipts", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.SetGroupReadReceipts(ctx, a.str("conv_id"), a.boolPtr("show")))
	})
	registerMethod("pin_group_message", (*colony.Client).PinGroupMessage, "conv_id", "msg_id")
	registerMethod("unpin_group_message", (*colony.Client).UnpinGroupMessage, "conv_id", "msg_id")
	registerWire("search_group_messages", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.SearchGroupMessages(ctx, a.str("conv_id"), cmp.Or(a.str("query"), a.str("q")), pageOpts(a)))
	})

	registerMethod("mark_message_read", (*colony.Client).MarkMessageRead, "message_id")
	registerMethod("list_message_reads", (*colony.Client).ListMessageReads, "message_id")
	registerMethod("add_message_reaction", (*colony.Client).AddMessageReaction, "message_id", "emoji")
	registerMethod("remove_message_reaction", (*colony.Client).RemoveMessageReaction, "message_id", "emoji")
	registerMethod("edit_message", (*colony.Client).EditMessage, "message_id", "body")
	registerMethod("list_message_edits", (*colony.Client).ListMessageEdits, "message_id")
	registerMethod("delete_message", (*colony.Client).DeleteMessage, "message_id")
	registerMethod("toggle_star_message", (*colony.Client).ToggleStarMessage, "message_id")
	registerWire("list_saved_messages", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.ListSavedMessages(ctx, pageOpts(a)))
	})
	registerWire("forward_message", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.ForwardMessage(ctx, a.str("message_id"), a.str("recipient_username"),
			&colony.ForwardMessageOptions{Comment: a.str("comment")}))
	})

	registerWire("upload_message_attachment", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.UploadMessageAttachment(ctx, a.str("filename"), bytes.NewReader(a.bytes("file_bytes")), a.str("content_type")))
	})
	registerMethod("delete_message_attachment", (*colony.Client).DeleteMessageAttachment, "attachment_id")
	registerWire("get_message_attachment", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.GetMessageAttachment(ctx, a.str("attachment_id"), colony.AttachmentVariant(a.str("variant"))))
	})
	registerWire("upload_group_avatar", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.UploadGroupAvatar(ctx, a.str("conv_id"), a.str("filename"), bytes.NewReader(a.bytes("file_bytes")), a.str("content_type")))
	})
	registerMethod("get_group_avatar", (*colony.Client).GetGroupAvatar, "conv_id")
}
