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
		_, err := env.client.SendMessage(ctx, a.str("username"), a.str("body"), idemOpts(a)...)
		return err
	})
	registerWire("get_conversation", func(ctx context.Context, env wireEnv, a wireArgs) error {
		_, err := env.client.GetConversation(ctx, a.str("username"))
		return err
	})
	registerWire("list_conversations", func(ctx context.Context, env wireEnv, a wireArgs) error {
		_, err := env.client.ListConversations(ctx, &colony.ListConversationsOptions{PageSize: a.int("limit", 0), Offset: a.int("offset", 0),
			IncludeArchived: a.boolean("include_archived", false)})
		return err
	})
	registerWire("mark_conversation_spam", func(ctx context.Context, env wireEnv, a wireArgs) error {
		_, err := env.client.MarkConversationSpam(ctx, a.str("username"), &colony.MarkConversationSpamOptions{
			Reason: colony.SpamReason(cmp.Or(a.str("reason"), a.str("reason_code"))), Description: a.str("description")})
		return err
	})
	registerWire("unmark_conversation_spam", func(ctx context.Context, env wireEnv, a wireArgs) error {
		_, err := env.client.UnmarkConversationSpam(ctx, a.str("username"))
		return err
	})
	registerWire("get_unread_count", func(ctx context.Context, env wireEnv, a wireArgs) error {
		_, err := env.client.GetUnreadCount(ctx)
		return err
	})

	registerWire("create_group_conversation", func(ctx context.Context, env wireEnv, a wireArgs) error {
		_, err := env.client.CreateGroupConversation(ctx, a.str("title"), a.strs("members"))
		return err
	})
	registerWire("list_group_templates", func(ctx context.Context, env wireEnv, a wireArgs) error {
		_, err := env.client.ListGroupTemplates(ctx)
		return err
	})
	registerWire("create_group_from_template", func(ctx context.Context, env wireEnv, a wireArgs) error {
		_, err := env.client.CreateGroupFromTemplate(ctx, a.str("template"), a.strs("members"),
			&colony.CreateGroupFromTemplateOptions{TitleOverride: a.str("title_override")})
		return err
	})
	registerWire("get_group_conversation", func(ctx context.Context, env wireEnv, a wireArgs) error {
		_, err := env.client.GetGroupConversation(ctx, a.str("conv_id"), pageOpts(a))
		return err
	})
	registerWire("update_group_conversation", func(ctx context.Context, env wireEnv, a wireArgs) error {
		_, err := env.client.UpdateGroupConversation(ctx, a.str("conv_id"), &colony.UpdateGroupConversationOptions{
			Title: a.strPtr("title"), Description: a.strPtr("description")})
		return err
	})
	registerWire("send_group_message", func(ctx context.Context, env wireEnv, a wireArgs) error {
		_, err := env.client.SendGroupMessage(ctx, a.str("conv_id"), a.str("body"),
			&colony.SendGroupMessageOptions{ReplyToMessageID: a.str("reply_to_message_id")}, idemOpts(a)...)
		return err
	})
	registerWire("list_group_members", func(ctx context.Context, env wireEnv, a wireArgs) error {
		_, err := env.client.ListGroupMembers(ctx, a.str("conv_id"))
		return err
	})
	registerWire("add_group_member", func(ctx context.Context, env wireEnv, a wireArgs) error {
		_, err := env.client.AddGroupMember(ctx, a.str("conv_id"), a.str("username"))
		return err
	})
	registerWire("remove_group_member", func(ctx context.Context, env wireEnv, a wireArgs) error {
		_, err := env.client.RemoveGroupMember(ctx, a.str("conv_id"), a.str("user_id"))
		return err
	})
	registerWire("set_group_admin", func(ctx context.Context, env wireEnv, a wireArgs) error {
		_, err := env.client.SetGroupAdmin(ctx, a.str("conv_id"), a.str("user_id"), a.boolean("is_admin", false))
		return err
	})
	registerWire("transfer_group_creator", func(ctx context.Context, env wireEnv, a wireArgs) error {
		_, err := env.client.TransferGroupCreator(ctx, a.str("conv_id"), a.str("new_creator_username"))
		return err
	})
	registerWire("respond_to_group_invite", func(ctx context.Context, env wireEnv, a wireArgs) error {
		_, err := env.client.RespondToGroupInvite(ctx, a.str("conv_id"), a.boolean("accept", false))
		return err
	})
	registerWire("mark_group_all_read", func(ctx context.Context, env wireEnv, a wireArgs) error {
		_, err := env.client.MarkGroupAllRead(ctx, a.str("conv_id"))
		return err
	})
	registerWire("mute_group_conversation", func(ctx context.Context, env wireEnv, a wireArgs) error {
		_, err := env.client.MuteGroupConversation(ctx, a.str("conv_id"), colony.MuteDuration(cmp.Or(a.str("duration"), a.str("until"))))
		return err
	})
	registerWire("unmute_group_conversation", func(ctx context.Context, env wireEnv, a wireArgs) error {
		_, err := env.client.UnmuteGroupConversation(ctx, a.str("conv_id"))
		return err
	})
	registerWire("snooze_group_conversation", func(ctx context.Context, env wireEnv, a wireArgs) error {
		_, err := env.client.SnoozeGroupConversation(ctx, a.str("conv_id"), colony.SnoozeDuration(a.str("duration")))
		return err
	})
	registerWire("unsnooze_group_conversation", func(ctx context.Context, env wireEnv, a wireArgs) error {
		_, err := env.client.UnsnoozeGroupConversation(ctx, a.str("conv_id"))
		return err
	})
	registerWire("set_group_read_receipts", func(ctx context.Context, env wireEnv, a wireArgs) error {
		_, err := env.client.SetGroupReadReceipts(ctx, a.str("conv_id"), a.boolPtr("show"))
		return err
	})
	registerWire("pin_group_message", func(ctx context.Context, env wireEnv, a wireArgs) error {
		_, err := env.client.PinGroupMessage(ctx, a.str("conv_id"), a.str("msg_id"))
		return err
	})
	registerWire("unpin_group_message", func(ctx context.Context, env wireEnv, a wireArgs) error {
		_, err := env.client.UnpinGroupMessage(ctx, a.str("conv_id"), a.str("msg_id"))
		return err
	})
	registerWire("search_group_messages", func(ctx context.Context, env wireEnv, a wireArgs) error {
		_, err := env.client.SearchGroupMessages(ctx, a.str("conv_id"), cmp.Or(a.str("query"), a.str("q")), pageOpts(a))
		return err
	})

	registerWire("mark_message_read", func(ctx context.Context, env wireEnv, a wireArgs) error {
		_, err := env.client.MarkMessageRead(ctx, a.str("message_id"))
		return err
	})
	registerWire("list_message_reads", func(ctx context.Context, env wireEnv, a wireArgs) error {
		_, err := env.client.ListMessageReads(ctx, a.str("message_id"))
		return err
	})
	registerWire("add_message_reaction", func(ctx context.Context, env wireEnv, a wireArgs) error {
		_, err := env.client.AddMessageReaction(ctx, a.str("message_id"), a.str("emoji"))
		return err
	})
	registerWire("remove_message_reaction", func(ctx context.Context, env wireEnv, a wireArgs) error {
		_, err := env.client.RemoveMessageReaction(ctx, a.str("message_id"), a.str("emoji"))
		return err
	})
	registerWire("edit_message", func(ctx context.Context, env wireEnv, a wireArgs) error {
		_, err := env.client.EditMessage(ctx, a.str("message_id"), a.str("body"))
		return err
	})
	registerWire("list_message_edits", func(ctx context.Context, env wireEnv, a wireArgs) error {
		_, err := env.client.ListMessageEdits(ctx, a.str("message_id"))
		return err
	})
	registerWire("delete_message", func(ctx context.Context, env wireEnv, a wireArgs) error {
		_, err := env.client.DeleteMessage(ctx, a.str("message_id"))
		return err
	})
	registerWire("toggle_star_message", func(ctx context.Context, env wireEnv, a wireArgs) error {
		_, err := env.client.ToggleStarMessage(ctx, a.str("message_id"))
		return err
	})
	registerWire("list_saved_messages", func(ctx context.Context, env wireEnv, a wireArgs) error {
		_, err := env.client.ListSavedMessages(ctx, pageOpts(a))
		return err
	})
	registerWire("forward_message", func(ctx context.Context, env wireEnv, a wireArgs) error {
		_, err := env.client.ForwardMessage(ctx, a.str("message_id"), a.str("recipient_username"),
			&colony.ForwardMessageOptions{Comment: a.str("comment")})
		return err
	})

	registerWire("upload_message_attachment", func(ctx context.Context, env wireEnv, a wireArgs) error {
		_, err := env.client.UploadMessageAttachment(ctx, a.str("filename"), bytes.NewReader(a.bytes("file_bytes")), a.str("content_type"))
		return err
	})
	registerWire("delete_message_attachment", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return env.client.DeleteMessageAttachment(ctx, a.str("attachment_id"))
	})
	registerWire("get_message_attachment", func(ctx context.Context, env wireEnv, a wireArgs) error {
		_, err := env.client.GetMessageAttachment(ctx, a.str("attachment_id"), colony.AttachmentVariant(a.str("variant")))
		return err
	})
	registerWire("upload_group_avatar", func(ctx context.Context, env wireEnv, a wireArgs) error {
		_, err := env.client.UploadGroupAvatar(ctx, a.str("conv_id"), a.str("filename"), bytes.NewReader(a.bytes("file_bytes")), a.str("content_type"))
		return err
	})
	registerWire("get_group_avatar", func(ctx context.Context, env wireEnv, a wireArgs) error {
		_, err := env.client.GetGroupAvatar(ctx, a.str("conv_id"))
		return err
	})
}
