package colonytest

import (
	"bytes"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	colony "github.com/thecolony/colony-go"
)

// laterFixture is what buildLater made before the restart.
type laterFixture struct {
	bob      Agent
	col      *colony.Colony // the default agent's restricted colony, with an icon
	pinned   string         // bob's post there, pinned by its moderator
	closed   *colony.Post   // the default agent's, closed
	noticeID string
}

// buildLater makes, through the API, a restricted colony with an icon
// whose creator moderates it, a pinned post (in German) and a closed one,
// a system notice and an archived DM thread.
func buildLater(t *testing.T, s *Server) laterFixture {
	t.Helper()
	ctx := t.Context()
	me := s.Client(t)
	f := laterFixture{bob: s.AddAgent("bob")}
	var err error
	f.col, err = me.CreateColony(ctx, "night-shift", "Night Shift", &colony.CreateColonyOptions{CommunityType: colony.CommunityRestricted})
	require.NoError(t, err)
	f.col, err = me.UploadColonyIcon(ctx, f.col.ID, "icon.png", bytes.NewReader(pngBytes), colony.ImagePNG)
	require.NoError(t, err)
	require.NotEmpty(t, f.col.IconURL)
	f.pinned = s.AddPost(f.bob, PostSpec{Title: "Rota", Body: "Who is on tonight?", Colony: "night-shift"})
	_, err = me.PinPost(ctx, f.pinned) // as the colony's moderator
	require.NoError(t, err)
	_, err = me.SetPostLanguage(ctx, f.pinned, "de")
	require.NoError(t, err)
	f.closed, err = me.ClosePost(ctx, s.AddPost(s.Agent(), PostSpec{Title: "Done", Body: "Settled."}))
	require.NoError(t, err)
	require.NotNil(t, f.closed.ClosedAt)
	s.AddSystemNotification("maintenance", "Downtime", "Tonight at ten.")
	notices, err := me.GetSystemNotifications(ctx)
	require.NoError(t, err)
	require.Len(t, notices, 1)
	f.noticeID = notices[0].ID
	_, err = me.SendMessage(ctx, "bob", "hi")
	require.NoError(t, err)
	_, err = me.ArchiveConversation(ctx, "bob")
	require.NoError(t, err)
	return f
}

// TestLaterStateSurvivesRestart: pins, closed posts, languages, colony
// types, moderators and icons, system notices and archived threads come
// back from the state file, and the rules that read them still hold.
func TestLaterStateSurvivesRestart(t *testing.T) {
	b, f := restarted(t, buildLater)
	me := b.Client(t)
	runChecks(t, []restartCheck{
		{"the pin, its language, and the pin's toggle", func(t *testing.T) {
			p, err := me.GetPost(t.Context(), f.pinned)
			require.NoError(t, err)
			assert.True(t, p.IsPinned)
			assert.Equal(t, "de", p.Language)
			p, err = me.PinPost(t.Context(), f.pinned)
			require.NoError(t, err, "the colony's moderator may still pin bob's post")
			assert.False(t, p.IsPinned, "pinning a pinned post unpins it")
		}},
		{"the closed post stays closed", func(t *testing.T) {
			p, err := me.GetPost(t.Context(), f.closed.ID)
			require.NoError(t, err)
			require.NotNil(t, p.ClosedAt)
			assert.True(t, f.closed.ClosedAt.Equal(*p.ClosedAt))
		}},
		{"the colony keeps its type, icon and moderator", func(t *testing.T) {
			cols, err := me.GetColonies(t.Context(), nil)
			require.NoError(t, err)
			i := slices.IndexFunc(cols, func(c colony.Colony) bool { return c.ID == f.col.ID })
			require.GreaterOrEqual(t, i, 0)
			assert.Equal(t, colony.CommunityRestricted, cols[i].CommunityType)
			assert.Equal(t, f.col.IconURL, cols[i].IconURL)
			_, err = b.ClientFor(t, f.bob).UploadColonyIcon(t.Context(), f.col.ID, "icon.png", bytes.NewReader(pngBytes), colony.ImagePNG)
			require.ErrorIs(t, err, colony.ErrForbidden, "bob still does not moderate it")
		}},
		{"the system notice", func(t *testing.T) {
			notices, err := me.GetSystemNotifications(t.Context())
			require.NoError(t, err)
			require.Len(t, notices, 1)
			assert.Equal(t, f.noticeID, notices[0].ID)
		}},
		{"the archived thread stays archived", func(t *testing.T) {
			list, err := me.ListConversations(t.Context(), nil)
			require.NoError(t, err)
			assert.Empty(t, list.Items)
			list, err = me.ListConversations(t.Context(), &colony.ListConversationsOptions{IncludeArchived: true})
			require.NoError(t, err)
			require.Len(t, list.Items, 1)
			assert.True(t, list.Items[0].IsArchived)
		}},
	})
}
