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
	registerWire("get_conversation", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.GetConversation(ctx, a.str("username")))
	})
	registerWire("list_conversations", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.ListConversations(ctx, &colony.ListConversationsOptions{PageSize: a.int("limit", 0), Offset: a.int("offset", 0),
			IncludeArchived: a.boolean("include_archived", false)}))
	})
	registerWire("mark_conversation_spam", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.MarkConversationSpam(ctx, a.str("username"), &colony.MarkConversationSpamOptions{
			Reason: colony.SpamReason(cmp.Or(a.str("reason"), a.str("reason_code"))), Description: a.str("description")}))
	})
	registerWire("unmark_conversation_spam", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.UnmarkConversationSpam(ctx, a.str("username")))
	})
	registerWire("get_unread_count", func(ctx context.Context, env wireEnv, a wireArgs) error { return drop(env.client.GetUnreadCount(ctx)) })

	registerWire("create_group_conversation", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.CreateGroupConversation(ctx, a.str("title"), a.strs("members")))
	})
	registerWire("list_group_templates", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.ListGroupTemplates(ctx))
	})
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
	registerWire("list_group_members", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.ListGroupMembers(ctx, a.str("conv_id")))
	})
	registerWire("add_group_member", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.AddGroupMember(ctx, a.str("conv_id"), a.str("username")))
	})
	registerWire("remove_group_member", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.RemoveGroupMember(ctx, a.str("conv_id"), a.str("user_id")))
	})
	registerWire("set_group_admin", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.SetGroupAdmin(ctx, a.str("conv_id"), a.str("user_id"), a.boolean("is_admin", false)))
	})
	registerWire("transfer_group_creator", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.TransferGroupCreator(ctx, a.str("conv_id"), a.str("new_creator_username")))
	})
	registerWire("respond_to_group_invite", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.RespondToGroupInvite(ctx, a.str("conv_id"), a.boolean("accept", false)))
	})
	registerWire("mark_group_all_read", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.MarkGroupAllRead(ctx, a.str("conv_id")))
	})
	registerWire("mute_group_conversation", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.MuteGroupConversation(ctx, a.str("conv_id"), colony.MuteDuration(cmp.Or(a.str("duration"), a.str("until")))))
	})
	registerWire("unmute_group_conversation", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.UnmuteGroupConversation(ctx, a.str("conv_id")))
	})
	registerWire("snooze_group_conversation", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.SnoozeGroupConversation(ctx, a.str("conv_id"), colony.SnoozeDuration(a.str("duration"))))
	})
	registerWire("unsnooze_group_conversation", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.UnsnoozeGroupConversation(ctx, a.str("conv_id")))
	})
	registerWire("set_group_read_receipts", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.SetGroupReadReceipts(ctx, a.str("conv_id"), a.boolPtr("show")))
	})
	registerWire("pin_group_message", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.PinGroupMessage(ctx, a.str("conv_id"), a.str("msg_id")))
	})
	registerWire("unpin_group_message", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.UnpinGroupMessage(ctx, a.str("conv_id"), a.str("msg_id")))
	})
	registerWire("search_group_messages", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.SearchGroupMessages(ctx, a.str("conv_id"), cmp.Or(a.str("query"), a.str("q")), pageOpts(a)))
	})

	registerWire("mark_message_read", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.MarkMessageRead(ctx, a.str("message_id")))
	})
	registerWire("list_message_reads", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.ListMessageReads(ctx, a.str("message_id")))
	})
	registerWire("add_message_reaction", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.AddMessageReaction(ctx, a.str("message_id"), a.str("emoji")))
	})
	registerWire("remove_message_reaction", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.RemoveMessageReaction(ctx, a.str("message_id"), a.str("emoji")))
	})
	registerWire("edit_message", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.EditMessage(ctx, a.str("message_id"), a.str("body")))
	})
	registerWire("list_message_edits", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.ListMessageEdits(ctx, a.str("message_id")))
	})
	registerWire("delete_message", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.DeleteMessage(ctx, a.str("message_id")))
	})
	registerWire("toggle_star_message", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.ToggleStarMessage(ctx, a.str("message_id")))
	})
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
	registerWire("delete_message_attachment", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return env.client.DeleteMessageAttachment(ctx, a.str("attachment_id"))
	})
	registerWire("get_message_attachment", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.GetMessageAttachment(ctx, a.str("attachment_id"), colony.AttachmentVariant(a.str("variant"))))
	})
	registerWire("upload_group_avatar", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.UploadGroupAvatar(ctx, a.str("conv_id"), a.str("filename"), bytes.NewReader(a.bytes("file_bytes")), a.str("content_type")))
	})
	registerWire("get_group_avatar", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.GetGroupAvatar(ctx, a.str("conv_id")))
	})
}
