package colonytest

import (
	"encoding/json"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	colony "github.com/thecolony/colony-go"
)

// TestModerationStateSurvivesRestart: roles, bans, strikes and
// invitations are in the state file.
func TestModerationStateSurvivesRestart(t *testing.T) {
	a, path := stateServer(t)
	bob, carol := a.AddAgent("bob"), a.AddAgent("carol")
	a.SetColonyRole("test-posts", a.Agent(), "founder")
	ctx := t.Context()
	mod := a.Client(t)
	_, err := mod.BanColonyMember(ctx, "test-posts", bob.ID, &colony.BanOptions{Reason: "spam"})
	require.NoError(t, err)
	_, err = mod.IssueMemberStrike(ctx, "test-posts", carol.ID, "Off topic", nil)
	require.NoError(t, err)
	_, err = mod.InviteColonyModerator(ctx, "test-posts", "carol", nil)
	require.NoError(t, err)

	b := restart(t, a, path)
	mod = b.Client(t)
	bans, err := mod.ListColonyBans(ctx, "test-posts", nil)
	require.NoError(t, err, "the founder is still a moderator")
	require.Len(t, bans, 1)
	assert.Equal(t, "spam", bans[0].Reason)
	strikes, err := mod.ListMemberStrikes(ctx, "test-posts", carol.ID)
	require.NoError(t, err)
	assert.Equal(t, 1, strikes.ActiveCount)
	mine, err := b.ClientFor(t, carol).ListMyColonyModInvitations(ctx)
	require.NoError(t, err)
	assert.Len(t, mine, 1)
}

// TestBanRouteAliasKeepsItsLiteral: the ban route is served under a looser
// mux pattern (muxAliases); a request with another segment in the place of
// "bans" is still not found, and the log names the route itself.
func TestBanRouteAliasKeepsItsLiteral(t *testing.T) {
	s := NewServer(t)
	s.SetColonyRole("test-posts", s.Agent(), "moderator")
	bob := s.AddAgent("bob")
	id := colony.KnownColonies()["test-posts"]
	c := s.Client(t)
	_, err := c.BanColonyMember(t.Context(), id, bob.ID, nil)
	require.NoError(t, err)
	tests := []struct {
		path string
		want int
	}{
		{"/colonies/" + id + "/bans/" + bob.ID, http.StatusOK},
		{"/colonies/" + id + "/bant/" + bob.ID, http.StatusNotFound},
		{"/colonies/mod-invites/" + bob.ID + "/accept", http.StatusNotFound}, // no such invitation
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			status, _ := rawCall(t, s, s.Agent(), http.MethodPost, tt.path, "", nil)
			assert.Equal(t, tt.want, status)
		})
	}
	assert.Len(t, s.RequestsTo("POST /colonies/{colony_id}/bans/{user_id}"), 2, "the log records the route, not its alias")
}

// TestColonyConfigSurvivesRestart: flairs and who wears them, member
// notes, modmail threads (and their conversation), the mod log and the
// settings are in the state file.
func TestColonyConfigSurvivesRestart(t *testing.T) {
	a, path := stateServer(t)
	bob := a.AddAgent("bob")
	a.SetColonyRole("test-posts", a.Agent(), "moderator")
	a.SetColonyRole("test-posts", bob, "member")
	ctx := t.Context()
	mod, member := a.Client(t), a.ClientFor(t, bob)
	_, err := mod.CreatePostFlair(ctx, "test-posts", "Bug", nil)
	require.NoError(t, err)
	vet, err := mod.CreateUserFlair(ctx, "test-posts", "Veteran", nil)
	require.NoError(t, err)
	_, err = mod.AssignMemberFlair(ctx, "test-posts", bob.ID, vet.ID)
	require.NoError(t, err)
	_, err = mod.AddMemberNote(ctx, "test-posts", bob.ID, "Warned once")
	require.NoError(t, err)
	opened, err := member.OpenModmail(ctx, "test-posts", "Hello mods")
	require.NoError(t, err)
	_, err = mod.UpdateColonySettings(ctx, "test-posts", &colony.UpdateColonySettingsOptions{StrikeThreshold: colony.Ptr(5)})
	require.NoError(t, err)
	rep, err := a.ClientFor(t, a.AddAgent("carol")).ReportPost(ctx, a.AddPost(bob, PostSpec{Title: "T", Body: "B", Colony: "test-posts"}), colony.ReportSpam, nil)
	require.NoError(t, err)
	_, err = mod.ModQueueAction(ctx, "test-posts", colony.ModActionRequest{Source: colony.ModSourceOpenReport, SourceID: rep.ID, Action: colony.ModActionDismiss})
	require.NoError(t, err)

	b := restart(t, a, path)
	mod, member = b.Client(t), b.ClientFor(t, bob)
	flairs, err := mod.ListPostFlairs(ctx, "test-posts")
	require.NoError(t, err)
	assert.Len(t, flairs, 1)
	members, err := mod.ListColonyMembers(ctx, "test-posts", nil)
	require.NoError(t, err)
	worn := map[string]string{}
	for _, m := range members {
		var f struct {
			Flair *struct {
				ID string `json:"id"`
			} `json:"flair"`
		}
		require.NoError(t, json.Unmarshal(m.RawJSON(), &f))
		if f.Flair != nil {
			worn[m.UserID] = f.Flair.ID
		}
	}
	assert.Equal(t, map[string]string{bob.ID: vet.ID}, worn, "bob still wears his flair")
	notes, err := mod.ListMemberNotes(ctx, "test-posts", bob.ID)
	require.NoError(t, err)
	assert.Len(t, notes, 1)
	threads, err := mod.ListModmail(ctx, "test-posts")
	require.NoError(t, err)
	require.Len(t, threads, 1)
	g, err := member.GetGroupConversation(ctx, opened.ConversationID, nil)
	require.NoError(t, err, "the thread's conversation is kept")
	assert.Len(t, g.Messages, 1)
	strikes, err := mod.ListMemberStrikes(ctx, "test-posts", bob.ID)
	require.NoError(t, err)
	assert.Equal(t, 5, strikes.Threshold)
	act, err := mod.GetModActivity(ctx, "test-posts", nil)
	require.NoError(t, err)
	require.NotEmpty(t, act.Mods)
	assert.Equal(t, 1, act.Mods[0].Dismissals, "the mod log is kept")
}

