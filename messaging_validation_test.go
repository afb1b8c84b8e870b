package colony_test

import (
	"bytes"
	"context"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	colony "github.com/thecolony/colony-go"
)

// TestMessagingLocalValidation: every argument the server would refuse,
// and the checks the messaging surface makes before sending, fail with
// ErrInvalidParams and send nothing, not even the token exchange.
func TestMessagingLocalValidation(t *testing.T) {
	const (
		conv = "44444444-4444-4444-8444-444444444444"
		msg  = "55555555-5555-4555-8555-555555555555"
	)
	png := func() io.Reader { return bytes.NewReader([]byte("\x89PNG\r\n\x1a\n")) }
	invitees := func(n int) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = "agent"
		}
		return out
	}
	str := colony.Ptr[string]
	assertRefusedLocally(t, []refusal{
		{"SendMessage blank body", func(ctx context.Context, c *colony.Client) error {
			return drop(c.SendMessage(ctx, "bob", " \n"))
		}},
		{"SendMessage blank username", func(ctx context.Context, c *colony.Client) error {
			return drop(c.SendMessage(ctx, "", "hi"))
		}},
		{"SendMessage dot username", func(ctx context.Context, c *colony.Client) error {
			return drop(c.SendMessage(ctx, "..", "hi"))
		}},
		{"GetConversation blank username", func(ctx context.Context, c *colony.Client) error {
			return drop(c.GetConversation(ctx, " "))
		}},
		{"MarkConversationSpam description too long", func(ctx context.Context, c *colony.Client) error {
			return drop(c.MarkConversationSpam(ctx, "bob", &colony.MarkConversationSpamOptions{Description: strings.Repeat("é", colony.MaxSpamDescription+1)}))
		}},
		{"UnmarkConversationSpam blank username", func(ctx context.Context, c *colony.Client) error {
			return drop(c.UnmarkConversationSpam(ctx, ""))
		}},
		{"CreateGroupConversation blank title", func(ctx context.Context, c *colony.Client) error {
			return drop(c.CreateGroupConversation(ctx, "  ", []string{"bob"}))
		}},
		{"CreateGroupConversation no invitees", func(ctx context.Context, c *colony.Client) error {
			return drop(c.CreateGroupConversation(ctx, "Team", nil))
		}},
		{"CreateGroupConversation 50 invitees", func(ctx context.Context, c *colony.Client) error {
			return drop(c.CreateGroupConversation(ctx, "Team", invitees(colony.MaxGroupInvitees+1)))
		}},
		{"CreateGroupConversation blank invitee", func(ctx context.Context, c *colony.Client) error {
			return drop(c.CreateGroupConversation(ctx, "Team", []string{"bob", ""}))
		}},
		{"CreateGroupFromTemplate blank template", func(ctx context.Context, c *colony.Client) error {
			return drop(c.CreateGroupFromTemplate(ctx, "", []string{"bob"}, nil))
		}},
		{"CreateGroupFromTemplate no invitees", func(ctx context.Context, c *colony.Client) error {
			return drop(c.CreateGroupFromTemplate(ctx, "software-team", []string{}, nil))
		}},
		{"GetGroupConversation truncated id", func(ctx context.Context, c *colony.Client) error {
			return drop(c.GetGroupConversation(ctx, "44444444", nil))
		}},
		{"UpdateGroupConversation nothing to update", func(ctx context.Context, c *colony.Client) error {
			return drop(c.UpdateGroupConversation(ctx, conv, &colony.UpdateGroupConversationOptions{}))
		}},
		{"UpdateGroupConversation nil options", func(ctx context.Context, c *colony.Client) error {
			return drop(c.UpdateGroupConversation(ctx, conv, nil))
		}},
		{"UpdateGroupConversation blank title", func(ctx context.Context, c *colony.Client) error {
			return drop(c.UpdateGroupConversation(ctx, conv, &colony.UpdateGroupConversationOptions{Title: str(" ")}))
		}},
		{"SendGroupMessage blank body", func(ctx context.Context, c *colony.Client) error {
			return drop(c.SendGroupMessage(ctx, conv, "", nil))
		}},
		{"SendGroupMessage truncated reply id", func(ctx context.Context, c *colony.Client) error {
			return drop(c.SendGroupMessage(ctx, conv, "hi", &colony.SendGroupMessageOptions{ReplyToMessageID: "55555555-55"}))
		}},
		{"AddGroupMember blank username", func(ctx context.Context, c *colony.Client) error {
			return drop(c.AddGroupMember(ctx, conv, ""))
		}},
		{"RemoveGroupMember empty user id", func(ctx context.Context, c *colony.Client) error {
			return drop(c.RemoveGroupMember(ctx, conv, ""))
		}},
		{"TransferGroupCreator blank username", func(ctx context.Context, c *colony.Client) error {
			return drop(c.TransferGroupCreator(ctx, conv, "\t"))
		}},
		{"MuteGroupConversation unknown duration", func(ctx context.Context, c *colony.Client) error {
			return drop(c.MuteGroupConversation(ctx, conv, "2h"))
		}},
		{"SnoozeGroupConversation forever", func(ctx context.Context, c *colony.Client) error {
			return drop(c.SnoozeGroupConversation(ctx, conv, "forever"))
		}},
		{"SnoozeGroupConversation no duration", func(ctx context.Context, c *colony.Client) error {
			return drop(c.SnoozeGroupConversation(ctx, conv, ""))
		}},
		{"SearchGroupMessages blank query", func(ctx context.Context, c *colony.Client) error {
			return drop(c.SearchGroupMessages(ctx, conv, " ", nil))
		}},
		{"PinGroupMessage truncated message id", func(ctx context.Context, c *colony.Client) error {
			return drop(c.PinGroupMessage(ctx, conv, "5555555555"))
		}},
		{"MarkMessageRead dot id", func(ctx context.Context, c *colony.Client) error {
			return drop(c.MarkMessageRead(ctx, "."))
		}},
		{"AddMessageReaction blank emoji", func(ctx context.Context, c *colony.Client) error {
			return drop(c.AddMessageReaction(ctx, msg, ""))
		}},
		{"RemoveMessageReaction blank emoji", func(ctx context.Context, c *colony.Client) error {
			return drop(c.RemoveMessageReaction(ctx, msg, " "))
		}},
		{"EditMessage blank body", func(ctx context.Context, c *colony.Client) error {
			return drop(c.EditMessage(ctx, msg, ""))
		}},
		{"DeleteMessage empty id", func(ctx context.Context, c *colony.Client) error {
			return drop(c.DeleteMessage(ctx, ""))
		}},
		{"ForwardMessage blank recipient", func(ctx context.Context, c *colony.Client) error {
			return drop(c.ForwardMessage(ctx, msg, "", nil))
		}},
		{"UploadMessageAttachment empty filename", func(ctx context.Context, c *colony.Client) error {
			return drop(c.UploadMessageAttachment(ctx, "", png(), colony.ImagePNG))
		}},
		{"UploadMessageAttachment filename of line breaks", func(ctx context.Context, c *colony.Client) error {
			return drop(c.UploadMessageAttachment(ctx, "\r\n", png(), colony.ImagePNG))
		}},
		{"UploadMessageAttachment nil reader", func(ctx context.Context, c *colony.Client) error {
			return drop(c.UploadMessageAttachment(ctx, "a.png", nil, colony.ImagePNG))
		}},
		{"UploadMessageAttachment empty file", func(ctx context.Context, c *colony.Client) error {
			return drop(c.UploadMessageAttachment(ctx, "a.png", bytes.NewReader(nil), colony.ImagePNG))
		}},
		{"UploadMessageAttachment unsupported type", func(ctx context.Context, c *colony.Client) error {
			return drop(c.UploadMessageAttachment(ctx, "a.bmp", png(), "image/bmp"))
		}},
		{"UploadGroupAvatar gif", func(ctx context.Context, c *colony.Client) error {
			return drop(c.UploadGroupAvatar(ctx, conv, "a.gif", png(), colony.ImageGIF))
		}},
		{"UploadGroupAvatar truncated group id", func(ctx context.Context, c *colony.Client) error {
			return drop(c.UploadGroupAvatar(ctx, "4444444444", "a.png", png(), colony.ImagePNG))
		}},
		{"GetMessageAttachment unknown variant", func(ctx context.Context, c *colony.Client) error {
			return drop(c.GetMessageAttachment(ctx, msg, "large"))
		}},
		{"OpenMessageAttachment empty id", func(ctx context.Context, c *colony.Client) error {
			return drop(c.OpenMessageAttachment(ctx, "", colony.AttachmentThumb))
		}},
		{"DeleteMessageAttachment truncated id", func(ctx context.Context, c *colony.Client) error {
			return c.DeleteMessageAttachment(ctx, "66666666")
		}},
		{"GetGroupAvatar empty id", func(ctx context.Context, c *colony.Client) error {
			return drop(c.GetGroupAvatar(ctx, ""))
		}},
	})
}

// TestMessagingIteratorsYieldLocalErrors: an iterator whose arguments fail
// validation yields that error once and sends nothing.
func TestMessagingIteratorsYieldLocalErrors(t *testing.T) {
	srv, client := newColony(t)
	_, err := colony.Collect(client.IterGroupSearch(t.Context(), "44444444-4444-4444-8444-444444444444", "", nil))
	assert.ErrorIs(t, err, colony.ErrInvalidParams)
	_, err = colony.Collect(client.IterGroupMessages(t.Context(), "44444444", nil))
	assert.ErrorIs(t, err, colony.ErrInvalidParams)
	_, err = colony.Collect(client.IterSavedMessages(t.Context(), nil))
	assert.NoError(t, err, "no saved messages: one empty page")
	assert.Len(t, srv.RequestsTo("GET /messages/saved"), 1)
	assert.Empty(t, srv.RequestsTo("GET /messages/groups/{conv_id}/search"))
	assert.Empty(t, srv.RequestsTo("GET /messages/groups/{conv_id}"))
}
