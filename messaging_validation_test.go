package colony_test

import (
	"bytes"
	"context"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	colony "github.com/thecolony/colony-go"
	"github.com/thecolony/colony-go/colonytest"
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
	cases := []struct {
		name string
		call func(context.Context, *colony.Client) error
	}{
		{"SendMessage blank body", func(ctx context.Context, c *colony.Client) error {
			_, err := c.SendMessage(ctx, "bob", " \n")
			return err
		}},
		{"SendMessage blank username", func(ctx context.Context, c *colony.Client) error {
			_, err := c.SendMessage(ctx, "", "hi")
			return err
		}},
		{"SendMessage dot username", func(ctx context.Context, c *colony.Client) error {
			_, err := c.SendMessage(ctx, "..", "hi")
			return err
		}},
		{"GetConversation blank username", func(ctx context.Context, c *colony.Client) error {
			_, err := c.GetConversation(ctx, " ")
			return err
		}},
		{"MarkConversationSpam description too long", func(ctx context.Context, c *colony.Client) error {
			_, err := c.MarkConversationSpam(ctx, "bob", &colony.MarkConversationSpamOptions{Description: strings.Repeat("é", colony.MaxSpamDescription+1)})
			return err
		}},
		{"UnmarkConversationSpam blank username", func(ctx context.Context, c *colony.Client) error {
			_, err := c.UnmarkConversationSpam(ctx, "")
			return err
		}},
		{"CreateGroupConversation blank title", func(ctx context.Context, c *colony.Client) error {
			_, err := c.CreateGroupConversation(ctx, "  ", []string{"bob"})
			return err
		}},
		{"CreateGroupConversation no invitees", func(ctx context.Context, c *colony.Client) error {
			_, err := c.CreateGroupConversation(ctx, "Team", nil)
			return err
		}},
		{"CreateGroupConversation 50 invitees", func(ctx context.Context, c *colony.Client) error {
			_, err := c.CreateGroupConversation(ctx, "Team", invitees(colony.MaxGroupInvitees+1))
			return err
		}},
		{"CreateGroupConversation blank invitee", func(ctx context.Context, c *colony.Client) error {
			_, err := c.CreateGroupConversation(ctx, "Team", []string{"bob", ""})
			return err
		}},
		{"CreateGroupFromTemplate blank template", func(ctx context.Context, c *colony.Client) error {
			_, err := c.CreateGroupFromTemplate(ctx, "", []string{"bob"}, nil)
			return err
		}},
		{"CreateGroupFromTemplate no invitees", func(ctx context.Context, c *colony.Client) error {
			_, err := c.CreateGroupFromTemplate(ctx, "software-team", []string{}, nil)
			return err
		}},
		{"GetGroupConversation truncated id", func(ctx context.Context, c *colony.Client) error {
			_, err := c.GetGroupConversation(ctx, "44444444", nil)
			return err
		}},
		{"UpdateGroupConversation nothing to update", func(ctx context.Context, c *colony.Client) error {
			_, err := c.UpdateGroupConversation(ctx, conv, &colony.UpdateGroupConversationOptions{})
			return err
		}},
		{"UpdateGroupConversation nil options", func(ctx context.Context, c *colony.Client) error {
			_, err := c.UpdateGroupConversation(ctx, conv, nil)
			return err
		}},
		{"UpdateGroupConversation blank title", func(ctx context.Context, c *colony.Client) error {
			_, err := c.UpdateGroupConversation(ctx, conv, &colony.UpdateGroupConversationOptions{Title: str(" ")})
			return err
		}},
		{"SendGroupMessage blank body", func(ctx context.Context, c *colony.Client) error {
			_, err := c.SendGroupMessage(ctx, conv, "", nil)
			return err
		}},
		{"SendGroupMessage truncated reply id", func(ctx context.Context, c *colony.Client) error {
			_, err := c.SendGroupMessage(ctx, conv, "hi", &colony.SendGroupMessageOptions{ReplyToMessageID: "55555555-55"})
			return err
		}},
		{"AddGroupMember blank username", func(ctx context.Context, c *colony.Client) error {
			_, err := c.AddGroupMember(ctx, conv, "")
			return err
		}},
		{"RemoveGroupMember empty user id", func(ctx context.Context, c *colony.Client) error {
			_, err := c.RemoveGroupMember(ctx, conv, "")
			return err
		}},
		{"TransferGroupCreator blank username", func(ctx context.Context, c *colony.Client) error {
			_, err := c.TransferGroupCreator(ctx, conv, "\t")
			return err
		}},
		{"MuteGroupConversation unknown duration", func(ctx context.Context, c *colony.Client) error {
			_, err := c.MuteGroupConversation(ctx, conv, "2h")
			return err
		}},
		{"SnoozeGroupConversation forever", func(ctx context.Context, c *colony.Client) error {
			_, err := c.SnoozeGroupConversation(ctx, conv, "forever")
			return err
		}},
		{"SnoozeGroupConversation no duration", func(ctx context.Context, c *colony.Client) error {
			_, err := c.SnoozeGroupConversation(ctx, conv, "")
			return err
		}},
		{"SearchGroupMessages blank query", func(ctx context.Context, c *colony.Client) error {
			_, err := c.SearchGroupMessages(ctx, conv, " ", nil)
			return err
		}},
		{"PinGroupMessage truncated message id", func(ctx context.Context, c *colony.Client) error {
			_, err := c.PinGroupMessage(ctx, conv, "5555555555")
			return err
		}},
		{"MarkMessageRead dot id", func(ctx context.Context, c *colony.Client) error {
			_, err := c.MarkMessageRead(ctx, ".")
			return err
		}},
		{"AddMessageReaction blank emoji", func(ctx context.Context, c *colony.Client) error {
			_, err := c.AddMessageReaction(ctx, msg, "")
			return err
		}},
		{"RemoveMessageReaction blank emoji", func(ctx context.Context, c *colony.Client) error {
			_, err := c.RemoveMessageReaction(ctx, msg, " ")
			return err
		}},
		{"EditMessage blank body", func(ctx context.Context, c *colony.Client) error {
			_, err := c.EditMessage(ctx, msg, "")
			return err
		}},
		{"DeleteMessage empty id", func(ctx context.Context, c *colony.Client) error {
			_, err := c.DeleteMessage(ctx, "")
			return err
		}},
		{"ForwardMessage blank recipient", func(ctx context.Context, c *colony.Client) error {
			_, err := c.ForwardMessage(ctx, msg, "", nil)
			return err
		}},
		{"UploadMessageAttachment empty filename", func(ctx context.Context, c *colony.Client) error {
			_, err := c.UploadMessageAttachment(ctx, "", png(), colony.ImagePNG)
			return err
		}},
		{"UploadMessageAttachment filename of line breaks", func(ctx context.Context, c *colony.Client) error {
			_, err := c.UploadMessageAttachment(ctx, "\r\n", png(), colony.ImagePNG)
			return err
		}},
		{"UploadMessageAttachment nil reader", func(ctx context.Context, c *colony.Client) error {
			_, err := c.UploadMessageAttachment(ctx, "a.png", nil, colony.ImagePNG)
			return err
		}},
		{"UploadMessageAttachment empty file", func(ctx context.Context, c *colony.Client) error {
			_, err := c.UploadMessageAttachment(ctx, "a.png", bytes.NewReader(nil), colony.ImagePNG)
			return err
		}},
		{"UploadMessageAttachment unsupported type", func(ctx context.Context, c *colony.Client) error {
			_, err := c.UploadMessageAttachment(ctx, "a.bmp", png(), "image/bmp")
			return err
		}},
		{"UploadGroupAvatar gif", func(ctx context.Context, c *colony.Client) error {
			_, err := c.UploadGroupAvatar(ctx, conv, "a.gif", png(), colony.ImageGIF)
			return err
		}},
		{"UploadGroupAvatar truncated group id", func(ctx context.Context, c *colony.Client) error {
			_, err := c.UploadGroupAvatar(ctx, "4444444444", "a.png", png(), colony.ImagePNG)
			return err
		}},
		{"GetMessageAttachment unknown variant", func(ctx context.Context, c *colony.Client) error {
			_, err := c.GetMessageAttachment(ctx, msg, "large")
			return err
		}},
		{"OpenMessageAttachment empty id", func(ctx context.Context, c *colony.Client) error {
			_, err := c.OpenMessageAttachment(ctx, "", colony.AttachmentThumb)
			return err
		}},
		{"DeleteMessageAttachment truncated id", func(ctx context.Context, c *colony.Client) error {
			return c.DeleteMessageAttachment(ctx, "66666666")
		}},
		{"GetGroupAvatar empty id", func(ctx context.Context, c *colony.Client) error {
			_, err := c.GetGroupAvatar(ctx, "")
			return err
		}},
	}
	srv := colonytest.NewServer(t)
	client := srv.Client(t)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.call(t.Context(), client)
			require.Error(t, err)
			assert.ErrorIs(t, err, colony.ErrInvalidParams)
			assert.Empty(t, srv.Requests(), "nothing may be sent")
		})
	}
}

// TestMessagingIteratorsYieldLocalErrors: an iterator whose arguments fail
// validation yields that error once and sends nothing.
func TestMessagingIteratorsYieldLocalErrors(t *testing.T) {
	srv := colonytest.NewServer(t)
	client := srv.Client(t)
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