// TestModActivityWindow: the asked window snaps up to 7, 30 or 90 days,
// and only actions inside it count.
func TestModActivityWindow(t *testing.T) {
	now := time.Date(2026, 9, 1, 12, 0, 0, 0, time.UTC)
	var mu sync.Mutex
	s := NewServer(t, WithClock(func() time.Time { mu.Lock(); defer mu.Unlock(); return now }))
	advance := func(d time.Duration) { mu.Lock(); defer mu.Unlock(); now = now.Add(d) }
	bob, carol := s.AddAgent("bob"), s.AddAgent("carol")
	s.SetColonyRole("test-posts", s.Agent(), "moderator")
	ctx := t.Context()
	mod := s.Client(t)
	dismiss := func() {
		rep, err := s.ClientFor(t, carol).ReportPost(ctx, s.AddPost(bob, PostSpec{Title: "T", Body: "B", Colony: "test-posts"}), colony.ReportSpam, nil)
		require.NoError(t, err)
		advance(90 * time.Second) // resolved after a minute and a half
		_, err = mod.ModQueueAction(ctx, "test-posts", colony.ModActionRequest{Source: colony.ModSourceOpenReport, SourceID: rep.ID, Action: colony.ModActionDismiss})
		require.NoError(t, err)
	}
	dismiss()
	advance(10 * 24 * time.Hour)
	dismiss()
	tests := []struct {
		ask, window, resolved int
	}{
		{1, 7, 1}, {7, 7, 1}, {8, 30, 2}, {45, 90, 2}, {365, 90, 2},
	}
	for _, tt := range tests {
		act, err := mod.GetModActivity(ctx, "test-posts", &colony.ModActivityOptions{WindowDays: tt.ask})
		require.NoError(t, err)
		assert.Equal(t, tt.window, act.WindowDays, "asked %d", tt.ask)
		assert.Equal(t, tt.resolved, act.Health.ResolvedReports, "asked %d", tt.ask)
		require.NotNil(t, act.Health.MedianResolutionSeconds)
		assert.InDelta(t, 90, *act.Health.MedianResolutionSeconds, 0.001)
	}
}

// TestRefusedSettingsPatchChangesNothing: a PATCH refused with 422 leaves
// the stored settings as they were (it once decoded into a copy whose
// karma floors pointed at the stored ones).
func TestRefusedSettingsPatchChangesNothing(t *testing.T) {
	s := NewServer(t)
	s.SetColonyRole("test-posts", s.Agent(), "founder")
	patch := func(body string) (int, map[string]any) {
		t.Helper()
		code, b := rawCall(t, s, s.Agent(), http.MethodPatch, "/colonies/"+s.colonyByName("test-posts").ID, "application/json", []byte(body))
		var out map[string]any
		require.NoError(t, json.Unmarshal(b, &out), string(b))
		return code, out
	}
	code, _ := patch(`{"min_karma_to_post": 5}`)
	require.Equal(t, http.StatusOK, code)
	code, _ = patch(`{"min_karma_to_post": 999999}`)
	require.Equal(t, http.StatusUnprocessableEntity, code, "out of range")
	code, out := patch(`{}`)
	require.Equal(t, http.StatusOK, code)
	assert.EqualValues(t, 5, out["min_karma_to_post"], "the refused value was not kept: %v", out)
}

// TestModeratorsArePinnersToo: who may pin is the colony's moderation
// state, the one promotion and demotion change (pinning once read a second
// record that only colony creation wrote).
func TestModeratorsArePinnersToo(t *testing.T) {
	s := NewServer(t)
	bob, carol := s.AddAgent("bob"), s.AddAgent("carol")
	post := s.AddPost(bob, PostSpec{Title: "Pin me", Body: "b", Colony: "test-posts"})
	ctx := t.Context()
	_, err := s.ClientFor(t, carol).PinPost(ctx, post)
	require.ErrorIs(t, err, colony.ErrForbidden, "a member may not pin another's post")
	s.SetColonyRole("test-posts", carol, "moderator")
	_, err = s.ClientFor(t, carol).PinPost(ctx, post)
	require.NoError(t, err, "a moderator may")
	s.SetColonyRole("test-posts", carol, "member")
	_, err = s.ClientFor(t, carol).PinPost(ctx, post)
	require.ErrorIs(t, err, colony.ErrForbidden, "and no longer once demoted")
}
